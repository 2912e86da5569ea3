namespace ScriptRunner.Sandbox.JavaScript;

/// <summary>
/// The runs currently using the process heap, each with what its own thread has allocated, so a run that measures
/// heap growth can tell how much of it other runs could have added since it started.
/// </summary>
/// <remarks>
/// The managed heap is shared by every run in the process and .NET cannot say which thread holds what, so a run is
/// only charged for growth it could have caused: no more than its own thread allocated, and no more than what is left
/// after each concurrent run is credited with what it allocated meanwhile (up to twice its own cap, the most a run
/// can hold between two of its checks). The process stays bounded by the sum of the concurrent runs' caps.
/// </remarks>
internal sealed class MemoryLedger
{
    private readonly object _gate = new();
    private readonly List<Entry> _active = [];

    /// <summary>The ledger of this process: the heap it accounts for is process-wide too.</summary>
    public static MemoryLedger Process { get; } = new();

    /// <summary>Registers a run with its memory cap until the returned entry is disposed.</summary>
    public Entry Enter(long memoryLimit)
    {
        lock (_gate)
        {
            var othersAtStart = new Dictionary<Entry, long>(_active.Count);
            foreach (var other in _active) othersAtStart[other] = other.Allocated;
            var entry = new Entry(this, memoryLimit, othersAtStart);
            _active.Add(entry);
            return entry;
        }
    }

    private long AllowanceFor(Entry entry)
    {
        lock (_gate)
        {
            long allowance = 0;
            foreach (var other in _active)
            {
                if (other == entry) continue;
                var since = other.Allocated - entry.AllocatedByOtherAtStart(other);
                allowance += Math.Clamp(since, 0, 2 * other.MemoryLimit);
            }

            return allowance;
        }
    }

    private void Leave(Entry entry)
    {
        lock (_gate) _active.Remove(entry);
    }

    /// <summary>One registered run.</summary>
    internal sealed class Entry(MemoryLedger ledger, long memoryLimit, Dictionary<Entry, long> othersAtStart) : IDisposable
    {
        private long _allocated;

        public long MemoryLimit { get; } = memoryLimit;

        /// <summary>Bytes the run's thread has allocated since the run started, as last published by that thread.</summary>
        public long Allocated => Volatile.Read(ref _allocated);

        /// <summary>Called from the run's own thread.</summary>
        public void Publish(long allocatedSinceStart) => Volatile.Write(ref _allocated, allocatedSinceStart);

        /// <summary>Bytes the other active runs could have added to the heap since this run started.</summary>
        public long OthersAllowance() => ledger.AllowanceFor(this);

        internal long AllocatedByOtherAtStart(Entry other) => othersAtStart.GetValueOrDefault(other);

        public void Dispose() => ledger.Leave(this);
    }
}
