namespace ScriptRunner.Core.Sandboxing;

/// <summary>Reads a process's resident set size from <c>/proc</c>, cheaply enough to sample every few milliseconds.</summary>
public static class ResidentMemory
{
    private static readonly long PageBytes = Environment.SystemPageSize;

    /// <summary>Resident bytes of process <paramref name="processId"/>, or null when it is gone or unreadable.</summary>
    public static long? Of(int processId) => Read($"/proc/{processId}/statm");

    /// <summary>Resident bytes of this process (0 where <c>/proc</c> is missing).</summary>
    public static long OfSelf() => Read("/proc/self/statm") ?? Environment.WorkingSet;

    private static long? Read(string path)
    {
        // statm is "size resident shared text lib data dt" in pages; one small read, no allocation beyond the buffer.
        Span<byte> buffer = stackalloc byte[128];
        int length;
        try
        {
            using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, bufferSize: 0);
            length = file.Read(buffer);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
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
}
