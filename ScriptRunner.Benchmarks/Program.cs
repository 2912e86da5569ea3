using BenchmarkDotNet.Running;
using ScriptRunner.Benchmarks.Load;

// `load ...` drives a running app over HTTP; anything else picks BenchmarkDotNet benchmarks
// (e.g. `--filter *ExecutionBenchmarks*`, `--list flat`).
if (args.Length > 0 && args[0] == "load") return await LoadGenerator.RunAsync(args[1..]);

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;
