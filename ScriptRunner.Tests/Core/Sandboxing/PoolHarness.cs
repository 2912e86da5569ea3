using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using ScriptRunner.Core.Execution;
using ScriptRunner.Core.Fetching;
using ScriptRunner.Core.Hosting;
using ScriptRunner.Core.Model;
using ScriptRunner.Core.Options;
using ScriptRunner.Core.Sandboxing;
using ScriptRunner.Core.Telemetry;

namespace ScriptRunner.Tests.Core.Sandboxing;

/// <summary>A real <see cref="SandboxPool"/> of real sandbox processes (the executable built beside the tests).</summary>
internal sealed class PoolHarness : IAsyncDisposable
{
    private readonly ScriptRunnerTelemetry _telemetry = new();

    public PoolHarness(Action<ScriptRunnerOptions>? configure = null)
    {
        Options = new ScriptRunnerOptions();
        Options.Limits.MaxConcurrentExecutions = 1;
        Options.Limits.MaxQueueLength = 16;
        // Pool tests count processes; the spare has tests of its own.
        Options.Sandbox.SpareProcesses = 0;
        configure?.Invoke(Options);
        Pool = new SandboxPool(Options, new SandboxLauncher(Options.Sandbox, Options.Limits), _telemetry, NullLogger<SandboxPool>.Instance);
    }

    public ScriptRunnerOptions Options { get; }

    /// <summary>The pool's telemetry, for tests that listen to its instruments.</summary>
    public ScriptRunnerTelemetry Telemetry => _telemetry;

    public SandboxPool Pool { get; }

    /// <summary>Waits for the pool's one process to be ready and returns its id.</summary>
    public async Task<int> SingleReadyProcessAsync()
    {
        await Pool.WaitReadyAsync(1, TimeSpan.FromSeconds(60));
        return Pool.ProcessIds.Single();
    }

    public async Task<(SandboxRun Run, OutputCapture Output)> RunJavaScriptAsync(string code, int timeoutMs = 10_000, int memoryMb = 128, string? engine = null)
    {
        var output = NewCapture();
        var run = await Pool.RunAsync(Job(code, timeoutMs, memoryMb, engine), output, CancellationToken.None);
        Support.AnswerScan.AssertNoDotNetNames(run.Outcome);
        return (run, output);
    }

    public OutputCapture NewCapture() => new(Options.Output.MaxStdoutBytes, Options.Output.MaxStderrBytes, Options.Output.MaxLogEntries, Options.Output.MaxLogMessageBytes);

    public SandboxJob Job(string code, int timeoutMs = 10_000, int memoryMb = 128, string? engine = null)
    {
        var bytes = Encoding.UTF8.GetBytes(code);
        return new SandboxJob
        {
            Code = bytes,
            Sha256 = IntegrityCheck.Sha256Hex(bytes),
            CodeType = CodeType.JavaScript,
            Engine = engine ?? Options.JavaScript.DefaultEngine,
            Timeout = TimeSpan.FromMilliseconds(timeoutMs),
            MemoryLimitBytes = memoryMb * 1024L * 1024L,
        };
    }

    public async ValueTask DisposeAsync()
    {
        await Pool.DisposeAsync();
        _telemetry.Dispose();
    }
}
