using System.Diagnostics;
using System.Runtime.CompilerServices;

namespace ScriptRunner.Wasm.Execution;

/// <summary>
/// Per-store execution counters shared by every instance of the store. Compiled code subtracts from
/// <see cref="Counter"/> at function entries and loop headers and throws <see cref="CounterExhausted"/> when it goes
/// negative. The counter starts at the remaining fuel (or "unlimited"); a deadline or a cancellation makes it
/// negative from another thread (<see cref="Interrupt"/>). The check therefore never calls out on its fast or slow
/// path, which keeps loops free of calls and their register spills.
/// </summary>
internal sealed class ExecutionState
{
    // Frames may use this much stack below an address verified by EnsureSufficientExecutionStack (which itself
    // guarantees at least 64 KiB, 128 KiB on 64-bit hosts).
    private const int StackChunk = 32 * 1024;

    // Far below zero, so further subtractions by running code cannot bring it back up before the next check.
    private const long Interrupted = long.MinValue / 2;

    private const long Unlimited = long.MaxValue / 2;

    private readonly Store _store;

    public long Counter;
    public int Depth;
    public int MaxDepth;
    public nint StackLimit;

    private long _consumed;
    private long _start;
    private int _nesting;
    private volatile bool _interrupted;
    private CancellationTokenRegistration _cancellation;
    private Watchdog.Registration? _deadline;
    private Watchdog.Registration? _cancelled;

    public ExecutionState(Store store)
    {
        _store = store;
        MaxDepth = store.Limits.MaxCallDepth;
        StackLimit = nint.MaxValue;
    }

    public long FuelConsumed => _nesting > 0 && !_interrupted ? _consumed + (_start - Counter) : _consumed;

    /// <summary>Begins a call from the host into WebAssembly; returns the depth to restore in <see cref="Leave"/>.</summary>
    public int Enter()
    {
        if (_nesting > 0)
        {
            _nesting++;
            return Depth;
        }

        var token = _store.CancellationToken;
        if (token.IsCancellationRequested)
        {
            throw new TrapException(TrapKind.Timeout);
        }

        long start = Unlimited;
        if (_store.Limits.Fuel is { } fuel)
        {
            start = fuel - _consumed;
            if (start <= 0)
            {
                throw new TrapException(TrapKind.OutOfFuel);
            }
        }

        _interrupted = false;
        _start = start;
        Counter = start;
        Depth = 0;
        StackLimit = nint.MaxValue;
        _nesting = 1;
        if (token.CanBeCanceled)
        {
            _cancellation = token.UnsafeRegister(static state => ((ExecutionState)state!).OnCancelled(), this);
        }

        if (_store.Limits.Timeout is { } timeout)
        {
            _deadline = _store.Engine.Watchdog.Register(this, Stopwatch.GetTimestamp() + (long)(timeout.TotalSeconds * Stopwatch.Frequency));
        }

        return 0;
    }

    /// <summary>Ends a call from the host into WebAssembly, normally or by an exception.</summary>
    public void Leave(int depth)
    {
        Depth = depth;
        if (--_nesting > 0)
        {
            return;
        }

        _deadline?.Dispose();
        _deadline = null;
        _cancellation.Dispose();
        _cancellation = default;
        Interlocked.Exchange(ref _cancelled, null)?.Dispose();
        if (!_interrupted)
        {
            _consumed += _start - Counter;
        }
    }

    /// <summary>Makes running code stop at its next check with a Timeout trap; safe from any thread.</summary>
    public void Interrupt()
    {
        _interrupted = true;
        Volatile.Write(ref Counter, Interrupted);
    }

    // Running code may overwrite one interruption with its own counter update, so cancellation also hands the
    // execution to the watchdog, which repeats the interruption until the call leaves.
    private void OnCancelled()
    {
        Interrupt();
        var repeat = _store.Engine.Watchdog.Register(this, Stopwatch.GetTimestamp());
        if (Interlocked.CompareExchange(ref _cancelled, repeat, null) is not null)
        {
            repeat.Dispose();
        }
    }

    /// <summary>The trap for a counter that went negative: interrupted (timeout) or out of fuel.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public TrapException CounterExhausted()
    {
        if (_interrupted)
        {
            return new TrapException(TrapKind.Timeout);
        }

        _consumed += _start;
        _start = 0;
        Counter = 0;
        return new TrapException(TrapKind.OutOfFuel);
    }

    /// <summary>Slow path of the stack check: verify the native stack and move the limit down one chunk.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public void OnStackLimit(nint framePointer)
    {
        if (!RuntimeHelpers.TryEnsureSufficientExecutionStack())
        {
            throw new TrapException(TrapKind.CallStackExhausted);
        }

        StackLimit = framePointer - StackChunk;
    }

    /// <summary>The trap raised when the call depth passes <see cref="MaxDepth"/>.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static TrapException CallStackExhausted() => new(TrapKind.CallStackExhausted);
}
