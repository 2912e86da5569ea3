using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace ScriptRunner.Wasm.Execution.Instructions.Vector;

// Comparisons yield all-ones lanes for true and zero lanes for false. Float comparisons are ordered (false when
// either side is NaN) except ne, which is true for NaN lanes, matching IEEE 754 and the spec.
internal static partial class VectorOps
{
    /// <summary>i8x16.eq</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> I8x16Eq(Vector128<byte> a, Vector128<byte> b) =>
        Vector128.Equals(a, b);

    /// <summary>i8x16.ne</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> I8x16Ne(Vector128<byte> a, Vector128<byte> b) =>
        ~Vector128.Equals(a, b);

    /// <summary>i8x16.lt_s</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> I8x16LtS(Vector128<byte> a, Vector128<byte> b) =>
        Vector128.LessThan(a.AsSByte(), b.AsSByte()).AsByte();

    /// <summary>i8x16.lt_u</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> I8x16LtU(Vector128<byte> a, Vector128<byte> b) =>
        Vector128.LessThan(a, b);

    /// <summary>i8x16.gt_s</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> I8x16GtS(Vector128<byte> a, Vector128<byte> b) =>
        Vector128.GreaterThan(a.AsSByte(), b.AsSByte()).AsByte();

    /// <summary>i8x16.gt_u</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> I8x16GtU(Vector128<byte> a, Vector128<byte> b) =>
        Vector128.GreaterThan(a, b);

    /// <summary>i8x16.le_s</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> I8x16LeS(Vector128<byte> a, Vector128<byte> b) =>
        Vector128.LessThanOrEqual(a.AsSByte(), b.AsSByte()).AsByte();

    /// <summary>i8x16.le_u</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> I8x16LeU(Vector128<byte> a, Vector128<byte> b) =>
        Vector128.LessThanOrEqual(a, b);

    /// <summary>i8x16.ge_s</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> I8x16GeS(Vector128<byte> a, Vector128<byte> b) =>
        Vector128.GreaterThanOrEqual(a.AsSByte(), b.AsSByte()).AsByte();

    /// <summary>i8x16.ge_u</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> I8x16GeU(Vector128<byte> a, Vector128<byte> b) =>
        Vector128.GreaterThanOrEqual(a, b);

    /// <summary>i16x8.eq</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> I16x8Eq(Vector128<byte> a, Vector128<byte> b) =>
        Vector128.Equals(a.AsUInt16(), b.AsUInt16()).AsByte();

    /// <summary>i16x8.ne</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> I16x8Ne(Vector128<byte> a, Vector128<byte> b) =>
        (~Vector128.Equals(a.AsUInt16(), b.AsUInt16())).AsByte();

    /// <summary>i16x8.lt_s</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> I16x8LtS(Vector128<byte> a, Vector128<byte> b) =>
        Vector128.LessThan(a.AsInt16(), b.AsInt16()).AsByte();

    /// <summary>i16x8.lt_u</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> I16x8LtU(Vector128<byte> a, Vector128<byte> b) =>
        Vector128.LessThan(a.AsUInt16(), b.AsUInt16()).AsByte();

    /// <summary>i16x8.gt_s</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> I16x8GtS(Vector128<byte> a, Vector128<byte> b) =>
        Vector128.GreaterThan(a.AsInt16(), b.AsInt16()).AsByte();

    /// <summary>i16x8.gt_u</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> I16x8GtU(Vector128<byte> a, Vector128<byte> b) =>
        Vector128.GreaterThan(a.AsUInt16(), b.AsUInt16()).AsByte();

    /// <summary>i16x8.le_s</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> I16x8LeS(Vector128<byte> a, Vector128<byte> b) =>
        Vector128.LessThanOrEqual(a.AsInt16(), b.AsInt16()).AsByte();

    /// <summary>i16x8.le_u</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> I16x8LeU(Vector128<byte> a, Vector128<byte> b) =>
        Vector128.LessThanOrEqual(a.AsUInt16(), b.AsUInt16()).AsByte();

    /// <summary>i16x8.ge_s</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> I16x8GeS(Vector128<byte> a, Vector128<byte> b) =>
        Vector128.GreaterThanOrEqual(a.AsInt16(), b.AsInt16()).AsByte();

    /// <summary>i16x8.ge_u</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> I16x8GeU(Vector128<byte> a, Vector128<byte> b) =>
        Vector128.GreaterThanOrEqual(a.AsUInt16(), b.AsUInt16()).AsByte();

    /// <summary>i32x4.eq</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> I32x4Eq(Vector128<byte> a, Vector128<byte> b) =>
        Vector128.Equals(a.AsUInt32(), b.AsUInt32()).AsByte();

    /// <summary>i32x4.ne</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> I32x4Ne(Vector128<byte> a, Vector128<byte> b) =>
        (~Vector128.Equals(a.AsUInt32(), b.AsUInt32())).AsByte();

    /// <summary>i32x4.lt_s</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> I32x4LtS(Vector128<byte> a, Vector128<byte> b) =>
        Vector128.LessThan(a.AsInt32(), b.AsInt32()).AsByte();

    /// <summary>i32x4.lt_u</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> I32x4LtU(Vector128<byte> a, Vector128<byte> b) =>
        Vector128.LessThan(a.AsUInt32(), b.AsUInt32()).AsByte();

