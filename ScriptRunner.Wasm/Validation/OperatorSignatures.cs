using System.Collections.Immutable;
using ScriptRunner.Wasm.Structure;

namespace ScriptRunner.Wasm.Validation;

/// <summary>
/// The stack signature of an instruction without immediates that depend on the module: up to three operands
/// (<see cref="Arity"/> of them, first operand deepest) and an optional result (0 when none).
/// </summary>
internal readonly record struct OperatorSignature(byte Arity, ValType First, ValType Second, ValType Third, ValType Result);

/// <summary>Typing of the numeric (MVP, 0xFC saturating) and non-memory vector instructions (spec 3.3.1-3.3.2).</summary>
internal static class OperatorSignatures
{
    private const ValType I32 = ValType.I32;
    private const ValType I64 = ValType.I64;
    private const ValType F32 = ValType.F32;
    private const ValType F64 = ValType.F64;
    private const ValType V128 = ValType.V128;

    private static readonly ImmutableArray<OperatorSignature> Table = BuildTable();

    /// <summary>
    /// The signature of <paramref name="opcode"/> when it is a fixed-type numeric or vector instruction
    /// (lane instructions included; their lane immediate is checked separately).
    /// </summary>
    public static bool TryGet(Opcode opcode, out OperatorSignature signature)
    {
        signature = Table[OpcodeInfo.TableIndex(opcode)];
        return signature.Arity != 0;
    }

    private static ImmutableArray<OperatorSignature> BuildTable()
    {
        var table = new OperatorSignature[OpcodeInfo.TableSize];
        foreach (var op in Enum.GetValues<Opcode>()) table[OpcodeInfo.TableIndex(op)] = Compute(op);
        return [.. table];
    }

    private static OperatorSignature Compute(Opcode opcode)
    {
        OperatorSignature signature;
        var code = (int)opcode;
        if (code <= 0xFF)
        {
            signature = Scalar(code);
        }
        else if ((code >> 8) == 0xFC)
        {
            signature = (code & 0xFF) switch
            {
                0 or 1 => Unary(F32, I32),
                2 or 3 => Unary(F64, I32),
                4 or 5 => Unary(F32, I64),
                6 or 7 => Unary(F64, I64),
                _ => default,
            };
        }
        else
        {
            signature = Vector(code & 0xFF);
        }

        return signature;
    }

    private static OperatorSignature Unary(ValType operand, ValType result) => new(1, operand, 0, 0, result);

    private static OperatorSignature Binary(ValType operand, ValType result) => new(2, operand, operand, 0, result);

    private static OperatorSignature Scalar(int code) => code switch
    {
        0x45 => Unary(I32, I32),
        >= 0x46 and <= 0x4F => Binary(I32, I32),
        0x50 => Unary(I64, I32),
        >= 0x51 and <= 0x5A => Binary(I64, I32),
        >= 0x5B and <= 0x60 => Binary(F32, I32),
        >= 0x61 and <= 0x66 => Binary(F64, I32),
        >= 0x67 and <= 0x69 => Unary(I32, I32),
        >= 0x6A and <= 0x78 => Binary(I32, I32),
        >= 0x79 and <= 0x7B => Unary(I64, I64),
        >= 0x7C and <= 0x8A => Binary(I64, I64),
        >= 0x8B and <= 0x91 => Unary(F32, F32),
        >= 0x92 and <= 0x98 => Binary(F32, F32),
        >= 0x99 and <= 0x9F => Unary(F64, F64),
        >= 0xA0 and <= 0xA6 => Binary(F64, F64),
        0xA7 => Unary(I64, I32),
        0xA8 or 0xA9 => Unary(F32, I32),
        0xAA or 0xAB => Unary(F64, I32),
        0xAC or 0xAD => Unary(I32, I64),
        0xAE or 0xAF => Unary(F32, I64),
        0xB0 or 0xB1 => Unary(F64, I64),
        0xB2 or 0xB3 => Unary(I32, F32),
        0xB4 or 0xB5 => Unary(I64, F32),
        0xB6 => Unary(F64, F32),
        0xB7 or 0xB8 => Unary(I32, F64),
        0xB9 or 0xBA => Unary(I64, F64),
        0xBB => Unary(F32, F64),
        0xBC => Unary(F32, I32),
        0xBD => Unary(F64, I64),
        0xBE => Unary(I32, F32),
        0xBF => Unary(I64, F64),
        0xC0 or 0xC1 => Unary(I32, I32),
        >= 0xC2 and <= 0xC4 => Unary(I64, I64),
        _ => default,
    };

