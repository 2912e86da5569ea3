using System.Text.Json;
using BenchmarkDotNet.Running;
using ScriptRunner.Benchmarks;

// Usage:
//   dotnet run -c Release --project ScriptRunner.Benchmarks -- [compare] [--json <file>]
//       Stopwatch timings of the plan (bench-plan.json), the same measurements node/bench.mjs makes on V8.
//   dotnet run -c Release --project ScriptRunner.Benchmarks -- bdn [BenchmarkDotNet arguments]
//       The BenchmarkDotNet suite (KernelBenchmarks, ModuleBenchmarks) for detailed in-process statistics.
if (args.Length > 0 && args[0] == "bdn")
{
    BenchmarkSwitcher.FromTypes([typeof(KernelBenchmarks), typeof(ModuleBenchmarks)]).Run(args[1..]);
    return 0;
}

var rest = args.Length > 0 && args[0] == "compare" ? args[1..] : args;
string? jsonPath = null;
for (var i = 0; i < rest.Length; i++)
{
    if (rest[i] == "--json" && i + 1 < rest.Length) jsonPath = rest[++i];
    else
    {
        Console.Error.WriteLine($"unknown argument '{rest[i]}'; usage: [compare] [--json <file>] | bdn [BenchmarkDotNet arguments]");
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
