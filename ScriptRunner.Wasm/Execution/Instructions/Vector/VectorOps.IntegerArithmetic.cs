using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace ScriptRunner.Wasm.Execution.Instructions.Vector;

// Lane-wise integer arithmetic. Vector128 integer add/sub/mul wrap modulo 2^N exactly as Wasm requires.
internal static partial class VectorOps
{
    /// <summary>i8x16.add</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> I8x16Add(Vector128<byte> a, Vector128<byte> b) => a + b;

    /// <summary>i8x16.sub</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> I8x16Sub(Vector128<byte> a, Vector128<byte> b) => a - b;

    /// <summary>i8x16.neg (wraps: -(-128) = -128)</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> I8x16Neg(Vector128<byte> a) => Vector128<byte>.Zero - a;

    /// <summary>i8x16.abs (wraps: abs(-128) = -128)</summary>
    // min_u(a, -a) is |a| for every lane and leaves 0x80 unchanged, with no branch or sign-dependent shift.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> I8x16Abs(Vector128<byte> a) => Vector128.Min(a, Vector128<byte>.Zero - a);

    /// <summary>i8x16.add_sat_s</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> I8x16AddSatS(Vector128<byte> a, Vector128<byte> b) =>
        Vector128.AddSaturate(a.AsSByte(), b.AsSByte()).AsByte();

    /// <summary>i8x16.add_sat_u</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> I8x16AddSatU(Vector128<byte> a, Vector128<byte> b) => Vector128.AddSaturate(a, b);

    /// <summary>i8x16.sub_sat_s</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> I8x16SubSatS(Vector128<byte> a, Vector128<byte> b) =>
        Vector128.SubtractSaturate(a.AsSByte(), b.AsSByte()).AsByte();

    /// <summary>i8x16.sub_sat_u</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> I8x16SubSatU(Vector128<byte> a, Vector128<byte> b) => Vector128.SubtractSaturate(a, b);

    /// <summary>i8x16.min_s</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> I8x16MinS(Vector128<byte> a, Vector128<byte> b) =>
        Vector128.Min(a.AsSByte(), b.AsSByte()).AsByte();

    /// <summary>i8x16.min_u</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> I8x16MinU(Vector128<byte> a, Vector128<byte> b) => Vector128.Min(a, b);

    /// <summary>i8x16.max_s</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> I8x16MaxS(Vector128<byte> a, Vector128<byte> b) =>
        Vector128.Max(a.AsSByte(), b.AsSByte()).AsByte();

    /// <summary>i8x16.max_u</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> I8x16MaxU(Vector128<byte> a, Vector128<byte> b) => Vector128.Max(a, b);

    /// <summary>i8x16.avgr_u: <c>(a + b + 1) / 2</c> without intermediate overflow.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> I8x16AvgrU(Vector128<byte> a, Vector128<byte> b) =>
        Sse2.IsSupported ? Sse2.Average(a, b) : AverageRoundingUpPortable(a, b);

    /// <summary>i8x16.popcnt</summary>
    // Classic SWAR bit count within each byte: pairs, then nibbles, then the byte.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> I8x16Popcnt(Vector128<byte> a)
    {
        var pairs = a - ((a >>> 1) & Vector128.Create((byte)0x55));
        var nibbles = (pairs & Vector128.Create((byte)0x33)) + ((pairs >>> 2) & Vector128.Create((byte)0x33));
        return (nibbles + (nibbles >>> 4)) & Vector128.Create((byte)0x0F);
    }

    /// <summary>i16x8.add</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> I16x8Add(Vector128<byte> a, Vector128<byte> b) => (a.AsUInt16() + b.AsUInt16()).AsByte();

    /// <summary>i16x8.sub</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> I16x8Sub(Vector128<byte> a, Vector128<byte> b) => (a.AsUInt16() - b.AsUInt16()).AsByte();

    /// <summary>i16x8.mul (low 16 bits of the product)</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> I16x8Mul(Vector128<byte> a, Vector128<byte> b) => (a.AsUInt16() * b.AsUInt16()).AsByte();

    /// <summary>i16x8.neg</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> I16x8Neg(Vector128<byte> a) => (Vector128<ushort>.Zero - a.AsUInt16()).AsByte();

    /// <summary>i16x8.abs (wraps: abs(-32768) = -32768)</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> I16x8Abs(Vector128<byte> a) =>
        Vector128.Min(a.AsUInt16(), Vector128<ushort>.Zero - a.AsUInt16()).AsByte();

    /// <summary>i16x8.add_sat_s</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> I16x8AddSatS(Vector128<byte> a, Vector128<byte> b) =>
        Vector128.AddSaturate(a.AsInt16(), b.AsInt16()).AsByte();

    /// <summary>i16x8.add_sat_u</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> I16x8AddSatU(Vector128<byte> a, Vector128<byte> b) =>
        Vector128.AddSaturate(a.AsUInt16(), b.AsUInt16()).AsByte();

    /// <summary>i16x8.sub_sat_s</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> I16x8SubSatS(Vector128<byte> a, Vector128<byte> b) =>
        Vector128.SubtractSaturate(a.AsInt16(), b.AsInt16()).AsByte();

