using BenchmarkDotNet.Attributes;
using ScriptRunner.Wasm;

namespace ScriptRunner.Benchmarks;

/// <summary>
/// BenchmarkDotNet view of the plan's module-level measurements: a cold compile of the large module and the
/// instantiation of the small one. Not sealed: BenchmarkDotNet derives its generated runner from this class.
/// </summary>
public class ModuleBenchmarks
{
    private byte[] _largeModule = [];
    private Engine _engine = null!;
    private Module _smallModule = null!;
    private Linker _linker = null!;

    [GlobalSetup]
    public void Setup()
    {
        var planPath = BenchmarkPlan.DefaultPath;
        var plan = BenchmarkPlan.Load(planPath);
        _largeModule = BenchmarkPlan.ReadModule(planPath, plan.Compile.Module);
        _engine = new Engine();
        _smallModule = Module.FromBytes(_engine, BenchmarkPlan.ReadModule(planPath, plan.Instantiate.Module));
        _linker = new Linker(_engine);
    }

    /// <summary>A new engine each time, so nothing comes from the compiled-module cache.</summary>
    [Benchmark]
    public Module CompileLargeCold() => Module.FromBytes(new Engine(), _largeModule);

    [Benchmark]
    public Instance InstantiateSmall()
    {
        using var store = new Store(_engine);
        return _linker.Instantiate(store, _smallModule);
    }
}