    private static OperatorSignature Vector(int code) => code switch
    {
        0x0E => Binary(V128, V128), // i8x16.swizzle
        0x0F or 0x10 or 0x11 => Unary(I32, V128),
        0x12 => Unary(I64, V128),
        0x13 => Unary(F32, V128),
        0x14 => Unary(F64, V128),
        0x15 or 0x16 or 0x18 or 0x19 or 0x1B => Unary(V128, I32),
        0x1D => Unary(V128, I64),
        0x1F => Unary(V128, F32),
        0x21 => Unary(V128, F64),
        0x17 or 0x1A or 0x1C => new OperatorSignature(2, V128, I32, 0, V128),
        0x1E => new OperatorSignature(2, V128, I64, 0, V128),
        0x20 => new OperatorSignature(2, V128, F32, 0, V128),
        0x22 => new OperatorSignature(2, V128, F64, 0, V128),
        >= 0x23 and <= 0x4C => Binary(V128, V128), // comparisons
        0x4D => Unary(V128, V128), // v128.not
        >= 0x4E and <= 0x51 => Binary(V128, V128),
        0x52 => new OperatorSignature(3, V128, V128, V128, V128), // v128.bitselect
        0x53 or 0x63 or 0x64 or 0x83 or 0x84 or 0xA3 or 0xA4 or 0xC3 or 0xC4 => Unary(V128, I32),
        0x5E or 0x5F => Unary(V128, V128),
        >= 0x60 and <= 0x62 => Unary(V128, V128),
        0x65 or 0x66 => Binary(V128, V128),
        >= 0x67 and <= 0x6A => Unary(V128, V128),
        0x6B or 0x6C or 0x6D or 0x8B or 0x8C or 0x8D or 0xAB or 0xAC or 0xAD or 0xCB or 0xCC or 0xCD =>
            new OperatorSignature(2, V128, I32, 0, V128), // shifts
        >= 0x6E and <= 0x73 => Binary(V128, V128),
        0x74 or 0x75 or 0x7A => Unary(V128, V128),
        >= 0x76 and <= 0x79 => Binary(V128, V128),
        0x7B => Binary(V128, V128),
        >= 0x7C and <= 0x81 => Unary(V128, V128),
        0x82 or 0x85 or 0x86 => Binary(V128, V128),
        >= 0x87 and <= 0x8A => Unary(V128, V128),
        >= 0x8E and <= 0x93 => Binary(V128, V128),
        0x94 => Unary(V128, V128),
        (>= 0x95 and <= 0x99) or (>= 0x9B and <= 0x9F) => Binary(V128, V128),
        0xA0 or 0xA1 or (>= 0xA7 and <= 0xAA) => Unary(V128, V128),
        0xAE or 0xB1 or (>= 0xB5 and <= 0xBA) or (>= 0xBC and <= 0xBF) => Binary(V128, V128),
        0xC0 or 0xC1 or (>= 0xC7 and <= 0xCA) => Unary(V128, V128),
        0xCE or 0xD1 or (>= 0xD5 and <= 0xDF) => Binary(V128, V128),
        0xE0 or 0xE1 or 0xE3 or 0xEC or 0xED or 0xEF => Unary(V128, V128),
        (>= 0xE4 and <= 0xEB) or (>= 0xF0 and <= 0xF7) => Binary(V128, V128),
        >= 0xF8 and <= 0xFF => Unary(V128, V128),
        _ => default,
    };

