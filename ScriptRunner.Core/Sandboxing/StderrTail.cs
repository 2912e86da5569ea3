using System.Text;

namespace ScriptRunner.Core.Sandboxing;

/// <summary>
/// Drains a sandbox process's stderr and keeps its first and last few kilobytes, which explain how a crashed process
/// died (the runtime names a stack overflow first, then prints thousands of frames).
/// </summary>
internal sealed class StderrTail
{
    private const int HeadChars = 2 * 1024;
    private const int KeepChars = 6 * 1024;
    private readonly StringBuilder _head = new();
    private readonly StringBuilder _tail = new();
    private readonly Lock _gate = new();
    private readonly ManualResetEventSlim _drained = new();

    public StderrTail(TextReader reader, string name)
    {
        // Like the protocol pipe, a blocking read gets its own thread rather than a thread-pool thread.
        new Thread(() => Drain(reader)) { IsBackground = true, Name = name }.Start();
    }

    /// <summary>Waits (briefly) for the stream to end, then returns what it said first and last.</summary>
    public string FinalText(TimeSpan wait)
    {
        _drained.Wait(wait);
        lock (_gate) return _head.ToString() + _tail;
    }

    private void Drain(TextReader reader)
    {
        var buffer = new char[4096];
        try
        {
            int read;
            while ((read = reader.Read(buffer)) > 0)
            {
                lock (_gate)
                {
                    var toHead = Math.Min(read, HeadChars - _head.Length);
                    _head.Append(buffer, 0, toHead);
                    _tail.Append(buffer, toHead, read - toHead);
                    if (_tail.Length > KeepChars) _tail.Remove(0, _tail.Length - KeepChars);
                }
            }
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException)
        {
            // The process is gone; what was read is all there is.
        }
        finally
        {
            _drained.Set();
        }
    }
}
