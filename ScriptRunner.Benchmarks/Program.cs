using System.Text.Json;
using BenchmarkDotNet.Running;
using ScriptRunner.Benchmarks;
using ScriptRunner.Benchmarks.Load;

// Usage (from the repository root):
//   dotnet run -c Release --project ScriptRunner.Benchmarks -- [compare] [--json <file>]
//       Stopwatch timings of the Wasm plan (bench-plan.json), the same measurements node/bench.mjs makes on V8.
//   dotnet run -c Release --project ScriptRunner.Benchmarks -- bdn [BenchmarkDotNet arguments]
//       The BenchmarkDotNet suites of this assembly, e.g. `bdn --filter *ExecutionBenchmarks*` or `bdn --filter *KernelBenchmarks*` or `bdn --filter *ModuleBenchmarks*`.
//   dotnet run -c Release --project ScriptRunner.Benchmarks -- load [--url ...] [--concurrency N] [--duration S]
//       HTTP load against a ScriptRunner running on this machine (loopback only).
//   dotnet run -c Release --project ScriptRunner.Benchmarks -- v8-memory
//       Resident memory of a process holding an idle, warm V8 sandbox.
if (args.Length > 0 && args[0] == "bdn")
{
    BenchmarkSwitcher.FromAssembly(typeof(ExecutionBenchmarks).Assembly).Run(args[1..]);
    return 0;
}

if (args.Length > 0 && args[0] == "load") return await LoadGenerator.RunAsync(args[1..]);
if (args.Length > 0 && args[0] == "v8-memory") return V8IdleMemory.Run(Console.Out);

var rest = args.Length > 0 && args[0] == "compare" ? args[1..] : args;
string? jsonPath = null;
for (var i = 0; i < rest.Length; i++)
{
    if (rest[i] == "--json" && i + 1 < rest.Length) jsonPath = rest[++i];
    else
    {
        Console.Error.WriteLine($"unknown argument '{rest[i]}'; usage: [compare] [--json <file>] | bdn [BenchmarkDotNet arguments] | load [options]");
        return 2;
    }
}

var planPath = BenchmarkPlan.DefaultPath;
var results = new CrossEngineHarness(BenchmarkPlan.Load(planPath), planPath).Run(Console.Out);
if (jsonPath is not null)
{
    var document = new { engine = "ScriptRunner", runtime = Environment.Version.ToString(), results };
    File.WriteAllText(jsonPath, JsonSerializer.Serialize(document, new JsonSerializerOptions(JsonSerializerDefaults.Web) { WriteIndented = true }));
}
return 0;
