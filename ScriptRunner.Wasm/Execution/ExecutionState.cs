using System.Diagnostics;
using System.Runtime.CompilerServices;

namespace ScriptRunner.Wasm.Execution;

/// <summary>
/// Per-store execution counters shared by every instance of the store. Compiled code decrements
/// <see cref="Counter"/> at function entries and loop back-edges and calls <see cref="OnCounterExhausted"/> when it
/// goes negative; that slow path accounts fuel and checks the deadline and cancellation token, so the fast path is a
/// single subtract-and-compare.
/// </summary>
internal sealed class ExecutionState
{
    // How much work runs between two looks at the clock and the token.
    private const long CheckInterval = 10_000;

    // Frames may use this much stack below an address verified by EnsureSufficientExecutionStack.
    private const int StackChunk = 32 * 1024;

    private readonly Store _store;

    public long Counter;
    public int Depth;
    public int MaxDepth;
    public nint StackLimit;

    private long _granted;
    private long _consumed;
    private long _deadline = long.MaxValue;
    private int _nesting;

    public ExecutionState(Store store)
    {
        _store = store;
        MaxDepth = store.Limits.MaxCallDepth;
        StackLimit = nint.MaxValue;
    }

    public long FuelConsumed => _consumed + (_granted - Counter);

    /// <summary>Begins a call from the host into WebAssembly; returns the depth to restore in <see cref="Leave"/>.</summary>
    public int Enter()
    {
        if (_nesting++ == 0)
        {
            Depth = 0;
            StackLimit = nint.MaxValue;
            _deadline = _store.Limits.Timeout is { } timeout
                ? Stopwatch.GetTimestamp() + (long)(timeout.TotalSeconds * Stopwatch.Frequency)
                : long.MaxValue;
            Refill();
        }

        return Depth;
    }

    /// <summary>Ends a call from the host into WebAssembly, normally or by an exception.</summary>
    public void Leave(int depth)
    {
        Depth = depth;
        _nesting--;
    }

    /// <summary>Slow path of the fuel/deadline counter: account fuel, check limits, grant a new slice.</summary>
    public void OnCounterExhausted()
    {
        Refill();
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

    private void Refill()
    {
        _consumed += _granted - Counter;
        _granted = 0;
        Counter = 0;
        if (_store.CancellationToken.IsCancellationRequested || Stopwatch.GetTimestamp() > _deadline)
        {
            throw new TrapException(TrapKind.Timeout);
        }

        var grant = CheckInterval;
        if (_store.Limits.Fuel is { } fuel)
        {
            var remaining = fuel - _consumed;
            if (remaining <= 0)
            {
                throw new TrapException(TrapKind.OutOfFuel);
            }

            grant = Math.Min(grant, remaining);
        }

        _granted = grant;
        Counter = grant;
    }
}
