using global::Wasmtime;

namespace ScriptRunner.Sandbox.WebAssembly.Wasmtime;

/// <summary>
/// Advances an engine's epoch every <see cref="Tick"/>, so a store whose deadline is N ticks ahead traps with
/// <c>Interrupt</c> after N ticks. One timer per engine serves every concurrent store.
/// </summary>
internal sealed class EpochTicker : IDisposable
{
    /// <summary>The epoch period: the coarsest a deadline is enforced inside guest code.</summary>
    public static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(10);

    private readonly Timer _timer;

    public EpochTicker(Engine engine) => _timer = new Timer(_ => engine.IncrementEpoch(), null, Tick, Tick);

    /// <summary>The number of ticks a store may run for <paramref name="timeout"/> (one more, so it never ends early).</summary>
    public static ulong TicksFor(TimeSpan timeout) => (ulong)Math.Ceiling(timeout / Tick) + 1;

    public void Dispose() => _timer.Dispose();
}
