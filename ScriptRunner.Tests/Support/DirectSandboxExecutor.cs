using System.Diagnostics;
using ScriptRunner.Core.Execution;
using ScriptRunner.Core.Hosting;
using ScriptRunner.Core.Options;
using ScriptRunner.Sandbox.Hosting;

namespace ScriptRunner.Tests.Support;

/// <summary>
/// Runs each job straight on its engine through the sandbox process's own <see cref="JobRunner"/>, on this process's
/// thread pool, with no process, admission or queue: for tests of what lies around the executor. The process pool is
/// the product's only executor.
/// </summary>
internal sealed class DirectSandboxExecutor(IEnumerable<IScriptSandbox> sandboxes, SandboxFetcherFactory fetchers, OutputOptions output) : ISandboxExecutor
{
    private readonly JobRunner _runner = new(sandboxes, fetchers, output);

    /// <inheritdoc />
    public Task<SandboxRun> RunAsync(SandboxJob job, OutputCapture capture, CancellationToken cancellationToken) =>
        Task.Run(() =>
        {
            var started = Stopwatch.GetTimestamp();
            var outcome = _runner.Run(job, capture, cancellationToken);
            return new SandboxRun(outcome, Stopwatch.GetElapsedTime(started));
        }, cancellationToken);
}