    /// <summary>The number of lanes addressed by a lane-index immediate of <paramref name="opcode"/>, or 0.</summary>
    public static int LaneCount(Opcode opcode) => opcode switch
    {
        Opcode.I8x16ExtractLaneS or Opcode.I8x16ExtractLaneU or Opcode.I8x16ReplaceLane or Opcode.V128Load8Lane
            or Opcode.V128Store8Lane => 16,
        Opcode.I16x8ExtractLaneS or Opcode.I16x8ExtractLaneU or Opcode.I16x8ReplaceLane or Opcode.V128Load16Lane
            or Opcode.V128Store16Lane => 8,
        Opcode.I32x4ExtractLane or Opcode.I32x4ReplaceLane or Opcode.F32x4ExtractLane or Opcode.F32x4ReplaceLane
            or Opcode.V128Load32Lane or Opcode.V128Store32Lane => 4,
        Opcode.I64x2ExtractLane or Opcode.I64x2ReplaceLane or Opcode.F64x2ExtractLane or Opcode.F64x2ReplaceLane
            or Opcode.V128Load64Lane or Opcode.V128Store64Lane => 2,
        _ => 0,
    };

    /// <summary>
    /// For a load or store: the log2 of its natural alignment, the value type moved, and whether it is a store.
    /// Lane loads/stores are included (their value is the v128 operand).
    /// </summary>
    public static bool TryGetMemoryAccess(Opcode opcode, out int naturalAlignment, out ValType type, out bool isStore)
    {
        (naturalAlignment, type, isStore) = opcode switch
        {
            Opcode.I32Load => (2, I32, false),
            Opcode.I64Load => (3, I64, false),
            Opcode.F32Load => (2, F32, false),
            Opcode.F64Load => (3, F64, false),
            Opcode.I32Load8S or Opcode.I32Load8U => (0, I32, false),
            Opcode.I32Load16S or Opcode.I32Load16U => (1, I32, false),
            Opcode.I64Load8S or Opcode.I64Load8U => (0, I64, false),
            Opcode.I64Load16S or Opcode.I64Load16U => (1, I64, false),
            Opcode.I64Load32S or Opcode.I64Load32U => (2, I64, false),
            Opcode.I32Store => (2, I32, true),
            Opcode.I64Store => (3, I64, true),
            Opcode.F32Store => (2, F32, true),
            Opcode.F64Store => (3, F64, true),
            Opcode.I32Store8 => (0, I32, true),
            Opcode.I32Store16 => (1, I32, true),
            Opcode.I64Store8 => (0, I64, true),
            Opcode.I64Store16 => (1, I64, true),
            Opcode.I64Store32 => (2, I64, true),
            Opcode.V128Load => (4, V128, false),
            Opcode.V128Load8x8S or Opcode.V128Load8x8U or Opcode.V128Load16x4S or Opcode.V128Load16x4U
                or Opcode.V128Load32x2S or Opcode.V128Load32x2U => (3, V128, false),
            Opcode.V128Load8Splat => (0, V128, false),
            Opcode.V128Load16Splat => (1, V128, false),
            Opcode.V128Load32Splat => (2, V128, false),
            Opcode.V128Load64Splat => (3, V128, false),
            Opcode.V128Store => (4, V128, true),
            Opcode.V128Load32Zero => (2, V128, false),
            Opcode.V128Load64Zero => (3, V128, false),
            Opcode.V128Load8Lane or Opcode.V128Store8Lane => (0, V128, opcode == Opcode.V128Store8Lane),
            Opcode.V128Load16Lane or Opcode.V128Store16Lane => (1, V128, opcode == Opcode.V128Store16Lane),
            Opcode.V128Load32Lane or Opcode.V128Store32Lane => (2, V128, opcode == Opcode.V128Store32Lane),
            Opcode.V128Load64Lane or Opcode.V128Store64Lane => (3, V128, opcode == Opcode.V128Store64Lane),
            _ => (-1, (ValType)0, false),
        };
        return naturalAlignment >= 0;
    }
}
