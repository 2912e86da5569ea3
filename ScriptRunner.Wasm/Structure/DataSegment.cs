namespace ScriptRunner.Wasm.Structure;

/// <summary>A data segment; <see cref="MemoryIndex"/> and <see cref="Offset"/> are meaningful for active ones only.</summary>
internal sealed record DataSegment(
    SegmentMode Mode,
    uint MemoryIndex,
    ConstantExpression Offset,
    ReadOnlyMemory<byte> Bytes,
    int SourceOffset);
