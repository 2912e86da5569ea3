using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace ScriptRunner.Wasm.Execution.Instructions.Vector;

// Shape conversions: integer extend/narrow, int<->float conversions, f32<->f64. Since .NET 9 the Vector128
// float-to-integer conversions saturate and map NaN to 0 on every platform, which is exactly trunc_sat.
internal static partial class VectorOps
{
    /// <summary>i16x8.extend_low_i8x16_s</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> I16x8ExtendLowI8x16S(Vector128<byte> a) => Vector128.WidenLower(a.AsSByte()).AsByte();

    /// <summary>i16x8.extend_high_i8x16_s</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> I16x8ExtendHighI8x16S(Vector128<byte> a) => Vector128.WidenUpper(a.AsSByte()).AsByte();

    /// <summary>i16x8.extend_low_i8x16_u</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> I16x8ExtendLowI8x16U(Vector128<byte> a) => Vector128.WidenLower(a).AsByte();

    /// <summary>i16x8.extend_high_i8x16_u</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> I16x8ExtendHighI8x16U(Vector128<byte> a) => Vector128.WidenUpper(a).AsByte();

    /// <summary>i32x4.extend_low_i16x8_s</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> I32x4ExtendLowI16x8S(Vector128<byte> a) => Vector128.WidenLower(a.AsInt16()).AsByte();

    /// <summary>i32x4.extend_high_i16x8_s</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> I32x4ExtendHighI16x8S(Vector128<byte> a) => Vector128.WidenUpper(a.AsInt16()).AsByte();

    /// <summary>i32x4.extend_low_i16x8_u</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> I32x4ExtendLowI16x8U(Vector128<byte> a) => Vector128.WidenLower(a.AsUInt16()).AsByte();

    /// <summary>i32x4.extend_high_i16x8_u</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> I32x4ExtendHighI16x8U(Vector128<byte> a) => Vector128.WidenUpper(a.AsUInt16()).AsByte();

    /// <summary>i64x2.extend_low_i32x4_s</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> I64x2ExtendLowI32x4S(Vector128<byte> a) => Vector128.WidenLower(a.AsInt32()).AsByte();

    /// <summary>i64x2.extend_high_i32x4_s</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> I64x2ExtendHighI32x4S(Vector128<byte> a) => Vector128.WidenUpper(a.AsInt32()).AsByte();

    /// <summary>i64x2.extend_low_i32x4_u</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> I64x2ExtendLowI32x4U(Vector128<byte> a) => Vector128.WidenLower(a.AsUInt32()).AsByte();

    /// <summary>i64x2.extend_high_i32x4_u</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> I64x2ExtendHighI32x4U(Vector128<byte> a) => Vector128.WidenUpper(a.AsUInt32()).AsByte();

    /// <summary>i8x16.narrow_i16x8_s: signed saturation; a fills lanes 0-7, b lanes 8-15.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> I8x16NarrowI16x8S(Vector128<byte> a, Vector128<byte> b) =>
        Vector128.NarrowWithSaturation(a.AsInt16(), b.AsInt16()).AsByte();

    /// <summary>i8x16.narrow_i16x8_u: signed input, unsigned saturation; a fills lanes 0-7, b lanes 8-15.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> I8x16NarrowI16x8U(Vector128<byte> a, Vector128<byte> b) =>
        Sse2.IsSupported
            ? Sse2.PackUnsignedSaturate(a.AsInt16(), b.AsInt16()).AsByte()
            : NarrowI16x8UPortable(a, b);

    /// <summary>i16x8.narrow_i32x4_s: signed saturation; a fills lanes 0-3, b lanes 4-7.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> I16x8NarrowI32x4S(Vector128<byte> a, Vector128<byte> b) =>
        Vector128.NarrowWithSaturation(a.AsInt32(), b.AsInt32()).AsByte();

    /// <summary>i16x8.narrow_i32x4_u: signed input, unsigned saturation; a fills lanes 0-3, b lanes 4-7.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> I16x8NarrowI32x4U(Vector128<byte> a, Vector128<byte> b) =>
        Sse41.IsSupported
            ? Sse41.PackUnsignedSaturate(a.AsInt32(), b.AsInt32()).AsByte()
            : NarrowI32x4UPortable(a, b);

    /// <summary>f32x4.convert_i32x4_s (round to nearest, ties to even)</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> F32x4ConvertI32x4S(Vector128<byte> a) => Vector128.ConvertToSingle(a.AsInt32()).AsByte();

