using System.Collections.Concurrent;

namespace ScriptRunner.Core.Sandboxing;

/// <summary>
/// One thread that samples the resident memory of every busy sandbox process at a fixed interval and has each kill
/// itself when its run passes its cap. It sleeps while nothing runs.
/// </summary>
internal sealed class MemoryWatch : IDisposable
{
    private readonly ConcurrentDictionary<SandboxProcess, byte> _busy = new();
    private readonly SemaphoreSlim _work = new(0);
    private readonly TimeSpan _interval;
    private volatile bool _disposed;

    public MemoryWatch(TimeSpan interval)
    {
        _interval = interval;
        new Thread(Loop) { IsBackground = true, Name = "ScriptRunner memory watch" }.Start();
    }

    public void Add(SandboxProcess process)
    {
        _busy[process] = 0;
        _work.Release();
    }

    public void Remove(SandboxProcess process) => _busy.TryRemove(process, out _);

    public void Dispose()
    {
        _disposed = true;
        _work.Release();
    }

    private void Loop()
    {
        while (!_disposed)
        {
            if (_busy.IsEmpty)
            {
                _work.Wait();
                continue;
            }

            foreach (var process in _busy.Keys) process.EnforceMemoryCap();
            Thread.Sleep(_interval);
        }
    }
}
