namespace ScriptRunner.Sandbox.JavaScript;

/// <summary>
/// Parsed code kept across executions in one sandbox process, keyed by the code's SHA-256 and bounded by the bytes of
/// source it holds; the least recently used entries go first. Thread-safe.
/// </summary>
internal sealed class PreparedCodeCache<T>(long maxSourceBytes) where T : class
{
    private readonly Dictionary<string, LinkedListNode<Entry>> _entries = new(StringComparer.Ordinal);
    private readonly LinkedList<Entry> _recency = new();
    private readonly Lock _gate = new();
    private long _bytes;

    /// <summary>Bytes of source currently held.</summary>
    public long Bytes { get { lock (_gate) return _bytes; } }

    /// <summary>Entries currently held.</summary>
    public int Count { get { lock (_gate) return _entries.Count; } }

    /// <summary>The prepared code for <paramref name="key"/>, preparing it (outside the lock) on a miss.</summary>
    public T GetOrAdd(string key, long sourceBytes, Func<T> prepare, out bool hit)
    {
        lock (_gate)
        {
            if (_entries.TryGetValue(key, out var found))
            {
                _recency.Remove(found);
                _recency.AddFirst(found);
                hit = true;
                return found.Value.Value;
            }
        }

        hit = false;
        var value = prepare();
        if (sourceBytes > maxSourceBytes) return value;
        lock (_gate)
        {
            if (_entries.ContainsKey(key)) return value;
            _entries[key] = _recency.AddFirst(new Entry(key, value, sourceBytes));
            _bytes += sourceBytes;
            while (_bytes > maxSourceBytes && _recency.Last is { } oldest)
            {
                _recency.RemoveLast();
                _entries.Remove(oldest.Value.Key);
                _bytes -= oldest.Value.Bytes;
            }
        }

        return value;
    }

    private sealed record Entry(string Key, T Value, long Bytes);
}
