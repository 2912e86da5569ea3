using System.Diagnostics;
using System.Runtime.CompilerServices;

namespace ScriptRunner.Sandbox.JavaScript;

/// <summary>
/// The limits of one run, checked from the execution thread at every instrumented statement, loop iteration,
/// function entry and built-in call: deadline, cancellation, memory and stack depth.
/// </summary>
/// <remarks>
/// Jint 2.10 has no memory limit and no cancellation, and its <c>LimitRecursion</c> leaks call-stack entries when a
/// script catches an exception thrown by a callee, so all three are enforced here instead. Create it, and call
/// <see cref="Check"/>, on the thread that runs the script: memory is measured per thread.
/// </remarks>
internal sealed class ExecutionGuard : IDisposable
{
    // Per-thread allocation counts garbage too (a plain 1e6-iteration loop allocates ~600 MB in Jint 2.10), so it is
    // only the trigger and an upper bound; the decision is made on heap growth, measured after a collection, less
    // what concurrent runs could have added (see MemoryLedger).
    private const long MinDeepCheckStep = 4L * 1024 * 1024;

    private readonly long _startTimestamp;
    private readonly long _deadlineTimestamp;
    private readonly CancellationToken _cancellation;
    private readonly long _memoryLimit;
    private readonly long _allocatedAtStart;
    private readonly nint _stackBase;
    private readonly long _stackBudget;
    private readonly MemoryLedger.Entry _ledgerEntry;
    private long _heapBaseline;
    private bool _anchored;
    private long _measuredCharge;
    private long _measuredAtAllocated;
    private long _nextDeepCheckAt;
    private volatile bool _abandoned;

    public ExecutionGuard(TimeSpan timeout, CancellationToken cancellation, long memoryLimitBytes, long stackBudgetBytes, MemoryLedger ledger)
    {
        Timeout = timeout;
        _startTimestamp = Stopwatch.GetTimestamp();
        _deadlineTimestamp = _startTimestamp + (long)(timeout.TotalSeconds * Stopwatch.Frequency);
        _cancellation = cancellation;
        _memoryLimit = memoryLimitBytes;
        _allocatedAtStart = GC.GetAllocatedBytesForCurrentThread();
        _heapBaseline = GC.GetTotalMemory(forceFullCollection: false);
        _nextDeepCheckAt = _allocatedAtStart + _memoryLimit;
        _measuredAtAllocated = _allocatedAtStart;
        _stackBase = CurrentStackAddress();
        _stackBudget = stackBudgetBytes;
        _ledgerEntry = ledger.Enter(memoryLimitBytes);
    }

    public TimeSpan Timeout { get; }

    public TimeSpan Remaining
    {
        get
        {
            var left = _deadlineTimestamp - Stopwatch.GetTimestamp();
            return left <= 0 ? TimeSpan.Zero : TimeSpan.FromSeconds(left / (double)Stopwatch.Frequency);
        }
    }

    /// <summary>True once the deadline passed, the caller cancelled, or the waiting side gave up on the run.</summary>
    public bool IsOver => _abandoned || _cancellation.IsCancellationRequested || Stopwatch.GetTimestamp() > _deadlineTimestamp;

    /// <summary>Called by the waiting thread when it stops waiting: every later check on the run's thread fails.</summary>
    public void Abandon() => _abandoned = true;

    /// <summary>Checks the deadline, cancellation and memory; throws <see cref="SandboxLimitException"/> past any of them.</summary>
    public void Check()
    {
        ThrowIfOver();
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        _ledgerEntry.Publish(allocated - _allocatedAtStart);
        if (allocated >= _nextDeepCheckAt) CheckHeap(allocated);
    }

    /// <summary>Takes the run off the memory ledger; call once the run's thread no longer holds its objects.</summary>
    public void Dispose() => _ledgerEntry.Dispose();

    public void ThrowIfOver()
    {
        if (IsOver) throw TimeoutError();
    }

