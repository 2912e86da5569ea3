using ScriptRunner.Core.Sandboxing;

namespace ScriptRunner.Sandbox.JavaScript.V8;

/// <summary>
/// Stops a V8 run whose process grows by more than its memory cap. V8's own heap limit sees only its heap: array
/// buffers live outside it, and a large array's backing store can outgrow the cap between two of its samples. Without
/// this the process wall (above the cap) would be the first to notice and the process would be lost; with it the run
/// is interrupted like a timeout and answers the engine's <c>MemoryLimit</c>.
/// </summary>
internal sealed class V8MemoryWatch : IDisposable
{
    private static readonly TimeSpan Period = TimeSpan.FromMilliseconds(5);

    private readonly ResidentMemory _resident;
    private readonly long _ceiling;
    private readonly Action _interrupt;
    private readonly Timer? _timer;
    private int _exceeded;

    /// <summary>
    /// Starts watching: growth past a quarter more than <paramref name="limitBytes"/> from now calls
    /// <paramref name="interrupt"/> once. The quarter is for garbage V8 has not collected yet (its heap and array
    /// buffers are each bounded by the cap on their own); the process wall sits higher still.
    /// </summary>
    public V8MemoryWatch(ResidentMemory resident, long limitBytes, Action interrupt)
    {
        _resident = resident;
        _interrupt = interrupt;
        if (limitBytes <= 0 || resident.Read() is not { } start) return;
        _ceiling = start + limitBytes + limitBytes / 4;
        _timer = new Timer(_ => Sample(), null, Period, Period);
    }

    /// <summary>True once the run grew past its cap.</summary>
    public bool Exceeded => Volatile.Read(ref _exceeded) == 1;

    /// <inheritdoc />
    public void Dispose() => _timer?.Dispose();

    private void Sample()
    {
        if (Exceeded || _resident.Read() is not { } now || now <= _ceiling) return;
        if (Interlocked.Exchange(ref _exceeded, 1) == 0) _interrupt();
    }
}
