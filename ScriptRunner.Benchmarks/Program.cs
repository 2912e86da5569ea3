using System.Text.Json;
using BenchmarkDotNet.Running;
using ScriptRunner.Benchmarks;
using ScriptRunner.Benchmarks.Load;

// Usage (from the repository root):
//   dotnet run -c Release --project ScriptRunner.Benchmarks -- [compare] [--engine managed|wasmtime|wasmtime-epoch] [--json <file>]
//       Stopwatch timings of the Wasm plan (bench-plan.json), the same measurements node/bench.mjs makes on V8:
//       everything on the managed engine (default), or the kernels on Wasmtime without or with epoch interruption.
//   dotnet run -c Release --project ScriptRunner.Benchmarks -- request <module.wasm> <export> [args...] [--cache DIR] [--timeout-ms N] [--warm]
//       One Wasmtime request in a new process (cold, or from the disk cache when DIR already holds the module).
//   dotnet run -c Release --project ScriptRunner.Benchmarks -- overhead
//       Warm per-request cost and host-call cost on both engines.
//   dotnet run -c Release --project ScriptRunner.Benchmarks -- bdn [BenchmarkDotNet arguments]
//       The BenchmarkDotNet suites of this assembly, e.g. `bdn --filter *JavaScriptBenchmarks*` or `bdn --filter *KernelBenchmarks*` or `bdn --filter *ModuleBenchmarks*`.
//   dotnet run -c Release --project ScriptRunner.Benchmarks -- load [--url ...] [--concurrency N] [--duration S]
//       HTTP load against a ScriptRunner running on this machine (loopback only).
//   dotnet run -c Release --project ScriptRunner.Benchmarks -- pool [--kills 20] [--sandbox <published ScriptRunner.Sandbox.dll>]
//       How long a killed sandbox process's replacement takes to become ready.
//   dotnet run -c Release --project ScriptRunner.Benchmarks -- hop [--runs 2000]
//       Sequential trivial runs on one warm pooled process: round trip against time inside the sandbox.
//   dotnet run -c Release --project ScriptRunner.Benchmarks -- first-answer --app <ScriptRunner.Functions.dll>
//       Time from starting the app to its first answered execution.
//   dotnet run -c Release --project ScriptRunner.Benchmarks -- kill-storm --app <ScriptRunner.Functions.dll> [--rounds 15]
//       Faults and bystanders fired together: answer times against deadlines, late answers, processes ended and started.
//   dotnet run -c Release --project ScriptRunner.Benchmarks -- streams [--runs 15] [--trivial 2000] [--trivial-only]
//       Streams inside the sandbox on both engines: first touch, gzip of 1 MB, 1 MB through a TransformStream.
//   dotnet run -c Release --project ScriptRunner.Benchmarks -- v8-memory
//       Resident memory of a process holding an idle, warm V8 sandbox.
//   dotnet run -c Release --project ScriptRunner.Benchmarks -- first-touch [--runs 300] [--only-existing]
//       The cost of the first read of each lazy prelude group's globals, on Jint and V8.
//   dotnet run -c Release --project ScriptRunner.Benchmarks -- run-cost [--runs 2000]
//       Where a trivial execution's time goes on Jint and V8: the bare engine against the sandbox, side by side.
//   dotnet run -c Release --project ScriptRunner.Benchmarks -- memory --app <ScriptRunner.Functions.dll> [--mixed 1000] [--hostile 100] [--idle 30]
//       Resident memory of the service and its process tree: idle, after mixed and after hostile requests, then idle again.
//   dotnet run -c Release --project ScriptRunner.Benchmarks -- crypto-cpu
//       crypto.subtle on both engines, timed by the running thread's CPU time as well as the wall clock.
if (args.Length > 0 && args[0] == "bdn")
{
    BenchmarkSwitcher.FromAssembly(typeof(JavaScriptBenchmarks).Assembly).Run(args[1..]);
    return 0;
}

if (args.Length > 0 && args[0] == "load") return await LoadGenerator.RunAsync(args[1..]);
if (args.Length > 0 && args[0] == "pool") return await PoolTimings.ReplacementAsync(args[1..]);
if (args.Length > 0 && args[0] == "hop") return await PoolTimings.HopAsync(args[1..]);
if (args.Length > 0 && args[0] == "first-answer") return await PoolTimings.FirstAnswerAsync(args[1..]);
if (args.Length > 0 && args[0] == "kill-storm") return await KillStorm.RunAsync(args[1..]);
if (args.Length > 0 && args[0] == "request") return SandboxHarness.Request(args[1..]);
if (args.Length > 0 && args[0] == "overhead") return SandboxHarness.Overhead();
if (args.Length > 0 && args[0] == "v8-memory") return V8IdleMemory.Run(Console.Out);
if (args.Length > 0 && args[0] == "first-touch") return FirstTouchTimings.Run(args[1..]);
if (args.Length > 0 && args[0] == "run-cost") return RunCostTimings.Run(args[1..]);
if (args.Length > 0 && args[0] == "crypto-cpu") return WebCryptoCpuTimes.Run(Console.Out);
if (args.Length > 0 && args[0] == "memory") return await ServiceMemory.RunAsync(args[1..]);
if (args.Length > 0 && args[0] == "streams") return StreamsTimings.Run(args[1..]);

var rest = args.Length > 0 && args[0] == "compare" ? args[1..] : args;
string? jsonPath = null;
var engine = "managed";
for (var i = 0; i < rest.Length; i++)
{
    if (rest[i] == "--json" && i + 1 < rest.Length) jsonPath = rest[++i];
    else if (rest[i] == "--engine" && i + 1 < rest.Length) engine = rest[++i];
    else
    {
        Console.Error.WriteLine($"unknown argument '{rest[i]}'; usage: [compare] [--engine managed|wasmtime|wasmtime-epoch] [--json <file>] | request <module> <export> [args] [--cache DIR] [--timeout-ms N] [--warm] | overhead | bdn [BenchmarkDotNet arguments] | load [options]");
        return 2;
    }
}

var planPath = BenchmarkPlan.DefaultPath;
var plan = BenchmarkPlan.Load(planPath);
var results = engine switch
{
    "wasmtime" => new WasmtimeHarness(plan, planPath, epoch: false).Run(Console.Out),
    "wasmtime-epoch" => new WasmtimeHarness(plan, planPath, epoch: true).Run(Console.Out),
    _ => new CrossEngineHarness(plan, planPath).Run(Console.Out),
};
if (jsonPath is not null)
{
    var document = new { engine = $"ScriptRunner ({engine})", runtime = Environment.Version.ToString(), results };
    File.WriteAllText(jsonPath, JsonSerializer.Serialize(document, new JsonSerializerOptions(JsonSerializerDefaults.Web) { WriteIndented = true }));
}
return 0;
