using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace ScriptRunner.Wasm.Execution.Instructions.Vector;

// Shift counts are taken modulo the lane width, as the spec requires; the mask is applied here rather than
// relying on how a given platform treats over-wide counts.
internal static partial class VectorOps
{
    /// <summary>i8x16.shl</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> I8x16Shl(Vector128<byte> a, int count) =>
        Vector128.ShiftLeft(a, count & 7);

    /// <summary>i8x16.shr_s</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> I8x16ShrS(Vector128<byte> a, int count) =>
        Vector128.ShiftRightArithmetic(a.AsSByte(), count & 7).AsByte();

    /// <summary>i8x16.shr_u</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> I8x16ShrU(Vector128<byte> a, int count) =>
        Vector128.ShiftRightLogical(a, count & 7);

    /// <summary>i16x8.shl</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> I16x8Shl(Vector128<byte> a, int count) =>
        Vector128.ShiftLeft(a.AsUInt16(), count & 15).AsByte();

    /// <summary>i16x8.shr_s</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> I16x8ShrS(Vector128<byte> a, int count) =>
        Vector128.ShiftRightArithmetic(a.AsInt16(), count & 15).AsByte();

    /// <summary>i16x8.shr_u</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> I16x8ShrU(Vector128<byte> a, int count) =>
        Vector128.ShiftRightLogical(a.AsUInt16(), count & 15).AsByte();

    /// <summary>i32x4.shl</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> I32x4Shl(Vector128<byte> a, int count) =>
        Vector128.ShiftLeft(a.AsUInt32(), count & 31).AsByte();

    /// <summary>i32x4.shr_s</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> I32x4ShrS(Vector128<byte> a, int count) =>
        Vector128.ShiftRightArithmetic(a.AsInt32(), count & 31).AsByte();

    /// <summary>i32x4.shr_u</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> I32x4ShrU(Vector128<byte> a, int count) =>
        Vector128.ShiftRightLogical(a.AsUInt32(), count & 31).AsByte();

    /// <summary>i64x2.shl</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> I64x2Shl(Vector128<byte> a, int count) =>
        Vector128.ShiftLeft(a.AsUInt64(), count & 63).AsByte();

    /// <summary>i64x2.shr_s</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> I64x2ShrS(Vector128<byte> a, int count) =>
        Vector128.ShiftRightArithmetic(a.AsInt64(), count & 63).AsByte();

    /// <summary>i64x2.shr_u</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> I64x2ShrU(Vector128<byte> a, int count) =>
        Vector128.ShiftRightLogical(a.AsUInt64(), count & 63).AsByte();

}
