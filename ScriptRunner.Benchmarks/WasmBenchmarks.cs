using BenchmarkDotNet.Attributes;
using ScriptRunner.Wasm;

namespace ScriptRunner.Benchmarks;

/// <summary>
/// BenchmarkDotNet view of the same plan, for detailed in-process statistics (run: <c>dotnet run -c Release -- bdn</c>).
/// Not sealed: BenchmarkDotNet derives its generated runner from this class.
/// </summary>
[MemoryDiagnoser]
public class WasmBenchmarks : IDisposable
{
    private readonly string _planPath = BenchmarkPlan.DefaultPath;
    private BenchmarkPlan _plan = null!;
    private Engine _engine = null!;
    private Store _store = null!;
    private Function _kernel = null!;
    private Value[] _kernelArgs = [];
    private byte[] _largeModule = [];
    private Module _smallModule = null!;
    private Linker _smallLinker = null!;

    /// <summary>Names of the plan's kernels.</summary>
    public static IEnumerable<string> KernelNames => BenchmarkPlan.Load(BenchmarkPlan.DefaultPath).Kernels.Select(k => k.Name);

    /// <summary>The kernel timed by <see cref="Kernel"/>.</summary>
    [ParamsSource(nameof(KernelNames))]
    public string KernelName { get; set; } = "";

    [GlobalSetup]
    public void Setup()
    {
        _plan = BenchmarkPlan.Load(_planPath);
        _engine = new Engine();
        _store = new Store(_engine);
        var instance = new Linker(_engine).Instantiate(_store, Module.FromBytes(_engine, BenchmarkPlan.ReadModule(_planPath, _plan.KernelModule)));
        instance.GetFunction("_initialize")?.Invoke();
        var plan = _plan.Kernels.Single(k => k.Name == KernelName);
        _kernel = instance.GetFunction(plan.Export) ?? throw new InvalidOperationException($"no export '{plan.Export}'");
        _kernelArgs = CrossEngineHarness.Arguments(_kernel.Type, plan.Args);
        _largeModule = BenchmarkPlan.ReadModule(_planPath, _plan.Compile.Module);
        _smallModule = Module.FromBytes(_engine, BenchmarkPlan.ReadModule(_planPath, _plan.Instantiate.Module));
        _smallLinker = new Linker(_engine);
    }

    [Benchmark]
    public Value[] Kernel() => _kernel.Invoke(_kernelArgs);

    [Benchmark]
    public Module CompileLargeCold() => Module.FromBytes(new Engine(), _largeModule);

    [Benchmark]
    public Instance InstantiateSmall()
    {
        using var store = new Store(_engine);
        return _smallLinker.Instantiate(store, _smallModule);
    }

    [GlobalCleanup]
    public void Dispose()
    {
        _store?.Dispose();
        GC.SuppressFinalize(this);
    }
}
