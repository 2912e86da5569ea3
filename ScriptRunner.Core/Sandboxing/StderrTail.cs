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
    private readonly Task _drain;

    public StderrTail(TextReader reader) => _drain = Task.Run(() => DrainAsync(reader));

    /// <summary>Waits (briefly) for the stream to end, then returns what it said last.</summary>
    public async Task<string> FinalTextAsync(TimeSpan wait)
    {
        await Task.WhenAny(_drain, Task.Delay(wait)).ConfigureAwait(false);
        lock (_gate) return _head.ToString() + _tail;
    }

    private async Task DrainAsync(TextReader reader)
    {
        var buffer = new char[4096];
        try
        {
            int read;
            while ((read = await reader.ReadAsync(buffer).ConfigureAwait(false)) > 0)
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
    }
}
