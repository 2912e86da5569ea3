using BenchmarkDotNet.Attributes;
using ScriptRunner.Wasm;

namespace ScriptRunner.Benchmarks;

/// <summary>
/// BenchmarkDotNet view of the plan's kernels, for detailed in-process statistics
/// (<c>dotnet run -c Release -- bdn</c>). Not sealed: BenchmarkDotNet derives its generated runner from this class.
/// </summary>
public class KernelBenchmarks : IDisposable
{
    private Store? _store;
    private Function _kernel = null!;
    private Value[] _args = [];

    /// <summary>Names of the plan's kernels.</summary>
    public static IEnumerable<string> KernelNames => BenchmarkPlan.Load(BenchmarkPlan.DefaultPath).Kernels.Select(k => k.Name);

    /// <summary>The kernel being timed.</summary>
    [ParamsSource(nameof(KernelNames))]
    public string KernelName { get; set; } = "";

    [GlobalSetup]
    public void Setup()
    {
        var planPath = BenchmarkPlan.DefaultPath;
        var plan = BenchmarkPlan.Load(planPath);
        var engine = new Engine();
        _store = new Store(engine);
        var module = Module.FromBytes(engine, BenchmarkPlan.ReadModule(planPath, plan.KernelModule));
        var instance = new Linker(engine).Instantiate(_store, module);
        instance.GetFunction("_initialize")?.Invoke();
        var kernel = plan.Kernels.Single(k => k.Name == KernelName);
        _kernel = instance.GetFunction(kernel.Export) ?? throw new InvalidOperationException($"no export '{kernel.Export}'");
        _args = CrossEngineHarness.Arguments(_kernel.Type, kernel.Args);
    }

    [Benchmark]
    public Value[] Kernel() => _kernel.Invoke(_args);

    [GlobalCleanup]
    public void Dispose()
    {
        _store?.Dispose();
        GC.SuppressFinalize(this);
    }
}
