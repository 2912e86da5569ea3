using System.Collections.Concurrent;

namespace ScriptRunner.Core.Sandboxing;

/// <summary>
/// Which code faulted recently (ran out its deadline or its memory): its next executions are suspects, which the pool
/// lets hold only part of it, so repeat offenders wait on each other rather than on the bystanders.
/// </summary>
internal sealed class FaultHistory(TimeSpan window, TimeProvider clock)
{
    // Bounds the memory a flood of distinct faulting scripts can take; past it, faults older than the window go first.
    private const int MaxEntries = 10_000;

    private readonly ConcurrentDictionary<string, DateTimeOffset> _lastFault = new(StringComparer.Ordinal);

    /// <summary>Codes remembered now.</summary>
    internal int Count => _lastFault.Count;

    /// <summary>True when <paramref name="code"/> faulted within the window.</summary>
    public bool IsSuspect(string code) =>
        window > TimeSpan.Zero && _lastFault.TryGetValue(code, out var at) && clock.GetUtcNow() - at < window;

    /// <summary>Notes that <paramref name="code"/> faulted now.</summary>
    public void Record(string code)
    {
        if (window <= TimeSpan.Zero) return;
        var now = clock.GetUtcNow();
        _lastFault[code] = now;
        if (_lastFault.Count <= MaxEntries) return;
        foreach (var (key, at) in _lastFault)
        {
            if (now - at >= window) _lastFault.TryRemove(key, out _);
        }
        if (_lastFault.Count > MaxEntries) _lastFault.Clear();
    }
}
