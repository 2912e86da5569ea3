using System.Buffers;

namespace ScriptRunner.Sandbox.JavaScript.Streams;

/// <summary>
/// One execution's open compression codecs, by the number the prelude holds, and the memory they may produce: all
/// the output of an execution's codecs counts against its memory cap, so a decompression bomb ends as a memory-limit
/// outcome instead of filling the process. Disposed with the execution, which frees whatever a script left open.
/// </summary>
internal sealed class StreamCodecs(long memoryLimitBytes) : IDisposable
{
    /// <summary>Answer of <see cref="Open"/> for a format the host does not offer.</summary>
    public const int UnsupportedFormat = -1;

    /// <summary>Answer of <see cref="Push"/> for corrupt, truncated or over-long compressed data.</summary>
    public const int InvalidData = -2;

    /// <summary>Answer of <see cref="Push"/> for a codec that is not open (closed, or never opened).</summary>
    public const int NotOpen = -3;

    private readonly Dictionary<int, IStreamCodec> _open = [];
    private readonly ArrayBufferWriter<byte> _output = new();
    private long _produced;
    private int _next = 1;

    /// <summary>True once the codecs' output passed the memory cap; the run then ends as a memory-limit outcome.</summary>
    public bool LimitExceeded { get; private set; }

    /// <summary>Called when the cap is passed (V8 interrupts the script with it; Jint stops on the exception).</summary>
    public Action? OnLimitExceeded { get; set; }

    /// <summary>The output of the last <see cref="Push"/>, until the next one.</summary>
    public ReadOnlySpan<byte> LastOutput => _output.WrittenSpan;

    /// <summary>Opens a codec for <paramref name="format"/>; answers its number, or <see cref="UnsupportedFormat"/>.</summary>
    public int Open(string format, bool decompress)
    {
        IStreamCodec? codec;
        try
        {
            codec = format == "brotli" ? new BrotliCodec(decompress) : ZLibCodec.For(format, decompress);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // The native library missing or refusing to start (another platform): the script gets a TypeError.
            codec = null;
        }

        if (codec is null) return UnsupportedFormat;
        var id = _next++;
        _open[id] = codec;
        return id;
    }

    /// <summary>
    /// Feeds a codec; answers the byte count of <see cref="LastOutput"/>, or a negative code. The codec is closed
    /// after its final push or an error. Throws <see cref="StreamMemoryLimitException"/> past the memory cap.
    /// </summary>
    public int Push(int id, ReadOnlySpan<byte> input, bool final)
    {
        _output.ResetWrittenCount();
        if (LimitExceeded) throw Exceeded();
        if (!_open.TryGetValue(id, out var codec)) return NotOpen;
        var budget = memoryLimitBytes > 0 ? memoryLimitBytes - _produced : long.MaxValue;
        CodecStatus status;
        try
        {
            status = codec.Push(input, final, _output, budget);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            status = CodecStatus.InvalidData;
        }

        _produced += _output.WrittenCount;
        if (status == CodecStatus.OverBudget)
        {
            _output.Clear();
            Close(id);
            LimitExceeded = true;
            OnLimitExceeded?.Invoke();
            throw Exceeded();
        }

        if (status != CodecStatus.Ok || final) Close(id);
        return status == CodecStatus.InvalidData ? InvalidData : _output.WrittenCount;
    }

    /// <summary>Closes a codec (a cancelled or errored stream); closing one that is not open does nothing.</summary>
    public void Close(int id)
    {
        if (_open.Remove(id, out var codec)) codec.Dispose();
    }

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (var codec in _open.Values) codec.Dispose();
        _open.Clear();
    }

    private StreamMemoryLimitException Exceeded() =>
        new($"compression output passed the memory limit of {memoryLimitBytes / (1024 * 1024)} MB");
}

/// <summary>Compression output passed the execution's memory cap: the run ends as a memory-limit outcome.</summary>
internal sealed class StreamMemoryLimitException(string message) : Exception(message);
