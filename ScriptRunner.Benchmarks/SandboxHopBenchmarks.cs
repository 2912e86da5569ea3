using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Microsoft.Extensions.Logging.Abstractions;
using ScriptRunner.Core.Execution;
using ScriptRunner.Core.Fetching;
using ScriptRunner.Core.Hosting;
using ScriptRunner.Core.Model;
using ScriptRunner.Core.Options;
using ScriptRunner.Core.Sandboxing;
using ScriptRunner.Core.Telemetry;
using ScriptRunner.Sandbox;
using Microsoft.Extensions.DependencyInjection;

namespace ScriptRunner.Benchmarks;

/// <summary>
/// What the process wall costs a trivial execution: the same job on the same engine, run straight on the engine in
/// this process (on a 64 MB thread, as a sandbox process runs it) and in a warm pooled sandbox process. In-process toolchain: the sandbox executable sits beside this
/// assembly.
/// </summary>
[Config(typeof(InProcessConfig))]
[MemoryDiagnoser]
public class SandboxHopBenchmarks
{
    private readonly ScriptRunnerOptions _options = new();
    private ScriptRunnerTelemetry _telemetry = null!;
    private ServiceProvider _engines = null!;
    private readonly JavaScriptLargeStack _stack = new();
    private IScriptSandbox _engine = null!;
    private SandboxFetcherFactory _fetchers = null!;
    private SandboxPool _pool = null!;
    private SandboxJob _job = null!;

    /// <summary>The engine the trivial job runs on.</summary>
    [Params("jint")]
    public string Engine { get; set; } = "jint";

    [GlobalSetup]
    public void Setup()
    {
        _options.Limits.MaxConcurrentExecutions = 1;
        _telemetry = new ScriptRunnerTelemetry();
        _engines = new ServiceCollection().AddSingleton(_options).AddSingleton(Microsoft.Extensions.Options.Options.Create(_options)).AddSingleton(_options.JavaScript).AddSingleton(_options.Wasm)
            .AddScriptRunnerEngines().BuildServiceProvider();
        _engine = _engines.GetServices<IScriptSandbox>().Last(e => e.Engine == Engine);
        _fetchers = new SandboxFetcherFactory(_options.SandboxFetch);
        _pool = new SandboxPool(_options, new SandboxLauncher(_options.Sandbox, _options.Limits), _telemetry, NullLogger<SandboxPool>.Instance);
        _pool.WaitReadyAsync(1, TimeSpan.FromSeconds(60)).GetAwaiter().GetResult();
        var code = "var a = 20; a * 2 + 2"u8.ToArray();
        _job = new SandboxJob
        {
            Code = code,
            Sha256 = IntegrityCheck.Sha256Hex(code),
            CodeType = CodeType.JavaScript,
            Engine = Engine,
            Timeout = TimeSpan.FromSeconds(10),
            MemoryLimitBytes = 128L << 20,
        };
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _pool.DisposeAsync().AsTask().GetAwaiter().GetResult();
        _fetchers.Dispose();
        _stack.Dispose();
        _engines.Dispose();
        _telemetry.Dispose();
    }

    [Benchmark(Baseline = true)]
    public SandboxOutcome InProcess() =>
        _stack.Run(() => EngineCall.Run(_engine, _job, new HostBindings(Capture(), _fetchers.Create(CancellationToken.None), TimeProvider.System)));

    [Benchmark]
    public Task<SandboxRun> Pooled() => _pool.RunAsync(_job, Capture(), CancellationToken.None);

    private OutputCapture Capture() => OutputCapture.For(_options.Output);

    private sealed class InProcessConfig : BenchmarkDotNet.Configs.ManualConfig
    {
        public InProcessConfig() => AddJob(Job.Default.WithToolchain(InProcessEmitToolchain.Instance));
    }
}
