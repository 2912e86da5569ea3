using Microsoft.Win32.SafeHandles;

namespace ScriptRunner.Core.Sandboxing;

/// <summary>
/// Reads a process's resident set size from its <c>/proc/&lt;pid&gt;/statm</c>, kept open: each reading is one
/// positioned read, cheap enough to take after every run and every few milliseconds while a process is busy.
/// </summary>
public sealed class ResidentMemory : IDisposable
{
    private static readonly long PageBytes = Environment.SystemPageSize;

    private readonly SafeFileHandle? _statm;

    private ResidentMemory(string path)
    {
        try
        {
            _statm = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A process that is already gone, or a system without /proc: every reading answers null.
        }
    }

    /// <summary>Opens the readings of process <paramref name="processId"/>.</summary>
    public static ResidentMemory Of(int processId) => new($"/proc/{processId}/statm");

    /// <summary>Opens the readings of this process.</summary>
    public static ResidentMemory OfSelf() => new("/proc/self/statm");

    /// <summary>Resident bytes now, or null when the process is gone or <c>/proc</c> is unreadable.</summary>
    public long? Read()
    {
        if (_statm is null) return null;
        // statm is "size resident shared text lib data dt" in pages; reading from offset 0 renders it afresh.
        Span<byte> buffer = stackalloc byte[128];
        int length;
        try
        {
            length = RandomAccess.Read(_statm, buffer, fileOffset: 0);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ObjectDisposedException)
        {
            return null;
        }

        var text = buffer[..length];
        var space = text.IndexOf((byte)' ');
        if (space < 0) return null;
        long pages = 0;
        for (var i = space + 1; i < text.Length && text[i] is >= (byte)'0' and <= (byte)'9'; i++) pages = pages * 10 + (text[i] - '0');
        return pages * PageBytes;
    }

    /// <inheritdoc />
    public void Dispose() => _statm?.Dispose();
}
