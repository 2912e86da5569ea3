using System.Buffers.Binary;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using ScriptRunner.Wasm.Structure;

namespace ScriptRunner.Wasm.Binary;

/// <summary>
/// Forward-only reader of binary-format values and instructions over a slice of the module bytes. Used by the
/// decoder for section contents, and by the validator and compiler for function bodies. Every read is bounds
/// checked; bad encodings and truncation throw a malformed <see cref="CompileException"/> that names the
/// absolute offset.
/// </summary>
internal ref struct CodeReader
{
    private const string UnexpectedEnd = "unexpected end of section or function";

    private readonly ReadOnlySpan<byte> data;
    private readonly int baseOffset;
    private readonly string section;
    private int position;

    /// <summary>A reader over function code; <paramref name="baseOffset"/> is the absolute offset of <paramref name="code"/>[0].</summary>
    public CodeReader(ReadOnlySpan<byte> code, int baseOffset)
        : this(code, baseOffset, "code")
    {
    }

    /// <summary>A reader over any section content, naming <paramref name="section"/> in errors.</summary>
    public CodeReader(ReadOnlySpan<byte> data, int baseOffset, string section)
    {
        this.data = data;
        this.baseOffset = baseOffset;
        this.section = section;
    }

    /// <summary>True when every byte has been consumed.</summary>
    public readonly bool AtEnd => position >= data.Length;

    /// <summary>Absolute offset of the next byte in the module.</summary>
    public readonly int Offset => baseOffset + position;

    /// <summary>Position of the next byte relative to the start of this reader's slice.</summary>
    public int Position
    {
        readonly get => position;
        set => position = value;
    }

    /// <summary>Bytes left to read.</summary>
    public readonly int Remaining => data.Length - position;

    /// <summary>The section named in errors.</summary>
    public readonly string Section => section;

    /// <summary>A malformed-module error at the current offset.</summary>
    public readonly CompileException Error(string reason) => CompileException.Malformed(reason, Offset, section);

    /// <summary>A malformed-module error at <paramref name="absoluteOffset"/>.</summary>
    public readonly CompileException ErrorAt(string reason, int absoluteOffset) =>
        CompileException.Malformed(reason, absoluteOffset, section);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public byte ReadByte()
    {
        if ((uint)position >= (uint)data.Length) ThrowMalformed(UnexpectedEnd, Offset, section);
        return data[position++];
    }

    // Kept out of line so the hot read paths stay small enough to inline.
    [DoesNotReturn]
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ThrowMalformed(string reason, int offset, string section) =>
        throw CompileException.Malformed(reason, offset, section);

    /// <summary>The next byte without consuming it.</summary>
    public readonly byte PeekByte()
    {
        if ((uint)position >= (uint)data.Length) ThrowMalformed(UnexpectedEnd, Offset, section);
        return data[position];
    }

    /// <summary>Consumes <paramref name="count"/> bytes and returns them.</summary>
    public ReadOnlySpan<byte> ReadBytes(int count)
    {
        if (count < 0 || count > Remaining) throw Error(UnexpectedEnd);
        var slice = data.Slice(position, count);
        position += count;
        return slice;
    }

    /// <summary>Reads an unsigned LEB128 32-bit integer (at most 5 bytes, unused bits zero).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public uint ReadU32()
    {
        if ((uint)position < (uint)data.Length)
        {
            var b = data[position];
            if (b < 0x80)
            {
                position++;
                return b;
            }
        }

        return ReadU32Slow();
    }

    private uint ReadU32Slow()
    {
        uint result = 0;
        for (var shift = 0; ; shift += 7)
        {
            var b = ReadByte();
            if (shift == 28)
            {
                if ((b & 0x80) != 0) throw Error("integer representation too long");
                if ((b & 0x70) != 0) throw Error("integer too large");
                return result | ((uint)b << 28);
            }

            result |= (uint)(b & 0x7F) << shift;
            if ((b & 0x80) == 0) return result;
        }
    }

    /// <summary>Reads a signed LEB128 32-bit integer.</summary>
    public int ReadS32()
    {
        int result = 0;
        for (var shift = 0; ; shift += 7)
        {
            var b = ReadByte();
            if (shift == 28)
            {
                if ((b & 0x80) != 0) throw Error("integer representation too long");
                // Bits 32-34 must repeat the sign bit (bit 3 of this byte).
                var high = b & 0x78;
                if (high != 0 && high != 0x78) throw Error("integer too large");
                return result | (b << 28);
            }

            result |= (b & 0x7F) << shift;
            if ((b & 0x80) == 0)
            {
                return (b & 0x40) != 0 && shift < 25 ? result | (-1 << (shift + 7)) : result;
            }
        }
    }

    /// <summary>Reads a signed LEB128 64-bit integer.</summary>
    public long ReadS64()
    {
        long result = 0;
        for (var shift = 0; ; shift += 7)
        {
            var b = ReadByte();
            if (shift == 63)
            {
                if ((b & 0x80) != 0) throw Error("integer representation too long");
                // Only bit 63 remains; the other bits must repeat it.
                if (b != 0 && b != 0x7F) throw Error("integer too large");
                return result | ((long)b << 63);
            }

            result |= (long)(b & 0x7F) << shift;
            if ((b & 0x80) == 0)
            {
                return (b & 0x40) != 0 && shift < 57 ? result | (-1L << (shift + 7)) : result;
            }
        }
    }

    /// <summary>Reads a signed LEB128 33-bit integer (block type index), as a long.</summary>
    public long ReadS33()
    {
        long result = 0;
        for (var shift = 0; ; shift += 7)
        {
            var b = ReadByte();
            if (shift == 28)
            {
                if ((b & 0x80) != 0) throw Error("integer representation too long");
                // Bit 4 of this byte is bit 32 (the sign); bits 33-34 must repeat it.
                var high = b & 0x70;
                if (high != 0 && high != 0x70) throw Error("integer too large");
                result |= (long)b << 28;
                return (b & 0x10) != 0 ? result | (-1L << 33) : result;
            }

            result |= (long)(b & 0x7F) << shift;
            if ((b & 0x80) == 0)
            {
                return (b & 0x40) != 0 ? result | (-1L << (shift + 7)) : result;
            }
        }
    }

    /// <summary>Reads the 4 little-endian bytes of an f32.</summary>
    public uint ReadF32Bits() => BinaryPrimitives.ReadUInt32LittleEndian(ReadBytes(4));

    /// <summary>Reads the 8 little-endian bytes of an f64.</summary>
    public ulong ReadF64Bits() => BinaryPrimitives.ReadUInt64LittleEndian(ReadBytes(8));

    /// <summary>Reads 16 bytes as a v128.</summary>
    public Vector128<byte> ReadV128() => Vector128.Create(ReadBytes(16));

    /// <summary>Reads an opcode, including the 0xFC/0xFD prefixed forms; unknown encodings are "illegal opcode".</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Opcode ReadOpcode()
    {
        var b = ReadByte();
        if (b < 0xFC && OpcodeInfo.IsDefined(0, b)) return (Opcode)b;
        return ReadPrefixedOpcode(b, Offset - 1);
    }

    private Opcode ReadPrefixedOpcode(byte prefix, int start)
    {
        if (prefix is not (0xFC or 0xFD)) throw ErrorAt($"illegal opcode 0x{prefix:x2}", start);
        var code = ReadU32();
        if (!OpcodeInfo.IsDefined(prefix, code)) throw ErrorAt($"illegal opcode 0x{prefix:x2} 0x{code:x}", start);
        return (Opcode)((prefix << 8) | (int)code);
    }

    /// <summary>Reads a value type byte.</summary>
    public ValType ReadValType()
    {
        var b = ReadByte();
        if (!ValTypeExtensions.IsDefined(b)) throw ErrorAt($"malformed value type 0x{b:x2}", Offset - 1);
        return (ValType)b;
    }

    /// <summary>Reads a reference type byte (funcref or externref).</summary>
    public ValType ReadRefType()
    {
        var b = ReadByte();
        if (b is not ((byte)ValType.FuncRef or (byte)ValType.ExternRef))
        {
            throw ErrorAt($"malformed reference type 0x{b:x2}", Offset - 1);
        }

        return (ValType)b;
    }

    /// <summary>Reads a block type: 0x40, a value type, or a non-negative s33 type index.</summary>
    public BlockType ReadBlockType()
    {
        var b = PeekByte();
        if (b == 0x40)
        {
            position++;
            return BlockType.Empty;
        }

        // Single-byte negative s33 values are reserved for value types.
        if ((b & 0xC0) == 0x40) return BlockType.FromValType(ReadValType());
        var start = Offset;
        var index = ReadS33();
        if (index < 0) throw ErrorAt("malformed block type", start);
        return BlockType.FromTypeIndex((uint)index);
    }

    /// <summary>Reads a memory argument: alignment exponent then offset.</summary>
    public (uint Align, uint Offset) ReadMemArg()
    {
        var align = ReadU32();
        var offset = ReadU32();
        return (align, offset);
    }

    /// <summary>Reads the reserved memory index byte of memory instructions, which must be zero in 2.0.</summary>
    public void ReadZeroByte()
    {
        if (ReadByte() != 0) throw ErrorAt("zero byte expected", Offset - 1);
    }

    /// <summary>Reads a vector or byte-string length, rejecting lengths the remaining bytes cannot hold.</summary>
    public int ReadCount(int minBytesPerItem = 1)
    {
        var start = Offset;
        // Measured before the length itself, as the reference decoder does; still bounds any allocation.
        var available = (uint)Remaining;
        var count = ReadU32();
        if (count > available / (uint)Math.Max(minBytesPerItem, 1))
        {
            throw ErrorAt("length out of bounds", start);
        }

        return (int)count;
    }

    /// <summary>
    /// Reads br_table immediates into <paramref name="labels"/> (grown when too small) and returns the label count;
    /// the default label is returned separately.
    /// </summary>
    public int ReadBrTable(ref uint[] labels, out uint defaultLabel)
    {
        var count = ReadCount();
        if (labels.Length < count) labels = new uint[Math.Max(count, labels.Length * 2)];
        for (var i = 0; i < count; i++) labels[i] = ReadU32();
        defaultLabel = ReadU32();
        return count;
    }

    /// <summary>Reads the type vector of <c>select t*</c>; returns its length and the first type.</summary>
    public int ReadSelectTypes(out ValType first)
    {
        var count = ReadCount();
        first = default;
        for (var i = 0; i < count; i++)
        {
            var type = ReadValType();
            if (i == 0) first = type;
        }

        return count;
    }

    /// <summary>Consumes the immediates of <paramref name="opcode"/> without interpreting them.</summary>
    public void SkipImmediates(Opcode opcode)
    {
        switch (opcode.GetImmediateKind())
        {
            case ImmediateKind.None:
                break;
            case ImmediateKind.BlockType:
                ReadBlockType();
                break;
            case ImmediateKind.BrTable:
                var count = ReadCount();
                for (var i = 0; i <= count; i++) ReadU32();
                break;
            case ImmediateKind.CallIndirect:
            case ImmediateKind.TableInit:
            case ImmediateKind.TableCopy:
            case ImmediateKind.MemArg:
                ReadU32();
                ReadU32();
                break;
            case ImmediateKind.MemArgLane:
                ReadU32();
                ReadU32();
                ReadByte();
                break;
            case ImmediateKind.SelectTypes:
                ReadSelectTypes(out _);
                break;
            case ImmediateKind.ZeroByte:
                ReadZeroByte();
                break;
            case ImmediateKind.MemoryInit:
                ReadU32();
                ReadZeroByte();
                break;
            case ImmediateKind.MemoryCopy:
                ReadZeroByte();
                ReadZeroByte();
                break;
            case ImmediateKind.I32:
                ReadS32();
                break;
            case ImmediateKind.I64:
                ReadS64();
                break;
            case ImmediateKind.F32:
                ReadBytes(4);
                break;
            case ImmediateKind.F64:
                ReadBytes(8);
                break;
            case ImmediateKind.V128:
            case ImmediateKind.Shuffle:
                ReadBytes(16);
                break;
            case ImmediateKind.RefType:
                ReadRefType();
                break;
            case ImmediateKind.LaneIndex:
                ReadByte();
                break;
            default:
                // Label, function, local, global, table, data and element indices: one u32.
                ReadU32();
                break;
        }
    }
}
