using Jint;
using Jint.Runtime;

namespace ScriptRunner.Sandbox.JavaScript.Jint;

/// <summary>
/// Jint's memory cap measured as memory held, not memory allocated: a script may make any amount of garbage, and
/// ends with <see cref="MemoryLimitExceededException"/> only when what survives a full collection passes the cap.
/// </summary>
/// <remarks>
/// A sandbox process runs one execution at a time, so the managed heap above its size when the run started is the
/// run's own. The check on every statement reads only this thread's allocation counter: nothing the run holds can
/// have grown by more than it allocated, so the heap is measured only once the run has allocated as much as the cap
/// has room left, and collected only when the measure, garbage included, is over the cap. Near the cap the run pays a
/// full collection at most once per quarter of the cap it allocates; that bounds both the cost and the overshoot.
/// </remarks>
internal sealed class HeldMemoryConstraint : Constraint
{
    private readonly long _limitBytes;
    private readonly long _floorBytes;
    private long _measureAt;

    /// <summary>A cap of <paramref name="limitBytes"/> over the managed heap as it is now.</summary>
    public HeldMemoryConstraint(long limitBytes)
    {
        _limitBytes = limitBytes;
        _floorBytes = GC.GetTotalMemory(forceFullCollection: false);
        _measureAt = GC.GetAllocatedBytesForCurrentThread() + limitBytes;
    }

    /// <summary>The bytes the run held at its last full collection forced by this cap, or null if none was needed.</summary>
    public long? HeldAtLastCollection { get; private set; }

    /// <summary>Collections this cap forced (for measurements).</summary>
    public int Collections { get; private set; }

    /// <summary>Each statement must check: one statement can allocate without bound.</summary>
    public override bool IsAmortizable => false;

    /// <inheritdoc />
    public override void Check()
    {
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        if (allocated >= _measureAt) Measure(allocated);
    }

    /// <inheritdoc />
    public override void Reset()
    {
        // The cap spans the whole execution (script, handler, timers and promise jobs), not one call into the engine.
    }

    private void Measure(long allocated)
    {
        var held = GC.GetTotalMemory(forceFullCollection: false) - _floorBytes;
        if (held <= _limitBytes)
        {
            _measureAt = allocated + Math.Max(_limitBytes - held, MinimumStep);
            return;
        }

        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true);
        Collections++;
        held = GC.GetTotalMemory(forceFullCollection: false) - _floorBytes;
        HeldAtLastCollection = held;
        if (held > _limitBytes) throw new MemoryLimitExceededException($"the script holds {held} bytes, over its cap of {_limitBytes}");
        _measureAt = allocated + Math.Max(_limitBytes - held, _limitBytes / 4);
    }

    // Below this, measuring the heap costs more than the precision it buys.
    private long MinimumStep => Math.Min(_limitBytes / 16 + 1, 1L << 20);
}
