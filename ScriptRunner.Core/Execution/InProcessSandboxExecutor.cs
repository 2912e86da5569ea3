using System.Diagnostics;
using ScriptRunner.Core.Hosting;
using ScriptRunner.Core.Model;

namespace ScriptRunner.Core.Execution;

/// <summary>Runs jobs on this process's worker threads, on the registered engines. No process wall: for tests and tools.</summary>
internal sealed class InProcessSandboxExecutor : ISandboxExecutor
{
    private readonly IReadOnlyDictionary<string, IScriptSandbox> _sandboxes;
    private readonly ExecutionScheduler _scheduler;
    private readonly SandboxFetcherFactory _fetchers;
    private readonly TimeProvider _clock;

    public InProcessSandboxExecutor(IEnumerable<IScriptSandbox> sandboxes, ExecutionScheduler scheduler, SandboxFetcherFactory fetchers, TimeProvider clock)
    {
        // The last registration for an engine wins, as with any service: a host can replace an engine.
        var byEngine = new Dictionary<string, IScriptSandbox>(StringComparer.Ordinal);
        foreach (var sandbox in sandboxes) byEngine[sandbox.Engine] = sandbox;
        _sandboxes = byEngine;
        _scheduler = scheduler;
        _fetchers = fetchers;
        _clock = clock;
    }

    public async Task<SandboxRun> RunAsync(SandboxJob job, OutputCapture output, CancellationToken cancellationToken)
    {
        if (!_sandboxes.TryGetValue(job.Engine, out var sandbox))
            return new SandboxRun(SandboxOutcome.Failed(ErrorTypes.UnsupportedCodeType, $"The {job.Engine} engine is not available."), TimeSpan.Zero);

        try
        {
            return await _scheduler.RunAsync(deadline => Measure(sandbox, Invocation(job, output, deadline)), job.Timeout, cancellationToken)
                .ConfigureAwait(false);
        }
        catch (ExecutionOverrunException e)
        {
            return new SandboxRun(SandboxOutcome.Failed(ErrorTypes.Timeout, e.Message), job.Timeout);
        }
    }

    // Built on the worker: the deadline token exists only there, and it also bounds the script's own fetches.
    private SandboxInvocation Invocation(SandboxJob job, OutputCapture output, CancellationToken deadline) =>
        SandboxInvocation.For(job, new HostBindings(output, _fetchers.Create(deadline), _clock), deadline);

    private static SandboxRun Measure(IScriptSandbox sandbox, SandboxInvocation invocation)
    {
        var started = Stopwatch.GetTimestamp();
        var outcome = sandbox.Execute(invocation);
        return new SandboxRun(outcome, Stopwatch.GetElapsedTime(started));
    }
}
