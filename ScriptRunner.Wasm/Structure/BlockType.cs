namespace ScriptRunner.Wasm.Structure;

/// <summary>The type of a block, loop or if: empty, a single result type, or an index into the type section.</summary>
internal readonly record struct BlockType
{
    private BlockType(BlockTypeKind kind, ValType valType, uint typeIndex)
    {
        Kind = kind;
        ValType = valType;
        TypeIndex = typeIndex;
    }

    /// <summary><c>[] -> []</c>.</summary>
    public static BlockType Empty => default;

    /// <summary>Which form this block type has.</summary>
    public BlockTypeKind Kind { get; }

    /// <summary>The single result type when <see cref="Kind"/> is <see cref="BlockTypeKind.Value"/>.</summary>
    public ValType ValType { get; }

    /// <summary>The type index when <see cref="Kind"/> is <see cref="BlockTypeKind.TypeIndex"/>.</summary>
    public uint TypeIndex { get; }

    /// <summary><c>[] -> [type]</c>.</summary>
    public static BlockType FromValType(ValType type) => new(BlockTypeKind.Value, type, 0);

    /// <summary>The signature at <paramref name="index"/> in the type section.</summary>
    public static BlockType FromTypeIndex(uint index) => new(BlockTypeKind.TypeIndex, default, index);
}

/// <summary>The three encodings of <see cref="BlockType"/>.</summary>
internal enum BlockTypeKind : byte
{
    Empty,
    Value,
    TypeIndex,
}
