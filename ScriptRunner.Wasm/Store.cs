using ScriptRunner.Wasm.Execution;

namespace ScriptRunner.Wasm;

/// <summary>Owns instances, memories, tables and globals, and enforces limits on the code running in them.</summary>
public sealed class Store : IDisposable
{
    private readonly object _gate = new();
    private readonly List<Memory> _memories = [];
    private long _memoryBytes;
    private int _tables;
    private long _memoryPeak;
    private bool _disposed;

    /// <summary>Creates a store.</summary>
    public Store(Engine engine, StoreLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(engine);
        Engine = engine;
        Limits = limits ?? new StoreLimits();
        Execution = new ExecutionState(this);
    }

    /// <summary>The engine this store runs code of.</summary>
    public Engine Engine { get; }

    /// <summary>The limits enforced on this store.</summary>
    public StoreLimits Limits { get; }

    /// <summary>Checked with the deadline while WebAssembly runs; cancellation ends it with a Timeout trap.</summary>
    public CancellationToken CancellationToken { get; set; }

    /// <summary>Fuel used so far by everything run in this store.</summary>
    public long FuelConsumed => Execution.FuelConsumed;

    /// <summary>Highest total size of the store's linear memories, in bytes.</summary>
    public long MemoryPeakBytes => Interlocked.Read(ref _memoryPeak);

    /// <summary>Free slot for the embedder's per-store state.</summary>
    public object? Data { get; set; }

    internal ExecutionState Execution { get; }

    /// <summary>Frees the native memory of every linear memory created in the store.</summary>
    public void Dispose()
    {
        Memory[] memories;
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            memories = [.. _memories];
            _memories.Clear();
            _memoryBytes = 0;
        }

        foreach (var memory in memories)
        {
            memory.Free();
            GC.SuppressFinalize(memory);
        }
    }

    /// <summary>Counts a new table against <see cref="StoreLimits.MaxTables"/>; false when the store may create no more.</summary>
    internal bool TryReserveTable() => Interlocked.Increment(ref _tables) <= Limits.MaxTables;

    internal void Track(Memory memory)
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            _memories.Add(memory);
        }
    }

    internal bool TryReserveMemory(long bytes)
    {
        lock (_gate)
        {
            if (_disposed || _memoryBytes + bytes > Limits.MaxMemoryBytes)
            {
                return false;
            }

            _memoryBytes += bytes;
            if (_memoryBytes > _memoryPeak)
            {
                Interlocked.Exchange(ref _memoryPeak, _memoryBytes);
            }

            return true;
        }
    }

    internal void ReleaseMemory(long bytes)
    {
        lock (_gate)
        {
            _memoryBytes -= bytes;
        }
    }
}
