using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace ScriptRunner.Wasm.Execution.Instructions.Vector;

// Reductions of a whole vector to an i32.
internal static partial class VectorOps
{
    /// <summary>v128.any_true: 1 if any bit is set.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int V128AnyTrue(Vector128<byte> a) => a != Vector128<byte>.Zero ? 1 : 0;

    /// <summary>i8x16.all_true: 1 if no lane is zero.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int I8x16AllTrue(Vector128<byte> a) => Vector128.EqualsAny(a, Vector128<byte>.Zero) ? 0 : 1;

    /// <summary>i16x8.all_true: 1 if no lane is zero.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int I16x8AllTrue(Vector128<byte> a) => Vector128.EqualsAny(a.AsUInt16(), Vector128<ushort>.Zero) ? 0 : 1;

    /// <summary>i32x4.all_true: 1 if no lane is zero.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int I32x4AllTrue(Vector128<byte> a) => Vector128.EqualsAny(a.AsUInt32(), Vector128<uint>.Zero) ? 0 : 1;

    /// <summary>i64x2.all_true: 1 if no lane is zero.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int I64x2AllTrue(Vector128<byte> a) => Vector128.EqualsAny(a.AsUInt64(), Vector128<ulong>.Zero) ? 0 : 1;

    /// <summary>i8x16.bitmask: bit i is the sign bit of lane i.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int I8x16Bitmask(Vector128<byte> a) => (int)Vector128.ExtractMostSignificantBits(a);

    /// <summary>i16x8.bitmask: bit i is the sign bit of lane i.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int I16x8Bitmask(Vector128<byte> a) => (int)Vector128.ExtractMostSignificantBits(a.AsUInt16());

    /// <summary>i32x4.bitmask: bit i is the sign bit of lane i.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int I32x4Bitmask(Vector128<byte> a) => (int)Vector128.ExtractMostSignificantBits(a.AsUInt32());

    /// <summary>i64x2.bitmask: bit i is the sign bit of lane i.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int I64x2Bitmask(Vector128<byte> a) => (int)Vector128.ExtractMostSignificantBits(a.AsUInt64());
}
