using System.Buffers;

namespace ScriptRunner.Sandbox.JavaScript.Streams;

/// <summary>One incremental compressor or decompressor behind a <c>CompressionStream</c> or <c>DecompressionStream</c>.</summary>
internal interface IStreamCodec : IDisposable
{
    /// <summary>
    /// Feeds <paramref name="input"/> (the last piece when <paramref name="final"/>) and appends what it yields to
    /// <paramref name="output"/>, stopping once the output passes <paramref name="budget"/> bytes.
    /// </summary>
    CodecStatus Push(ReadOnlySpan<byte> input, bool final, ArrayBufferWriter<byte> output, long budget);
}

/// <summary>How a push ended.</summary>
internal enum CodecStatus
{
    /// <summary>The input was taken; more may follow (or, after the final push, the stream is complete).</summary>
    Ok,

    /// <summary>The compressed data is corrupt, truncated at the end, or followed by extra bytes.</summary>
    InvalidData,

    /// <summary>The output passed the budget.</summary>
    OverBudget,
}
