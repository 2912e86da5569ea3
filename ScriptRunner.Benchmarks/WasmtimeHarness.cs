using System.Diagnostics;
using System.Globalization;
using ScriptRunner.Sandbox.WebAssembly.Wasmtime;
using Wasmtime;

namespace ScriptRunner.Benchmarks;

/// <summary>
/// The plan's kernels on Wasmtime, configured as the sandbox configures it, with the same warm-up and timed calls as
/// <see cref="CrossEngineHarness"/> and node/bench.mjs. <c>epoch</c> compiles with epoch checks and runs each
/// kernel under a store deadline, as <c>ScriptRunner__Wasm__WasmtimeInterrupt=epoch</c> does.
/// </summary>
internal sealed class WasmtimeHarness(BenchmarkPlan plan, string planPath, bool epoch)
{
    /// <summary>Runs the kernels, printing progress to <paramref name="log"/>.</summary>
    public IReadOnlyList<Measurement> Run(TextWriter log)
    {
        var results = new List<Measurement>();
        using var config = WasmtimeRuntime.WebAssembly20Config().WithEpochInterruption(epoch);
        using var engine = new Engine(config);
        using var module = Module.FromBytes(engine, "kernels", BenchmarkPlan.ReadModule(planPath, plan.KernelModule));
        using var store = new Store(engine);
        if (epoch) store.SetEpochDeadline(WasmtimeRuntime.EpochTicksFor(TimeSpan.FromMinutes(10)));
        using var ticker = epoch ? new Timer(_ => engine.IncrementEpoch(), null, 10, 10) : null;
        using var linker = new Linker(engine);
        var instance = linker.Instantiate(store, module);
        instance.GetFunction("_initialize")?.Invoke();
        foreach (var kernel in plan.Kernels)
        {
            var function = instance.GetFunction(kernel.Export) ?? throw new InvalidOperationException($"no export '{kernel.Export}'");
            var args = kernel.Args.Select((a, i) => function.Parameters[i] == ValueKind.Int64 ? (ValueBox)a : (ValueBox)(int)a).ToArray();
            for (var i = 0; i < kernel.Warmup; i++) function.Invoke(args);
            GC.Collect();
            var times = new double[kernel.Iterations];
            object? result = null;
            for (var i = 0; i < times.Length; i++)
            {
                var start = Stopwatch.GetTimestamp();
                result = function.Invoke(args);
                times[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            }

            var checksum = result switch
            {
                float f => f.ToString("R", CultureInfo.InvariantCulture),
                double d => d.ToString("R", CultureInfo.InvariantCulture),
                IFormattable x => x.ToString(null, CultureInfo.InvariantCulture),
                _ => result?.ToString(),
            };
            var measurement = Measurement.From(kernel.Name, "kernel", times, checksum);
            log.WriteLine($"{measurement.Name,-34} median {measurement.MedianMs,10:F3} ms  min {measurement.MinMs,10:F3} ms  {measurement.Checksum}");
            results.Add(measurement);
        }

        results.Add(Instantiate(engine, log));
        return results;
    }

    // The plan's small module instantiated in a new store each time, as ScriptRunner.Wasm's "instantiate" row does.
    private Measurement Instantiate(Engine engine, TextWriter log)
    {
        var instantiate = plan.Instantiate;
        using var module = Module.FromBytes(engine, "small", BenchmarkPlan.ReadModule(planPath, instantiate.Module));
        using var linker = new Linker(engine);
        var times = new List<double>();
        for (var i = 0; i < instantiate.Warmup + instantiate.Iterations; i++)
        {
            var start = Stopwatch.GetTimestamp();
            using (var store = new Store(engine))
            {
                linker.Instantiate(store, module);
            }

            var elapsed = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            if (i >= instantiate.Warmup) times.Add(elapsed);
        }

        var measurement = Measurement.From(instantiate.Name, "instantiate", times, null);
        log.WriteLine($"{measurement.Name,-34} median {measurement.MedianMs,10:F3} ms  min {measurement.MinMs,10:F3} ms");
        return measurement;
    }
}
