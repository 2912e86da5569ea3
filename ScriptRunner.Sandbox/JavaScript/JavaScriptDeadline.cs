using System.Diagnostics;

namespace ScriptRunner.Sandbox.JavaScript;

/// <summary>One execution's deadline: a token cancelled when the timeout passes or the caller gives up, and the message that says which.</summary>
internal sealed class JavaScriptDeadline : IDisposable
{
    private readonly CancellationTokenSource _source;
    private readonly long _started = Stopwatch.GetTimestamp();

    /// <summary>Starts the clock.</summary>
    public JavaScriptDeadline(TimeSpan timeout, CancellationToken caller)
    {
        Timeout = timeout > TimeSpan.Zero ? timeout : TimeSpan.Zero;
        _source = CancellationTokenSource.CreateLinkedTokenSource(caller);
        _source.CancelAfter(Timeout);
    }

    /// <summary>The execution's budget.</summary>
    public TimeSpan Timeout { get; }

    /// <summary>Cancelled at the deadline or when the caller cancels.</summary>
    public CancellationToken Token => _source.Token;

    /// <summary>Time left before the deadline (never negative).</summary>
    public TimeSpan Remaining => Timeout - Stopwatch.GetElapsedTime(_started) is { } left && left > TimeSpan.Zero ? left : TimeSpan.Zero;

    /// <summary>Why the run was stopped: its timeout, or the caller's cancellation before it.</summary>
    public string StoppedMessage()
    {
        var elapsed = Stopwatch.GetElapsedTime(_started);
        // The pool cancels the caller's token at the deadline itself; within a few milliseconds of it, that is the timeout.
        return elapsed + TimeSpan.FromMilliseconds(20) >= Timeout
            ? $"execution timed out after {(long)Timeout.TotalMilliseconds} ms"
            : $"execution cancelled after {(long)elapsed.TotalMilliseconds} ms";
    }

    /// <inheritdoc />
    public void Dispose() => _source.Dispose();
}