    /// <summary>i16x8.sub_sat_u</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> I16x8SubSatU(Vector128<byte> a, Vector128<byte> b) =>
        Vector128.SubtractSaturate(a.AsUInt16(), b.AsUInt16()).AsByte();

    /// <summary>i16x8.min_s</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> I16x8MinS(Vector128<byte> a, Vector128<byte> b) =>
        Vector128.Min(a.AsInt16(), b.AsInt16()).AsByte();

    /// <summary>i16x8.min_u</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> I16x8MinU(Vector128<byte> a, Vector128<byte> b) =>
        Vector128.Min(a.AsUInt16(), b.AsUInt16()).AsByte();

    /// <summary>i16x8.max_s</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> I16x8MaxS(Vector128<byte> a, Vector128<byte> b) =>
        Vector128.Max(a.AsInt16(), b.AsInt16()).AsByte();

    /// <summary>i16x8.max_u</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> I16x8MaxU(Vector128<byte> a, Vector128<byte> b) =>
        Vector128.Max(a.AsUInt16(), b.AsUInt16()).AsByte();

    /// <summary>i16x8.avgr_u</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> I16x8AvgrU(Vector128<byte> a, Vector128<byte> b) =>
        Sse2.IsSupported
            ? Sse2.Average(a.AsUInt16(), b.AsUInt16()).AsByte()
            : AverageRoundingUpPortable(a.AsUInt16(), b.AsUInt16()).AsByte();

    /// <summary>i32x4.add</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> I32x4Add(Vector128<byte> a, Vector128<byte> b) => (a.AsUInt32() + b.AsUInt32()).AsByte();

    /// <summary>i32x4.sub</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> I32x4Sub(Vector128<byte> a, Vector128<byte> b) => (a.AsUInt32() - b.AsUInt32()).AsByte();

    /// <summary>i32x4.mul (low 32 bits of the product)</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> I32x4Mul(Vector128<byte> a, Vector128<byte> b) => (a.AsUInt32() * b.AsUInt32()).AsByte();

    /// <summary>i32x4.neg</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> I32x4Neg(Vector128<byte> a) => (Vector128<uint>.Zero - a.AsUInt32()).AsByte();

    /// <summary>i32x4.abs (wraps: abs(INT32_MIN) = INT32_MIN)</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> I32x4Abs(Vector128<byte> a) =>
        Vector128.Min(a.AsUInt32(), Vector128<uint>.Zero - a.AsUInt32()).AsByte();

    /// <summary>i32x4.min_s</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> I32x4MinS(Vector128<byte> a, Vector128<byte> b) =>
        Vector128.Min(a.AsInt32(), b.AsInt32()).AsByte();

    /// <summary>i32x4.min_u</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> I32x4MinU(Vector128<byte> a, Vector128<byte> b) =>
        Vector128.Min(a.AsUInt32(), b.AsUInt32()).AsByte();

    /// <summary>i32x4.max_s</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> I32x4MaxS(Vector128<byte> a, Vector128<byte> b) =>
        Vector128.Max(a.AsInt32(), b.AsInt32()).AsByte();

    /// <summary>i32x4.max_u</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> I32x4MaxU(Vector128<byte> a, Vector128<byte> b) =>
        Vector128.Max(a.AsUInt32(), b.AsUInt32()).AsByte();

    /// <summary>i64x2.add</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> I64x2Add(Vector128<byte> a, Vector128<byte> b) => (a.AsUInt64() + b.AsUInt64()).AsByte();

    /// <summary>i64x2.sub</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> I64x2Sub(Vector128<byte> a, Vector128<byte> b) => (a.AsUInt64() - b.AsUInt64()).AsByte();

    /// <summary>i64x2.mul (low 64 bits of the product)</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> I64x2Mul(Vector128<byte> a, Vector128<byte> b) => (a.AsUInt64() * b.AsUInt64()).AsByte();

    /// <summary>i64x2.neg</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> I64x2Neg(Vector128<byte> a) => (Vector128<ulong>.Zero - a.AsUInt64()).AsByte();

    /// <summary>i64x2.abs (wraps: abs(INT64_MIN) = INT64_MIN)</summary>
    // (a ^ s) - s with s = a >> 63: unsigned 64-bit min is not a single instruction on most targets.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> I64x2Abs(Vector128<byte> a)
    {
        var sign = Vector128.ShiftRightArithmetic(a.AsInt64(), 63);
        return ((a.AsInt64() ^ sign) - sign).AsByte();
    }

    /// <summary>Rounding-up average without widening: <c>(a | b) - ((a ^ b) >> 1)</c> equals <c>(a + b + 1) >> 1</c>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static Vector128<byte> AverageRoundingUpPortable(Vector128<byte> a, Vector128<byte> b) =>
        (a | b) - ((a ^ b) >>> 1);

    /// <summary>Rounding-up average without widening, 16-bit lanes.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static Vector128<ushort> AverageRoundingUpPortable(Vector128<ushort> a, Vector128<ushort> b) =>
        (a | b) - ((a ^ b) >>> 1);
}
