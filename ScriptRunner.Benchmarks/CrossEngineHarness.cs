using System.Diagnostics;
using System.Globalization;
using ScriptRunner.Wasm;

namespace ScriptRunner.Benchmarks;

/// <summary>
/// Stopwatch timings comparable with node/bench.mjs: warm-up calls, then one timestamp pair per timed call,
/// reported as median and minimum. Kernel results are kept as checksums so the two engines can be cross-checked.
/// </summary>
internal sealed class CrossEngineHarness(BenchmarkPlan plan, string planPath)
{
    /// <summary>Runs every measurement of the plan, printing progress to <paramref name="log"/>.</summary>
    public IReadOnlyList<Measurement> Run(TextWriter log)
    {
        var results = new List<Measurement>();
        foreach (var measurement in RunKernels().Append(RunCompile()).Append(RunStartup()).Append(RunInstantiate()))
        {
            log.WriteLine($"{measurement.Name,-34} median {measurement.MedianMs,10:F3} ms  min {measurement.MinMs,10:F3} ms  {measurement.Checksum}");
            results.Add(measurement);
        }
        return results;
    }

    private IEnumerable<Measurement> RunKernels()
    {
        var engine = new Engine();
        var module = Module.FromBytes(engine, BenchmarkPlan.ReadModule(planPath, plan.KernelModule));
        using var store = new Store(engine);
        var instance = new Linker(engine).Instantiate(store, module);
        instance.GetFunction("_initialize")?.Invoke();
        foreach (var kernel in plan.Kernels)
        {
            var function = instance.GetFunction(kernel.Export)
                ?? throw new InvalidOperationException($"kernels module has no export '{kernel.Export}'");
            var args = Arguments(function.Type, kernel.Args);
            for (var i = 0; i < kernel.Warmup; i++) function.Invoke(args);
            GC.Collect();
            GC.WaitForPendingFinalizers();
            var times = new double[kernel.Iterations];
            Value[] result = [];
            for (var i = 0; i < times.Length; i++)
            {
                var start = Stopwatch.GetTimestamp();
                result = function.Invoke(args);
                times[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            }
            yield return Measurement.From(kernel.Name, "kernel", times, Checksum(result));
        }
    }

    private Measurement RunCompile()
    {
        var compile = plan.Compile;
        var bytes = BenchmarkPlan.ReadModule(planPath, compile.Module);
        var times = new List<double>();
        for (var i = 0; i < compile.Warmup + compile.Iterations; i++)
        {
            // A new engine each time: its cache is empty, so this is a cold decode, validate and compile.
            var engine = new Engine();
            GC.Collect();
            var start = Stopwatch.GetTimestamp();
            Module.FromBytes(engine, bytes);
            var elapsed = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            if (i >= compile.Warmup) times.Add(elapsed);
        }
        return Measurement.From(compile.Name, "compile", times, $"{bytes.Length} bytes");
    }

    private Measurement RunStartup()
    {
        var startup = plan.Startup;
        var bytes = BenchmarkPlan.ReadModule(planPath, startup.Module);
        var times = new List<double>();
        uint sum = 0;
        for (var i = 0; i < startup.Warmup + startup.Iterations; i++)
        {
            var engine = new Engine();
            GC.Collect();
            var start = Stopwatch.GetTimestamp();
            using var store = new Store(engine);
            var instance = new Linker(engine).Instantiate(store, Module.FromBytes(engine, bytes));
            instance.GetFunction("_initialize")?.Invoke();
            var function = instance.GetFunction(startup.Export)
                ?? throw new InvalidOperationException($"{startup.Module} has no export '{startup.Export}'");
            sum = 0;
            for (var k = 0; k < startup.Calls; k++)
                sum += (uint)function.Invoke(Value.FromI32(k), Value.FromI32(3), Value.FromI32(k))[0].AsI32();
            var elapsed = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            if (i >= startup.Warmup) times.Add(elapsed);
        }
        return Measurement.From(startup.Name, "startup", times, sum.ToString(CultureInfo.InvariantCulture));
    }

    private Measurement RunInstantiate()
    {
        var instantiate = plan.Instantiate;
        var engine = new Engine();
        var module = Module.FromBytes(engine, BenchmarkPlan.ReadModule(planPath, instantiate.Module));
        var linker = new Linker(engine);
        var times = new List<double>();
        for (var i = 0; i < instantiate.Warmup + instantiate.Iterations; i++)
        {
            var start = Stopwatch.GetTimestamp();
            using var store = new Store(engine);
            linker.Instantiate(store, module);
            var elapsed = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            if (i >= instantiate.Warmup) times.Add(elapsed);
        }
        return Measurement.From(instantiate.Name, "instantiate", times, null);
    }

    /// <summary>Converts the plan's integer arguments to the export's parameter types.</summary>
    internal static Value[] Arguments(FunctionType type, IReadOnlyList<long> args)
    {
        if (type.Parameters.Count != args.Count)
            throw new InvalidOperationException($"export of type {type} given {args.Count} arguments");
        return [.. type.Parameters.Select((kind, i) => kind switch
        {
            ValueKind.I32 => Value.FromI32((int)args[i]),
            ValueKind.I64 => Value.FromI64(args[i]),
            ValueKind.F32 => Value.FromF32(args[i]),
            ValueKind.F64 => Value.FromF64(args[i]),
            _ => throw new InvalidOperationException($"unsupported kernel parameter {kind}"),
        })];
    }

    private static string Checksum(Value[] result) => string.Join(" ", result.Select(v => v.Kind switch
    {
        ValueKind.I32 => v.AsI32().ToString(CultureInfo.InvariantCulture),
        ValueKind.I64 => v.AsI64().ToString(CultureInfo.InvariantCulture),
        ValueKind.F32 => v.AsF32().ToString("R", CultureInfo.InvariantCulture),
        ValueKind.F64 => v.AsF64().ToString("R", CultureInfo.InvariantCulture),
        _ => v.Kind.ToString(),
    }));
}
