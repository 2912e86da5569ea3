using System.Runtime.Intrinsics;

namespace ScriptRunner.Wasm.Structure;

/// <summary>The single instruction a well-formed constant expression consists of.</summary>
internal enum ConstantKind : byte
{
    I32Const,
    I64Const,
    F32Const,
    F64Const,
    V128Const,
    RefNull,
    RefFunc,
    GlobalGet,
}

/// <summary>
/// A decoded constant expression (global initializer, segment offset, element item). The decoder accepts any
/// well-encoded instruction sequence; whether it is a valid constant expression (exactly one constant instruction,
/// see <see cref="IsSingleConstant"/>) is decided by validation.
/// </summary>
internal readonly struct ConstantExpression
{
    // One 16-byte payload holds the v128 value or, in its low 8 bytes, the scalar bits; this keeps large
    // element segments (one expression per item) compact.
    private readonly Vector128<byte> payload;

    private ConstantExpression(ConstantKind kind, ulong bits, Vector128<byte> v128, uint index, ValType refType,
        int sourceOffset, int instructionCount, Opcode? nonConstant)
    {
        Kind = kind;
        payload = kind == ConstantKind.V128Const ? v128 : Vector128.CreateScalar(bits).AsByte();
        Index = index;
        RefType = refType;
        SourceOffset = sourceOffset;
        InstructionCount = instructionCount;
        NonConstantOpcode = nonConstant;
    }

    /// <summary>The instruction kind (meaningful when <see cref="IsSingleConstant"/>).</summary>
    public ConstantKind Kind { get; }

    /// <summary>Raw bits of an i32 (sign-extended), i64, f32 or f64 constant.</summary>
    public ulong Bits => payload.AsUInt64().ToScalar();

    /// <summary>The value of a v128.const.</summary>
    public Vector128<byte> V128 => payload;

    /// <summary>Function index of ref.func or global index of global.get.</summary>
    public uint Index { get; }

    /// <summary>The reference type of ref.null.</summary>
    public ValType RefType { get; }

    /// <summary>Absolute offset of the expression in the module bytes.</summary>
    public int SourceOffset { get; }

    /// <summary>Number of instructions before the terminating <c>end</c>.</summary>
    public int InstructionCount { get; }

    /// <summary>The first instruction that is not allowed in a constant expression, if any.</summary>
    public Opcode? NonConstantOpcode { get; }

    /// <summary>True when the expression is exactly one constant instruction.</summary>
    public bool IsSingleConstant => InstructionCount == 1 && NonConstantOpcode is null;

    /// <summary>The i32 value of an i32.const.</summary>
    public int I32 => (int)Bits;

    /// <summary>The i64 value of an i64.const.</summary>
    public long I64 => (long)Bits;

    /// <summary>The bits of an f32.const.</summary>
    public uint F32Bits => (uint)Bits;

    /// <summary>The bits of an f64.const.</summary>
    public ulong F64Bits => Bits;

    public static ConstantExpression I32Const(int value, int offset = 0) =>
        new(ConstantKind.I32Const, (ulong)(long)value, default, 0, default, offset, 1, null);

    public static ConstantExpression I64Const(long value, int offset = 0) =>
        new(ConstantKind.I64Const, (ulong)value, default, 0, default, offset, 1, null);

    public static ConstantExpression F32Const(uint bits, int offset = 0) =>
        new(ConstantKind.F32Const, bits, default, 0, default, offset, 1, null);

    public static ConstantExpression F64Const(ulong bits, int offset = 0) =>
        new(ConstantKind.F64Const, bits, default, 0, default, offset, 1, null);

    public static ConstantExpression V128Const(Vector128<byte> value, int offset = 0) =>
        new(ConstantKind.V128Const, 0, value, 0, default, offset, 1, null);

    public static ConstantExpression RefNull(ValType type, int offset = 0) =>
        new(ConstantKind.RefNull, 0, default, 0, type, offset, 1, null);

    public static ConstantExpression RefFunc(uint functionIndex, int offset = 0) =>
        new(ConstantKind.RefFunc, 0, default, functionIndex, default, offset, 1, null);

    public static ConstantExpression GlobalGet(uint globalIndex, int offset = 0) =>
        new(ConstantKind.GlobalGet, 0, default, globalIndex, default, offset, 1, null);

    /// <summary>The same expression recorded with its real instruction count and first non-constant opcode.</summary>
    public ConstantExpression WithShape(int instructionCount, Opcode? nonConstant) =>
        new(Kind, Bits, V128, Index, RefType, SourceOffset, instructionCount, nonConstant);
}
