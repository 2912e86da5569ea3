using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace ScriptRunner.Wasm.Execution.Instructions.Vector;

// Integer arithmetic whose intermediate results need more bits than a lane: extended multiplies, pairwise
// extended adds, the i16 dot product and the Q15 rounding multiply.
internal static partial class VectorOps
{
    /// <summary>i16x8.extmul_low_i8x16_s</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> I16x8ExtmulLowI8x16S(Vector128<byte> a, Vector128<byte> b) =>
        (Vector128.WidenLower(a.AsSByte()) * Vector128.WidenLower(b.AsSByte())).AsByte();

    /// <summary>i16x8.extmul_high_i8x16_s</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> I16x8ExtmulHighI8x16S(Vector128<byte> a, Vector128<byte> b) =>
        (Vector128.WidenUpper(a.AsSByte()) * Vector128.WidenUpper(b.AsSByte())).AsByte();

    /// <summary>i16x8.extmul_low_i8x16_u</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> I16x8ExtmulLowI8x16U(Vector128<byte> a, Vector128<byte> b) =>
        (Vector128.WidenLower(a) * Vector128.WidenLower(b)).AsByte();

    /// <summary>i16x8.extmul_high_i8x16_u</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> I16x8ExtmulHighI8x16U(Vector128<byte> a, Vector128<byte> b) =>
        (Vector128.WidenUpper(a) * Vector128.WidenUpper(b)).AsByte();

    /// <summary>i32x4.extmul_low_i16x8_s</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> I32x4ExtmulLowI16x8S(Vector128<byte> a, Vector128<byte> b) =>
        (Vector128.WidenLower(a.AsInt16()) * Vector128.WidenLower(b.AsInt16())).AsByte();

    /// <summary>i32x4.extmul_high_i16x8_s</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> I32x4ExtmulHighI16x8S(Vector128<byte> a, Vector128<byte> b) =>
        (Vector128.WidenUpper(a.AsInt16()) * Vector128.WidenUpper(b.AsInt16())).AsByte();

    /// <summary>i32x4.extmul_low_i16x8_u</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> I32x4ExtmulLowI16x8U(Vector128<byte> a, Vector128<byte> b) =>
        (Vector128.WidenLower(a.AsUInt16()) * Vector128.WidenLower(b.AsUInt16())).AsByte();

    /// <summary>i32x4.extmul_high_i16x8_u</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> I32x4ExtmulHighI16x8U(Vector128<byte> a, Vector128<byte> b) =>
        (Vector128.WidenUpper(a.AsUInt16()) * Vector128.WidenUpper(b.AsUInt16())).AsByte();

    /// <summary>i64x2.extmul_low_i32x4_s</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> I64x2ExtmulLowI32x4S(Vector128<byte> a, Vector128<byte> b) =>
        (Vector128.WidenLower(a.AsInt32()) * Vector128.WidenLower(b.AsInt32())).AsByte();

    /// <summary>i64x2.extmul_high_i32x4_s</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> I64x2ExtmulHighI32x4S(Vector128<byte> a, Vector128<byte> b) =>
        (Vector128.WidenUpper(a.AsInt32()) * Vector128.WidenUpper(b.AsInt32())).AsByte();

    /// <summary>i64x2.extmul_low_i32x4_u</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> I64x2ExtmulLowI32x4U(Vector128<byte> a, Vector128<byte> b) =>
        (Vector128.WidenLower(a.AsUInt32()) * Vector128.WidenLower(b.AsUInt32())).AsByte();

    /// <summary>i64x2.extmul_high_i32x4_u</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> I64x2ExtmulHighI32x4U(Vector128<byte> a, Vector128<byte> b) =>
        (Vector128.WidenUpper(a.AsUInt32()) * Vector128.WidenUpper(b.AsUInt32())).AsByte();

    // Pairwise adds split each wide lane into its two narrow halves in place (shift pair), so no shuffles are
    // needed: the low half sign- or zero-extended plus the high half shifted down.