    public SandboxLimitException TimeoutError()
    {
        var now = Stopwatch.GetTimestamp();
        // The caller's own deadline may fire a moment before this one; only a clearly early stop is a cancellation.
        var early = _deadlineTimestamp - now > Stopwatch.Frequency / 20;
        return early && !_abandoned
            ? new(LimitKind.Timeout, $"execution cancelled after {(long)Stopwatch.GetElapsedTime(_startTimestamp, now).TotalMilliseconds} ms")
            : new(LimitKind.Timeout, $"execution timed out after {(long)Timeout.TotalMilliseconds} ms");
    }

    public SandboxLimitException MemoryError() =>
        new(LimitKind.Memory, $"memory limit of {_memoryLimit / (1024 * 1024)} MB exceeded");

    /// <summary>Bytes of memory the run may still add before it hits its cap (a cheap estimate, for fast paths).</summary>
    public long MemoryHeadroom => Math.Max(0, _memoryLimit - Math.Max(0, EstimatedCharge(GC.GetAllocatedBytesForCurrentThread())));

    /// <summary>
    /// Throws <see cref="MemoryError"/> unless the run can add <paramref name="bytes"/> within its cap, measured after a
    /// collection (at most one per <see cref="DeepCheckStep"/> the run allocates, so a loop of pre-checks stays cheap).
    /// </summary>
    public void EnsureRoomFor(long bytes)
    {
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        if (EstimatedCharge(allocated) + bytes <= _memoryLimit) return;
        var charge = _anchored && allocated - _measuredAtAllocated < DeepCheckStep ? _measuredCharge : Measure(allocated);
        if (charge + bytes > _memoryLimit) throw MemoryError();
    }

    /// <summary>True when the run's thread has used its stack budget: time to report "Maximum call stack size exceeded".</summary>
    public bool StackExhausted => _stackBase - CurrentStackAddress() > _stackBudget || !RuntimeHelpers.TryEnsureSufficientExecutionStack();

    private long DeepCheckStep => Math.Max(MinDeepCheckStep, _memoryLimit / 8);

    // The part of the heap's growth since the start this run could have caused: no more than its own thread allocated,
    // and no more than what concurrent runs cannot account for.
    private long Charged(long heapGrowth, long allocated)
    {
        var own = allocated - _allocatedAtStart;
        _ledgerEntry.Publish(own);
        return Math.Min(own, heapGrowth - _ledgerEntry.OthersAllowance());
    }

    // Without a collection: since the last measurement the run can have added at most what its thread allocated.
    private long EstimatedCharge(long allocated) =>
        Math.Min(Charged(GC.GetTotalMemory(forceFullCollection: false) - _heapBaseline, allocated), _measuredCharge + (allocated - _measuredAtAllocated));

    // What is still reachable after a full collection is what the script holds, plus what concurrent runs added since
    // this one started (credited to them by the ledger).
    private long Measure(long allocated)
    {
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true);
        var heap = GC.GetTotalMemory(forceFullCollection: false);
        if (!_anchored)
        {
            // The baseline taken at start counts garbage left by earlier runs; once collected, it would give the
            // script that much extra room. Re-anchor once, downward only, so the script holds at most ~2x its cap.
            _anchored = true;
            _heapBaseline = Math.Min(_heapBaseline, heap);
        }

        _measuredCharge = Charged(heap - _heapBaseline, allocated);
        _measuredAtAllocated = allocated;
        return _measuredCharge;
    }

    private void CheckHeap(long allocated)
    {
        var charged = EstimatedCharge(allocated);
        if (charged > _memoryLimit || !_anchored)
        {
            charged = Measure(allocated);
            if (charged > _memoryLimit) throw MemoryError();
        }

        // The script cannot exceed its cap before it allocates at least the room it has left.
        _nextDeepCheckAt = allocated + Math.Max(_memoryLimit - Math.Max(charged, 0), DeepCheckStep);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static nint CurrentStackAddress()
    {
        byte marker = 0;
        return Unsafe.ByteOffset(ref Unsafe.NullRef<byte>(), ref marker);
    }
}
