using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using ScriptRunner.Core.Execution;
using ScriptRunner.Core.Options;
using ScriptRunner.Sandbox.JavaScript.V8;

namespace ScriptRunner.Benchmarks;

/// <summary>
/// One V8 execution arriving at an idle sandbox, the way requests usually do: the next context has been made while
/// the sandbox waited, so the run pays only for itself. <see cref="V8SandboxBenchmarks"/> runs back to back instead,
/// where each run also waits for its context.
/// </summary>
[MedianColumn, MinColumn, MaxColumn]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 30, iterationCount: 200, invocationCount: 1)]
public class V8ArrivalBenchmarks
{
    private readonly ScriptRunnerOptions _options = new();
    private V8Sandbox _v8 = null!;

    [GlobalSetup]
    public void Setup()
    {
        _v8 = new V8Sandbox(Microsoft.Extensions.Options.Options.Create(_options));
        foreach (var code in new[] { V8SandboxBenchmarks.Fib25, V8SandboxBenchmarks.Trivial })
        {
            var warm = V8SandboxBenchmarks.Run(_v8, _options, code);
            if (!warm.Success) throw new InvalidOperationException($"warm-up failed: {warm.ErrorType} {warm.Error}");
        }
    }

    /// <summary>The idle gap between requests, in which the sandbox prepares the next context.</summary>
    [IterationSetup]
    public void Idle() => Thread.Sleep(10);

    [GlobalCleanup]
    public void Cleanup() => _v8.Dispose();

    /// <summary>fib(25) arriving at an idle sandbox.</summary>
    [Benchmark]
    public SandboxOutcome Fib25AfterIdle() => V8SandboxBenchmarks.Run(_v8, _options, V8SandboxBenchmarks.Fib25);

    /// <summary>A trivial script arriving at an idle sandbox.</summary>
    [Benchmark]
    public SandboxOutcome TrivialAfterIdle() => V8SandboxBenchmarks.Run(_v8, _options, V8SandboxBenchmarks.Trivial);
}