    /// <summary>i16x8.extadd_pairwise_i8x16_s</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> I16x8ExtaddPairwiseI8x16S(Vector128<byte> a)
    {
        var wide = a.AsInt16();
        return (Vector128.ShiftRightArithmetic(wide << 8, 8) + Vector128.ShiftRightArithmetic(wide, 8)).AsByte();
    }

    /// <summary>i16x8.extadd_pairwise_i8x16_u</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> I16x8ExtaddPairwiseI8x16U(Vector128<byte> a)
    {
        var wide = a.AsUInt16();
        return ((wide & Vector128.Create((ushort)0x00FF)) + (wide >>> 8)).AsByte();
    }

    /// <summary>i32x4.extadd_pairwise_i16x8_s</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> I32x4ExtaddPairwiseI16x8S(Vector128<byte> a)
    {
        var wide = a.AsInt32();
        return (Vector128.ShiftRightArithmetic(wide << 16, 16) + Vector128.ShiftRightArithmetic(wide, 16)).AsByte();
    }

    /// <summary>i32x4.extadd_pairwise_i16x8_u</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> I32x4ExtaddPairwiseI16x8U(Vector128<byte> a)
    {
        var wide = a.AsUInt32();
        return ((wide & Vector128.Create(0x0000_FFFFu)) + (wide >>> 16)).AsByte();
    }

    /// <summary>i32x4.dot_i16x8_s: sums of adjacent signed 16-bit products, wrapping in 32 bits.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> I32x4DotI16x8S(Vector128<byte> a, Vector128<byte> b) =>
        Sse2.IsSupported
            ? Sse2.MultiplyAddAdjacent(a.AsInt16(), b.AsInt16()).AsByte()
            : DotI16x8Portable(a, b);

    /// <summary>i16x8.q15mulr_sat_s: <c>sat16((a * b + 0x4000) >> 15)</c>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> I16x8Q15mulrSatS(Vector128<byte> a, Vector128<byte> b)
    {
        if (!Ssse3.IsSupported)
        {
            return Q15MulRoundSaturatePortable(a, b);
        }

        // pmulhrsw is exact except for -32768 * -32768, which wraps to -32768 instead of saturating to 32767;
        // no other input pair can produce -32768, so flipping every -32768 lane to 32767 is the whole fix.
        var product = Ssse3.MultiplyHighRoundScale(a.AsInt16(), b.AsInt16());
        return (product ^ Vector128.Equals(product, Vector128.Create(short.MinValue))).AsByte();
    }

    /// <summary>i32x4.dot_i16x8_s without x86 intrinsics: even and odd 16-bit halves multiplied in 32 bits.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static Vector128<byte> DotI16x8Portable(Vector128<byte> a, Vector128<byte> b)
    {
        var wa = a.AsInt32();
        var wb = b.AsInt32();
        var even = Vector128.ShiftRightArithmetic(wa << 16, 16) * Vector128.ShiftRightArithmetic(wb << 16, 16);
        var odd = Vector128.ShiftRightArithmetic(wa, 16) * Vector128.ShiftRightArithmetic(wb, 16);
        return (even + odd).AsByte();
    }

    /// <summary>i16x8.q15mulr_sat_s without x86 intrinsics: computed in 32-bit lanes, then narrowed with saturation.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static Vector128<byte> Q15MulRoundSaturatePortable(Vector128<byte> a, Vector128<byte> b)
    {
        var round = Vector128.Create(0x4000);
        var lower = Vector128.WidenLower(a.AsInt16()) * Vector128.WidenLower(b.AsInt16()) + round;
        var upper = Vector128.WidenUpper(a.AsInt16()) * Vector128.WidenUpper(b.AsInt16()) + round;
        return Vector128.NarrowWithSaturation(
            Vector128.ShiftRightArithmetic(lower, 15), Vector128.ShiftRightArithmetic(upper, 15)).AsByte();
    }
}
