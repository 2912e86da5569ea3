using ScriptRunner.Core.Model;

namespace ScriptRunner.Core.Execution;

/// <summary>
/// The one deadline of a run. The service fixes the instant (<see cref="SandboxJob.Deadline"/>); the sandbox process
/// turns it into the one token every engine obeys; and whatever stops the run, the <c>Timeout</c> answer is worded here.
/// </summary>
public sealed class ExecutionDeadline : IDisposable
{
    private readonly CancellationTokenSource _source;
    private readonly CancellationToken _caller;
    private readonly TimeProvider _clock;

    private ExecutionDeadline(DateTimeOffset at, TimeSpan timeout, CancellationToken caller, TimeProvider clock)
    {
        At = at;
        Timeout = timeout;
        _caller = caller;
        _clock = clock;
        _source = CancellationTokenSource.CreateLinkedTokenSource(caller);
        var left = at - clock.GetUtcNow();
        if (left > TimeSpan.Zero) _source.CancelAfter(left);
        else _source.Cancel();
    }

    /// <summary>
    /// The deadline of <paramref name="job"/>: its fixed instant, or <see cref="SandboxJob.Timeout"/> from now when it
    /// has none. <paramref name="cancellation"/> stops the run early (the caller went away).
    /// </summary>
    public static ExecutionDeadline Start(SandboxJob job, CancellationToken cancellation = default, TimeProvider? clock = null)
    {
        ArgumentNullException.ThrowIfNull(job);
        clock ??= TimeProvider.System;
        return new ExecutionDeadline(job.Deadline ?? clock.GetUtcNow() + job.Timeout, job.Timeout, cancellation, clock);
    }

    /// <summary>The instant the run must be over.</summary>
    public DateTimeOffset At { get; }

    /// <summary>The caller's budget, the figure a <c>Timeout</c> answer names.</summary>
    public TimeSpan Timeout { get; }

    /// <summary>Cancelled at <see cref="At"/>, or earlier when the run is cancelled.</summary>
    public CancellationToken Token => _source.Token;

    /// <summary>Time left before <see cref="At"/>, never negative.</summary>
    public TimeSpan Remaining => At - _clock.GetUtcNow() is var left && left > TimeSpan.Zero ? left : TimeSpan.Zero;

    /// <summary>
    /// The answer of a run stopped by this deadline's token, <paramref name="where"/> (" in function 'f'") naming the
    /// place when an engine knows it. A run cancelled before its instant says so; the clock reached, it timed out.
    /// </summary>
    public SandboxOutcome Stopped(string where = "") =>
        _caller.IsCancellationRequested && _clock.GetUtcNow() < At
            ? SandboxOutcome.Failed(ErrorTypes.Timeout, $"execution cancelled after {(Timeout - (At - _clock.GetUtcNow())).TotalMilliseconds:0} ms{where}")
            : TimedOut(Timeout, where);

    /// <summary>The answer of a run that outlived a budget of <paramref name="timeout"/>, wherever that was noticed.</summary>
    public static SandboxOutcome TimedOut(TimeSpan timeout, string where = "") =>
        SandboxOutcome.Failed(ErrorTypes.Timeout, $"execution timed out after {timeout.TotalMilliseconds:0} ms{where}");

    /// <inheritdoc />
    public void Dispose() => _source.Dispose();
}