    /// <summary>i32x4.gt_s</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> I32x4GtS(Vector128<byte> a, Vector128<byte> b) =>
        Vector128.GreaterThan(a.AsInt32(), b.AsInt32()).AsByte();

    /// <summary>i32x4.gt_u</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> I32x4GtU(Vector128<byte> a, Vector128<byte> b) =>
        Vector128.GreaterThan(a.AsUInt32(), b.AsUInt32()).AsByte();

    /// <summary>i32x4.le_s</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> I32x4LeS(Vector128<byte> a, Vector128<byte> b) =>
        Vector128.LessThanOrEqual(a.AsInt32(), b.AsInt32()).AsByte();

    /// <summary>i32x4.le_u</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> I32x4LeU(Vector128<byte> a, Vector128<byte> b) =>
        Vector128.LessThanOrEqual(a.AsUInt32(), b.AsUInt32()).AsByte();

    /// <summary>i32x4.ge_s</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> I32x4GeS(Vector128<byte> a, Vector128<byte> b) =>
        Vector128.GreaterThanOrEqual(a.AsInt32(), b.AsInt32()).AsByte();

    /// <summary>i32x4.ge_u</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> I32x4GeU(Vector128<byte> a, Vector128<byte> b) =>
        Vector128.GreaterThanOrEqual(a.AsUInt32(), b.AsUInt32()).AsByte();

    /// <summary>i64x2.eq</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> I64x2Eq(Vector128<byte> a, Vector128<byte> b) =>
        Vector128.Equals(a.AsUInt64(), b.AsUInt64()).AsByte();

    /// <summary>i64x2.ne</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> I64x2Ne(Vector128<byte> a, Vector128<byte> b) =>
        (~Vector128.Equals(a.AsUInt64(), b.AsUInt64())).AsByte();

    /// <summary>i64x2.lt_s</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> I64x2LtS(Vector128<byte> a, Vector128<byte> b) =>
        Vector128.LessThan(a.AsInt64(), b.AsInt64()).AsByte();

    /// <summary>i64x2.gt_s</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> I64x2GtS(Vector128<byte> a, Vector128<byte> b) =>
        Vector128.GreaterThan(a.AsInt64(), b.AsInt64()).AsByte();

    /// <summary>i64x2.le_s</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> I64x2LeS(Vector128<byte> a, Vector128<byte> b) =>
        Vector128.LessThanOrEqual(a.AsInt64(), b.AsInt64()).AsByte();

    /// <summary>i64x2.ge_s</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> I64x2GeS(Vector128<byte> a, Vector128<byte> b) =>
        Vector128.GreaterThanOrEqual(a.AsInt64(), b.AsInt64()).AsByte();

    /// <summary>f32x4.eq</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> F32x4Eq(Vector128<byte> a, Vector128<byte> b) =>
        Vector128.Equals(a.AsSingle(), b.AsSingle()).AsByte();

    /// <summary>f32x4.ne</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> F32x4Ne(Vector128<byte> a, Vector128<byte> b) =>
        (~Vector128.Equals(a.AsSingle(), b.AsSingle())).AsByte();

    /// <summary>f32x4.lt</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> F32x4Lt(Vector128<byte> a, Vector128<byte> b) =>
        Vector128.LessThan(a.AsSingle(), b.AsSingle()).AsByte();

    /// <summary>f32x4.gt</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> F32x4Gt(Vector128<byte> a, Vector128<byte> b) =>
        Vector128.GreaterThan(a.AsSingle(), b.AsSingle()).AsByte();

    /// <summary>f32x4.le</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> F32x4Le(Vector128<byte> a, Vector128<byte> b) =>
        Vector128.LessThanOrEqual(a.AsSingle(), b.AsSingle()).AsByte();

    /// <summary>f32x4.ge</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> F32x4Ge(Vector128<byte> a, Vector128<byte> b) =>
        Vector128.GreaterThanOrEqual(a.AsSingle(), b.AsSingle()).AsByte();

    /// <summary>f64x2.eq</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> F64x2Eq(Vector128<byte> a, Vector128<byte> b) =>
        Vector128.Equals(a.AsDouble(), b.AsDouble()).AsByte();

    /// <summary>f64x2.ne</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> F64x2Ne(Vector128<byte> a, Vector128<byte> b) =>
        (~Vector128.Equals(a.AsDouble(), b.AsDouble())).AsByte();

    /// <summary>f64x2.lt</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> F64x2Lt(Vector128<byte> a, Vector128<byte> b) =>
        Vector128.LessThan(a.AsDouble(), b.AsDouble()).AsByte();

    /// <summary>f64x2.gt</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> F64x2Gt(Vector128<byte> a, Vector128<byte> b) =>
        Vector128.GreaterThan(a.AsDouble(), b.AsDouble()).AsByte();

    /// <summary>f64x2.le</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> F64x2Le(Vector128<byte> a, Vector128<byte> b) =>
        Vector128.LessThanOrEqual(a.AsDouble(), b.AsDouble()).AsByte();

    /// <summary>f64x2.ge</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> F64x2Ge(Vector128<byte> a, Vector128<byte> b) =>
        Vector128.GreaterThanOrEqual(a.AsDouble(), b.AsDouble()).AsByte();

}