    /// <summary>f32x4.convert_i32x4_u (round to nearest, ties to even)</summary>
    // The high and low 16-bit halves convert exactly and high * 2^16 is exact, so the single rounding happens in
    // the final add: the correctly rounded result on every platform, with signed conversions only.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> F32x4ConvertI32x4U(Vector128<byte> a)
    {
        var high = Vector128.ConvertToSingle((a.AsUInt32() >>> 16).AsInt32()) * Vector128.Create(65536f);
        var low = Vector128.ConvertToSingle((a.AsUInt32() & Vector128.Create(0xFFFFu)).AsInt32());
        return (high + low).AsByte();
    }

    /// <summary>f64x2.convert_low_i32x4_s (exact)</summary>
    // Adding the integer to the bit pattern of 2^52 + 2^51 places it in the mantissa; subtracting that double back
    // out is exact, as every i32 fits in 52 bits. Avoids i64-to-f64 conversion, which lacks an SSE instruction.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> F64x2ConvertLowI32x4S(Vector128<byte> a)
    {
        var biased = Vector128.WidenLower(a.AsInt32()) + Vector128.Create(0x4338_0000_0000_0000L);
        return (biased.AsDouble() - Vector128.Create(6755399441055744.0)).AsByte();
    }

    /// <summary>f64x2.convert_low_i32x4_u (exact)</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> F64x2ConvertLowI32x4U(Vector128<byte> a)
    {
        var biased = Vector128.WidenLower(a.AsUInt32()) | Vector128.Create(0x4330_0000_0000_0000UL);
        return (biased.AsDouble() - Vector128.Create(4503599627370496.0)).AsByte();
    }

    /// <summary>i32x4.trunc_sat_f32x4_s: truncation toward zero, saturating, NaN to 0.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> I32x4TruncSatF32x4S(Vector128<byte> a) => Vector128.ConvertToInt32(a.AsSingle()).AsByte();

    /// <summary>i32x4.trunc_sat_f32x4_u: truncation toward zero, saturating, NaN to 0.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> I32x4TruncSatF32x4U(Vector128<byte> a) => Vector128.ConvertToUInt32(a.AsSingle()).AsByte();

    /// <summary>i32x4.trunc_sat_f64x2_s_zero: two saturated results in lanes 0-1, lanes 2-3 zero.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> I32x4TruncSatF64x2SZero(Vector128<byte> a) =>
        Vector128.NarrowWithSaturation(Vector128.ConvertToInt64(a.AsDouble()), Vector128<long>.Zero).AsByte();

    /// <summary>i32x4.trunc_sat_f64x2_u_zero: two saturated results in lanes 0-1, lanes 2-3 zero.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> I32x4TruncSatF64x2UZero(Vector128<byte> a) =>
        Vector128.NarrowWithSaturation(Vector128.ConvertToUInt64(a.AsDouble()), Vector128<ulong>.Zero).AsByte();

    /// <summary>f32x4.demote_f64x2_zero: two rounded results in lanes 0-1, lanes 2-3 zero.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> F32x4DemoteF64x2Zero(Vector128<byte> a) =>
        Vector128.Narrow(a.AsDouble(), Vector128<double>.Zero).AsByte();

    /// <summary>f64x2.promote_low_f32x4 (exact)</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> F64x2PromoteLowF32x4(Vector128<byte> a) => Vector128.WidenLower(a.AsSingle()).AsByte();

    /// <summary>i8x16.narrow_i16x8_u without x86 intrinsics: clamp negatives to 0, then saturate as unsigned.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static Vector128<byte> NarrowI16x8UPortable(Vector128<byte> a, Vector128<byte> b) =>
        Vector128.NarrowWithSaturation(
            Vector128.Max(a.AsInt16(), Vector128<short>.Zero).AsUInt16(),
            Vector128.Max(b.AsInt16(), Vector128<short>.Zero).AsUInt16());

    /// <summary>i16x8.narrow_i32x4_u without x86 intrinsics: clamp negatives to 0, then saturate as unsigned.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static Vector128<byte> NarrowI32x4UPortable(Vector128<byte> a, Vector128<byte> b) =>
        Vector128.NarrowWithSaturation(
            Vector128.Max(a.AsInt32(), Vector128<int>.Zero).AsUInt32(),
            Vector128.Max(b.AsInt32(), Vector128<int>.Zero).AsUInt32()).AsByte();
}
