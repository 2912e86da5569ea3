using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace ScriptRunner.Wasm.Execution.Instructions.Vector;

// Lane access: splat, extract, replace, swizzle and shuffle. Lane immediates arrive already validated
// (lane < lane count, shuffle indexes < 32), so they are used directly.
internal static partial class VectorOps
{
    /// <summary>i8x16.splat (low 8 bits of the operand)</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> I8x16Splat(int x) => Vector128.Create((byte)x);

    /// <summary>i16x8.splat (low 16 bits of the operand)</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> I16x8Splat(int x) => Vector128.Create((ushort)x).AsByte();

    /// <summary>i32x4.splat</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> I32x4Splat(int x) => Vector128.Create(x).AsByte();

    /// <summary>i64x2.splat</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> I64x2Splat(long x) => Vector128.Create(x).AsByte();

    /// <summary>f32x4.splat</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> F32x4Splat(float x) => Vector128.Create(x).AsByte();

    /// <summary>f64x2.splat</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> F64x2Splat(double x) => Vector128.Create(x).AsByte();

    /// <summary>i8x16.extract_lane_s</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int I8x16ExtractLaneS(Vector128<byte> a, byte lane) => a.AsSByte().GetElement(lane);

    /// <summary>i8x16.extract_lane_u</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int I8x16ExtractLaneU(Vector128<byte> a, byte lane) => a.GetElement(lane);

    /// <summary>i16x8.extract_lane_s</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int I16x8ExtractLaneS(Vector128<byte> a, byte lane) => a.AsInt16().GetElement(lane);

    /// <summary>i16x8.extract_lane_u</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int I16x8ExtractLaneU(Vector128<byte> a, byte lane) => a.AsUInt16().GetElement(lane);

    /// <summary>i32x4.extract_lane</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int I32x4ExtractLane(Vector128<byte> a, byte lane) => a.AsInt32().GetElement(lane);

    /// <summary>i64x2.extract_lane</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static long I64x2ExtractLane(Vector128<byte> a, byte lane) => a.AsInt64().GetElement(lane);

    /// <summary>f32x4.extract_lane (bit-exact, NaN payloads included)</summary>
    // Not GetElement: on a constant vector RyuJIT folds GetElement/ToScalar into a float constant, which it keeps as
    // a double, and the float-double round trip quiets signaling NaNs. extractps is left alone, so bits survive.
    // The lane immediate is a constant at every compiled call site once this method is inlined.
#pragma warning disable CA1857
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float F32x4ExtractLane(Vector128<byte> a, byte lane) =>
        Sse41.IsSupported ? Sse41.Extract(a.AsSingle(), lane) : ExtractF32Portable(a, lane);
#pragma warning restore CA1857

    /// <summary>f64x2.extract_lane (bit-exact, NaN payloads included)</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double F64x2ExtractLane(Vector128<byte> a, byte lane) => a.AsDouble().GetElement(lane);

    /// <summary>i8x16.replace_lane (low 8 bits of the operand)</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> I8x16ReplaceLane(Vector128<byte> a, int x, byte lane) => a.WithElement(lane, (byte)x);

    /// <summary>i16x8.replace_lane (low 16 bits of the operand)</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> I16x8ReplaceLane(Vector128<byte> a, int x, byte lane) =>
        a.AsUInt16().WithElement(lane, (ushort)x).AsByte();

    /// <summary>i32x4.replace_lane</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> I32x4ReplaceLane(Vector128<byte> a, int x, byte lane) =>
        a.AsInt32().WithElement(lane, x).AsByte();

    /// <summary>i64x2.replace_lane</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> I64x2ReplaceLane(Vector128<byte> a, long x, byte lane) =>
        a.AsInt64().WithElement(lane, x).AsByte();

    /// <summary>f32x4.replace_lane</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> F32x4ReplaceLane(Vector128<byte> a, float x, byte lane) =>
        a.AsSingle().WithElement(lane, x).AsByte();

    /// <summary>f64x2.replace_lane</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> F64x2ReplaceLane(Vector128<byte> a, double x, byte lane) =>
        a.AsDouble().WithElement(lane, x).AsByte();

    /// <summary>i8x16.swizzle: lane i is <c>a[s[i]]</c>, or 0 when <c>s[i] &gt;= 16</c>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> I8x16Swizzle(Vector128<byte> a, Vector128<byte> s) =>
        Ssse3.IsSupported ? Ssse3.Shuffle(a, ZeroingIndexes(s)) : SwizzlePortable(a, s);

    /// <summary>i8x16.shuffle: lane i is byte <c>lanes[i]</c> of the 32-byte concatenation of a and b.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> I8x16Shuffle(Vector128<byte> a, Vector128<byte> b, Vector128<byte> lanes) =>
        Ssse3.IsSupported
            ? Ssse3.Shuffle(a, ZeroingIndexes(lanes)) | Ssse3.Shuffle(b, IndexesIntoSecond(lanes))
            : ShufflePortable(a, b, lanes);

    /// <summary>f32x4.extract_lane without x86 intrinsics: the lane is moved to position 0 as integers first.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static float ExtractF32Portable(Vector128<byte> a, byte lane) =>
        Vector128.Shuffle(a.AsUInt32(), Vector128.Create((uint)lane)).AsSingle().ToScalar();

    /// <summary>i8x16.swizzle without x86 intrinsics: Vector128.Shuffle zeroes out-of-range lanes, as Wasm does.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static Vector128<byte> SwizzlePortable(Vector128<byte> a, Vector128<byte> s) => Vector128.Shuffle(a, s);

    /// <summary>i8x16.shuffle without x86 intrinsics.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static Vector128<byte> ShufflePortable(Vector128<byte> a, Vector128<byte> b, Vector128<byte> lanes) =>
        Vector128.Shuffle(a, lanes) | Vector128.Shuffle(b, IndexesIntoSecond(lanes));

    // Indexes 16..31 address the second operand: subtracting 16 maps them to 0..15 and sends 0..15 to 0xF0..0xFF,
    // which both pshufb (bit 7 set) and Vector128.Shuffle (out of range) turn into zero, so the two halves just OR.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<byte> IndexesIntoSecond(Vector128<byte> lanes) => lanes - Vector128.Create((byte)16);

    // pshufb only looks at bit 7 (zero) and bits 0-3 (index). A saturating add of 0x70 keeps 0..15 intact in the low
    // nibble with bit 7 clear, and pushes every index >= 16 to >= 0x80 so its lane becomes zero.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<byte> ZeroingIndexes(Vector128<byte> indexes) =>
        Vector128.AddSaturate(indexes, Vector128.Create((byte)0x70));
}
