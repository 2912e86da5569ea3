using System.Diagnostics;
using ScriptRunner.Core.Execution;
using ScriptRunner.Core.Hosting;
using ScriptRunner.Core.Model;

namespace ScriptRunner.Tests.Support;

/// <summary>
/// Runs each job straight on its engine (<see cref="IScriptSandbox"/>) on this process's thread pool, with the job's
/// deadline as its token and no sandbox process, admission or queue: for tests of what lies around the executor. The
/// process pool is the product's only executor.
/// </summary>
internal sealed class DirectSandboxExecutor(IEnumerable<IScriptSandbox> sandboxes, SandboxFetcherFactory fetchers) : ISandboxExecutor
{
    /// <inheritdoc />
    public Task<SandboxRun> RunAsync(SandboxJob job, OutputCapture output, CancellationToken cancellationToken)
    {
        // The last registration for an engine wins, as with any service.
        if (sandboxes.LastOrDefault(s => s.Engine == job.Engine) is not { } sandbox)
            return Task.FromResult(new SandboxRun(SandboxOutcome.Failed(ErrorTypes.UnsupportedCodeType, $"The {job.Engine} engine is not available."), TimeSpan.Zero));

        return Task.Run(() =>
        {
            using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            deadline.CancelAfter(job.Timeout);
            var started = Stopwatch.GetTimestamp();
            var outcome = sandbox.Execute(SandboxInvocation.For(job, new HostBindings(output, fetchers.Create(deadline.Token), TimeProvider.System), deadline.Token));
            return new SandboxRun(outcome, Stopwatch.GetElapsedTime(started));
        }, cancellationToken);
    }
}
