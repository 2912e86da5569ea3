using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.Logging.Abstractions;
using ScriptRunner.Core.Execution;
using ScriptRunner.Core.Fetching;
using ScriptRunner.Core.Hosting;
using ScriptRunner.Sandbox.JavaScript;
using ScriptRunner.Core.Model;
using ScriptRunner.Core.Options;
using ScriptRunner.Core.Telemetry;

namespace ScriptRunner.Benchmarks;

/// <summary>
/// Warm, in-process cost of one trivial JavaScript execution: through the whole service (validation, hashing,
/// detection, scheduling onto a worker, result assembly) and through the sandbox alone.
/// </summary>
[MemoryDiagnoser]
[MedianColumn, MinColumn, MaxColumn]
public class ExecutionBenchmarks
{
    private const string TrivialScript = "var a = 20; a * 2 + 2";

    private readonly ScriptRunnerOptions _options = new();
    private ScriptRunnerTelemetry _telemetry = null!;
    private ExecutionScheduler _scheduler = null!;
    private CodeFetcher _codeFetcher = null!;
    private SandboxFetcherFactory _fetchers = null!;
    private JavaScriptSandbox _sandbox = null!;
    private ExecutionService _service = null!;
    private ExecutionRequest _request = null!;
    private byte[] _code = null!;
    private string _sha256 = null!;

    [GlobalSetup]
    public void Setup()
    {
        _telemetry = new ScriptRunnerTelemetry();
        _scheduler = new ExecutionScheduler(_options.Limits.MaxConcurrentExecutions, _options.Limits.MaxQueueLength, _telemetry);
        _codeFetcher = new CodeFetcher(_options.Download);
        _fetchers = new SandboxFetcherFactory(_options.SandboxFetch);
        _sandbox = new JavaScriptSandbox();
        var executor = new InProcessSandboxExecutor([_sandbox], _scheduler, _fetchers, TimeProvider.System);
        _service = new ExecutionService(new RequestValidator(_options.Limits), _codeFetcher, executor,
            _telemetry, _options, TimeProvider.System, NullLogger<ExecutionService>.Instance);
        _request = new ExecutionRequest { Code = TrivialScript };
        _code = System.Text.Encoding.UTF8.GetBytes(TrivialScript);
        _sha256 = IntegrityCheck.Sha256Hex(_code);

        var warm = _service.ExecuteAsync(_request, CancellationToken.None).GetAwaiter().GetResult();
        if (!warm.Success) throw new InvalidOperationException($"warm-up failed: {warm.ErrorType} {warm.Error}");
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _scheduler.Dispose();
        _codeFetcher.Dispose();
        _fetchers.Dispose();
        _telemetry.Dispose();
    }

    /// <summary>The whole service path for an inline script.</summary>
    [Benchmark(Baseline = true)]
    public Task<ExecutionResult> ServiceInlineTrivial() => _service.ExecuteAsync(_request, CancellationToken.None);

    /// <summary>The JavaScript sandbox alone, on the calling thread's side of its own worker.</summary>
    [Benchmark]
    public SandboxOutcome SandboxTrivial()
    {
        var output = OutputCapture.For(_options.Output);
        return _sandbox.Execute(new SandboxInvocation
        {
            Code = _code,
            Sha256 = _sha256,
            Timeout = TimeSpan.FromSeconds(10),
            MemoryLimitBytes = 128L * 1024 * 1024,
            Host = new HostBindings(output, _fetchers.Create(CancellationToken.None), TimeProvider.System),
        });
    }
}
