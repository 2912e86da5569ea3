using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace ScriptRunner.Wasm.Execution.Instructions.Vector;

// IEEE 754 lane-wise float arithmetic. add/sub/mul/div/sqrt and the roundings map to hardware instructions that
// already produce Wasm's results (quieted NaNs, round-to-nearest-even). abs/neg act on the sign bit only, so NaN
// payloads pass through untouched as the spec requires. min/max need Wasm's own NaN and signed-zero rules.
internal static partial class VectorOps
{
    /// <summary>f32x4.abs (clears the sign bit)</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> F32x4Abs(Vector128<byte> a) =>
        (a.AsUInt32() & ~Vector128.Create(SignMask32)).AsByte();

    /// <summary>f32x4.neg (flips the sign bit)</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> F32x4Neg(Vector128<byte> a) =>
        (a.AsUInt32() ^ Vector128.Create(SignMask32)).AsByte();

    /// <summary>f32x4.sqrt</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> F32x4Sqrt(Vector128<byte> a) =>
        Vector128.Sqrt(a.AsSingle()).AsByte();

    /// <summary>f32x4.ceil</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> F32x4Ceil(Vector128<byte> a) =>
        Vector128.Ceiling(a.AsSingle()).AsByte();

    /// <summary>f32x4.floor</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> F32x4Floor(Vector128<byte> a) =>
        Vector128.Floor(a.AsSingle()).AsByte();

    /// <summary>f32x4.trunc</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> F32x4Trunc(Vector128<byte> a) =>
        Vector128.Truncate(a.AsSingle()).AsByte();

    /// <summary>f32x4.nearest (ties to even)</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> F32x4Nearest(Vector128<byte> a) =>
        Vector128.Round(a.AsSingle()).AsByte();

    /// <summary>f32x4.add</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> F32x4Add(Vector128<byte> a, Vector128<byte> b) =>
        (a.AsSingle() + b.AsSingle()).AsByte();

    /// <summary>f32x4.sub</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> F32x4Sub(Vector128<byte> a, Vector128<byte> b) =>
        (a.AsSingle() - b.AsSingle()).AsByte();

    /// <summary>f32x4.mul</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> F32x4Mul(Vector128<byte> a, Vector128<byte> b) =>
        (a.AsSingle() * b.AsSingle()).AsByte();

    /// <summary>f32x4.div</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> F32x4Div(Vector128<byte> a, Vector128<byte> b) =>
        (a.AsSingle() / b.AsSingle()).AsByte();

    /// <summary>f32x4.min: NaN if either is NaN, and -0 &lt; +0</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> F32x4Min(Vector128<byte> a, Vector128<byte> b) =>
        Minimum(a.AsSingle(), b.AsSingle()).AsByte();

    /// <summary>f32x4.max: NaN if either is NaN, and -0 &lt; +0</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> F32x4Max(Vector128<byte> a, Vector128<byte> b) =>
        Maximum(a.AsSingle(), b.AsSingle()).AsByte();

    /// <summary>f32x4.pmin: <c>b &lt; a ? b : a</c></summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> F32x4Pmin(Vector128<byte> a, Vector128<byte> b) =>
        Vector128.ConditionalSelect(Vector128.LessThan(b.AsSingle(), a.AsSingle()), b.AsSingle(), a.AsSingle()).AsByte();

    /// <summary>f32x4.pmax: <c>a &lt; b ? b : a</c></summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> F32x4Pmax(Vector128<byte> a, Vector128<byte> b) =>
        Vector128.ConditionalSelect(Vector128.LessThan(a.AsSingle(), b.AsSingle()), b.AsSingle(), a.AsSingle()).AsByte();

    /// <summary>f64x2.abs (clears the sign bit)</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> F64x2Abs(Vector128<byte> a) =>
        (a.AsUInt64() & ~Vector128.Create(SignMask64)).AsByte();

    /// <summary>f64x2.neg (flips the sign bit)</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> F64x2Neg(Vector128<byte> a) =>
        (a.AsUInt64() ^ Vector128.Create(SignMask64)).AsByte();

    /// <summary>f64x2.sqrt</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> F64x2Sqrt(Vector128<byte> a) =>
        Vector128.Sqrt(a.AsDouble()).AsByte();

    /// <summary>f64x2.ceil</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> F64x2Ceil(Vector128<byte> a) =>
        Vector128.Ceiling(a.AsDouble()).AsByte();

    /// <summary>f64x2.floor</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> F64x2Floor(Vector128<byte> a) =>
        Vector128.Floor(a.AsDouble()).AsByte();

    /// <summary>f64x2.trunc</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> F64x2Trunc(Vector128<byte> a) =>
        Vector128.Truncate(a.AsDouble()).AsByte();

