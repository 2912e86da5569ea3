namespace ScriptRunner.Functions.Hosting;

/// <summary>
/// Execute requests in flight and when the last one ended: what tells <see cref="IdleMemoryTrim"/> that a burst is
/// over and the service has been idle long enough to give memory back.
/// </summary>
public sealed class RequestActivity(TimeProvider clock)
{
    /// <summary>Idle time after the last request before the heap is trimmed.</summary>
    public static readonly TimeSpan IdleBeforeTrim = TimeSpan.FromSeconds(10);

    private int _inFlight;
    private long _requestsSinceTrim;
    private long _lastEnded;

    /// <summary>Marks a request started; dispose the result when it has been answered.</summary>
    public Scope Begin()
    {
        Interlocked.Increment(ref _inFlight);
        Interlocked.Increment(ref _requestsSinceTrim);
        return new Scope(this);
    }

    /// <summary>True once requests have been served since the last trim, none is in flight, and none has ended for <see cref="IdleBeforeTrim"/>.</summary>
    public bool TrimDue() =>
        Volatile.Read(ref _inFlight) == 0
        && Interlocked.Read(ref _requestsSinceTrim) > 0
        && clock.GetElapsedTime(Interlocked.Read(ref _lastEnded)) >= IdleBeforeTrim;

    /// <summary>Records a trim: the next is due only after more requests.</summary>
    public void Trimmed() => Interlocked.Exchange(ref _requestsSinceTrim, 0);

    private void End()
    {
        Interlocked.Exchange(ref _lastEnded, clock.GetTimestamp());
        Interlocked.Decrement(ref _inFlight);
    }

    /// <summary>One request's span; ending it twice counts once.</summary>
    public sealed class Scope(RequestActivity activity) : IDisposable
    {
        private int _ended;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _ended, 1) == 0) activity.End();
        }
    }
}
