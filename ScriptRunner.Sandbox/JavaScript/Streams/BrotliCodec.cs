using System.Buffers;
using System.IO.Compression;

namespace ScriptRunner.Sandbox.JavaScript.Streams;

/// <summary>Brotli, compressing or decompressing chunk by chunk on .NET's <see cref="BrotliEncoder"/> and <see cref="BrotliDecoder"/>.</summary>
internal sealed class BrotliCodec : IStreamCodec
{
    // Quality 4 and a 4 MB window: what BrotliStream's "optimal" level uses, a fair speed for a request's lifetime.
    private const int Quality = 4;
    private const int Window = 22;
    private const int ChunkBytes = 64 * 1024;

    private readonly bool _decompress;
    private BrotliEncoder _encoder;
    private BrotliDecoder _decoder;
    private bool _ended;

    /// <summary>A compressor, or a decompressor when <paramref name="decompress"/>.</summary>
    public BrotliCodec(bool decompress)
    {
        _decompress = decompress;
        if (decompress) _decoder = new BrotliDecoder();
        else _encoder = new BrotliEncoder(Quality, Window);
    }

    /// <inheritdoc />
    public CodecStatus Push(ReadOnlySpan<byte> input, bool final, ArrayBufferWriter<byte> output, long budget)
    {
        if (_ended) return input.IsEmpty ? CodecStatus.Ok : CodecStatus.InvalidData;
        while (true)
        {
            var target = output.GetSpan(ChunkBytes);
            var status = _decompress
                ? _decoder.Decompress(input, target, out var consumed, out var written)
                : _encoder.Compress(input, target, out consumed, out written, final);
            output.Advance(written);
            input = input[consumed..];
            if (output.WrittenCount > budget) return CodecStatus.OverBudget;
            switch (status)
            {
                case OperationStatus.InvalidData:
                    return CodecStatus.InvalidData;
                case OperationStatus.Done:
                    if (!_decompress && !final) return CodecStatus.Ok;
                    _ended = true;
                    return input.IsEmpty ? CodecStatus.Ok : CodecStatus.InvalidData;
                case OperationStatus.NeedMoreData:
                    if (!input.IsEmpty) continue;
                    return _decompress && final ? CodecStatus.InvalidData : CodecStatus.Ok;
            }
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _encoder.Dispose();
        _decoder.Dispose();
    }
}