    /// <summary>f64x2.nearest (ties to even)</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> F64x2Nearest(Vector128<byte> a) =>
        Vector128.Round(a.AsDouble()).AsByte();

    /// <summary>f64x2.add</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> F64x2Add(Vector128<byte> a, Vector128<byte> b) =>
        (a.AsDouble() + b.AsDouble()).AsByte();

    /// <summary>f64x2.sub</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> F64x2Sub(Vector128<byte> a, Vector128<byte> b) =>
        (a.AsDouble() - b.AsDouble()).AsByte();

    /// <summary>f64x2.mul</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> F64x2Mul(Vector128<byte> a, Vector128<byte> b) =>
        (a.AsDouble() * b.AsDouble()).AsByte();

    /// <summary>f64x2.div</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> F64x2Div(Vector128<byte> a, Vector128<byte> b) =>
        (a.AsDouble() / b.AsDouble()).AsByte();

    /// <summary>f64x2.min: NaN if either is NaN, and -0 &lt; +0</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> F64x2Min(Vector128<byte> a, Vector128<byte> b) =>
        Minimum(a.AsDouble(), b.AsDouble()).AsByte();

    /// <summary>f64x2.max: NaN if either is NaN, and -0 &lt; +0</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> F64x2Max(Vector128<byte> a, Vector128<byte> b) =>
        Maximum(a.AsDouble(), b.AsDouble()).AsByte();

    /// <summary>f64x2.pmin: <c>b &lt; a ? b : a</c></summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> F64x2Pmin(Vector128<byte> a, Vector128<byte> b) =>
        Vector128.ConditionalSelect(Vector128.LessThan(b.AsDouble(), a.AsDouble()), b.AsDouble(), a.AsDouble()).AsByte();

    /// <summary>f64x2.pmax: <c>a &lt; b ? b : a</c></summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> F64x2Pmax(Vector128<byte> a, Vector128<byte> b) =>
        Vector128.ConditionalSelect(Vector128.LessThan(a.AsDouble(), b.AsDouble()), b.AsDouble(), a.AsDouble()).AsByte();

    // Lanes that compare strictly take the smaller operand; equal lanes (including +0 vs -0) OR the bit patterns so
    // a -0 on either side wins; unordered lanes become the canonical NaN.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<float> Minimum(Vector128<float> a, Vector128<float> b)
    {
        var aLess = Vector128.LessThan(a, b);
        var bLess = Vector128.LessThan(b, a);
        var ordered = Vector128.ConditionalSelect(aLess, a, Vector128.ConditionalSelect(bLess, b, a | b));
        return Vector128.ConditionalSelect(Vector128.IsNaN(a) | Vector128.IsNaN(b), Vector128.Create(CanonicalNaN32).AsSingle(), ordered);
    }

    // Mirror of Minimum: equal lanes AND the bit patterns so +0 wins over -0.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<float> Maximum(Vector128<float> a, Vector128<float> b)
    {
        var aLess = Vector128.LessThan(a, b);
        var bLess = Vector128.LessThan(b, a);
        var ordered = Vector128.ConditionalSelect(bLess, a, Vector128.ConditionalSelect(aLess, b, a & b));
        return Vector128.ConditionalSelect(Vector128.IsNaN(a) | Vector128.IsNaN(b), Vector128.Create(CanonicalNaN32).AsSingle(), ordered);
    }

    // Lanes that compare strictly take the smaller operand; equal lanes (including +0 vs -0) OR the bit patterns so
    // a -0 on either side wins; unordered lanes become the canonical NaN.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<double> Minimum(Vector128<double> a, Vector128<double> b)
    {
        var aLess = Vector128.LessThan(a, b);
        var bLess = Vector128.LessThan(b, a);
        var ordered = Vector128.ConditionalSelect(aLess, a, Vector128.ConditionalSelect(bLess, b, a | b));
        return Vector128.ConditionalSelect(Vector128.IsNaN(a) | Vector128.IsNaN(b), Vector128.Create(CanonicalNaN64).AsDouble(), ordered);
    }

    // Mirror of Minimum: equal lanes AND the bit patterns so +0 wins over -0.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<double> Maximum(Vector128<double> a, Vector128<double> b)
    {
        var aLess = Vector128.LessThan(a, b);
        var bLess = Vector128.LessThan(b, a);
        var ordered = Vector128.ConditionalSelect(bLess, a, Vector128.ConditionalSelect(aLess, b, a & b));
        return Vector128.ConditionalSelect(Vector128.IsNaN(a) | Vector128.IsNaN(b), Vector128.Create(CanonicalNaN64).AsDouble(), ordered);
    }

}
