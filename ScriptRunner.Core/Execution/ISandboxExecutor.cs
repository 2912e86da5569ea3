using ScriptRunner.Core.Hosting;

namespace ScriptRunner.Core.Execution;

/// <summary>Runs jobs in sandboxes under their deadline and memory cap, streaming output into the caller's capture.</summary>
public interface ISandboxExecutor
{
    /// <summary>
    /// Runs <paramref name="job"/> and reports how it ended and how long it ran. Everything the code does is an
    /// outcome; only host conditions throw.
    /// </summary>
    /// <exception cref="CapacityExceededException">No sandbox became free in time.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> fired.</exception>
    Task<SandboxRun> RunAsync(SandboxJob job, OutputCapture output, CancellationToken cancellationToken);
}

/// <summary>How a sandbox run ended and how long it took.</summary>
public sealed record SandboxRun(SandboxOutcome Outcome, TimeSpan Elapsed);
