using System.Collections.Immutable;

namespace ScriptRunner.Wasm.Structure;

/// <summary>The shape of the immediates that follow an opcode in the binary format.</summary>
internal enum ImmediateKind : byte
{
    None,
    BlockType,
    LabelIndex,
    BrTable,
    FunctionIndex,
    CallIndirect,
    SelectTypes,
    LocalIndex,
    GlobalIndex,
    TableIndex,
    MemArg,
    MemArgLane,
    ZeroByte,
    I32,
    I64,
    F32,
    F64,
    V128,
    RefType,
    MemoryInit,
    DataIndex,
    MemoryCopy,
    TableInit,
    ElemIndex,
    TableCopy,
    LaneIndex,
    Shuffle,
}

/// <summary>Static facts about opcodes: which encodings exist and what immediates they carry.</summary>
internal static class OpcodeInfo
{
    /// <summary>Size of tables indexed by <see cref="TableIndex"/>.</summary>
    public const int TableSize = 768;

    private const byte Undefined = 0xFF;

    // Immediate kind per opcode, Undefined for encodings that are not 2.0 opcodes.
    private static readonly ImmutableArray<byte> Kinds = BuildKindTable();

    /// <summary>
    /// A dense index for per-opcode tables: single-byte opcode b -> b; 0xFC xx -> 256 + xx; 0xFD xx -> 512 + xx.
    /// </summary>
    public static int TableIndex(Opcode opcode)
    {
        var value = (int)opcode;
        var prefix = value >> 8;
        return prefix == 0 ? value : ((prefix - 0xFB) << 8) | (value & 0xFF);
    }

    /// <summary>True when <paramref name="prefix"/> (0 for single-byte) and <paramref name="code"/> name a 2.0 opcode.</summary>
    public static bool IsDefined(byte prefix, uint code)
    {
        if (code > 0xFF) return false;
        var index = prefix switch
        {
            0 => (int)code,
            0xFC => 256 + (int)code,
            0xFD => 512 + (int)code,
            _ => -1,
        };
        return index >= 0 && Kinds[index] != Undefined;
    }

    /// <summary>True for v128 (0xFD-prefixed) instructions.</summary>
    public static bool IsVector(this Opcode opcode) => ((int)opcode >> 8) == 0xFD;

    /// <summary>The immediates that follow <paramref name="opcode"/>.</summary>
    public static ImmediateKind GetImmediateKind(this Opcode opcode) => (ImmediateKind)Kinds[TableIndex(opcode)];

    private static ImmediateKind ComputeImmediateKind(Opcode opcode) => opcode switch
    {
        Opcode.Block or Opcode.Loop or Opcode.If => ImmediateKind.BlockType,
        Opcode.Br or Opcode.BrIf => ImmediateKind.LabelIndex,
        Opcode.BrTable => ImmediateKind.BrTable,
        Opcode.Call or Opcode.RefFunc => ImmediateKind.FunctionIndex,
        Opcode.CallIndirect => ImmediateKind.CallIndirect,
        Opcode.SelectTyped => ImmediateKind.SelectTypes,
        Opcode.LocalGet or Opcode.LocalSet or Opcode.LocalTee => ImmediateKind.LocalIndex,
        Opcode.GlobalGet or Opcode.GlobalSet => ImmediateKind.GlobalIndex,
        Opcode.TableGet or Opcode.TableSet or Opcode.TableGrow or Opcode.TableSize or Opcode.TableFill =>
            ImmediateKind.TableIndex,
        >= Opcode.I32Load and <= Opcode.I64Store32 => ImmediateKind.MemArg,
        Opcode.MemorySize or Opcode.MemoryGrow or Opcode.MemoryFill => ImmediateKind.ZeroByte,
        Opcode.I32Const => ImmediateKind.I32,
        Opcode.I64Const => ImmediateKind.I64,
        Opcode.F32Const => ImmediateKind.F32,
        Opcode.F64Const => ImmediateKind.F64,
        Opcode.RefNull => ImmediateKind.RefType,
        Opcode.MemoryInit => ImmediateKind.MemoryInit,
        Opcode.DataDrop => ImmediateKind.DataIndex,
        Opcode.MemoryCopy => ImmediateKind.MemoryCopy,
        Opcode.TableInit => ImmediateKind.TableInit,
        Opcode.ElemDrop => ImmediateKind.ElemIndex,
        Opcode.TableCopy => ImmediateKind.TableCopy,
        (>= Opcode.V128Load and <= Opcode.V128Store) or Opcode.V128Load32Zero or Opcode.V128Load64Zero =>
            ImmediateKind.MemArg,
        >= Opcode.V128Load8Lane and <= Opcode.V128Store64Lane => ImmediateKind.MemArgLane,
        Opcode.V128Const => ImmediateKind.V128,
        Opcode.I8x16Shuffle => ImmediateKind.Shuffle,
        >= Opcode.I8x16ExtractLaneS and <= Opcode.F64x2ReplaceLane => ImmediateKind.LaneIndex,
        _ => ImmediateKind.None,
    };

    private static ImmutableArray<byte> BuildKindTable()
    {
        var table = new byte[TableSize];
        Array.Fill(table, Undefined);
        foreach (var op in Enum.GetValues<Opcode>()) table[TableIndex(op)] = (byte)ComputeImmediateKind(op);
        return [.. table];
    }
}
