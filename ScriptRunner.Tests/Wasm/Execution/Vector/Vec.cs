using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace ScriptRunner.Tests.Wasm.Execution.Vector;

/// <summary>Builds v128 values from typed lanes (lane 0 first) and reads them back, for readable assertions.</summary>
internal static class Vec
{
    public static Vector128<byte> I8(params sbyte[] lanes) => Vector128.Create(lanes).AsByte();

    public static Vector128<byte> U8(params byte[] lanes) => Vector128.Create(lanes);

    public static Vector128<byte> I16(params short[] lanes) => Vector128.Create(lanes).AsByte();

    public static Vector128<byte> U16(params ushort[] lanes) => Vector128.Create(lanes).AsByte();

    public static Vector128<byte> I32(params int[] lanes) => Vector128.Create(lanes).AsByte();

    public static Vector128<byte> U32(params uint[] lanes) => Vector128.Create(lanes).AsByte();

    public static Vector128<byte> I64(params long[] lanes) => Vector128.Create(lanes).AsByte();

    public static Vector128<byte> U64(params ulong[] lanes) => Vector128.Create(lanes).AsByte();

    public static Vector128<byte> F32(params float[] lanes) => Vector128.Create(lanes).AsByte();

    public static Vector128<byte> F64(params double[] lanes) => Vector128.Create(lanes).AsByte();

    public static sbyte[] ToI8(Vector128<byte> v) => Lanes(v.AsSByte());

    public static byte[] ToU8(Vector128<byte> v) => Lanes(v);

    public static short[] ToI16(Vector128<byte> v) => Lanes(v.AsInt16());

    public static ushort[] ToU16(Vector128<byte> v) => Lanes(v.AsUInt16());

    public static int[] ToI32(Vector128<byte> v) => Lanes(v.AsInt32());

    public static uint[] ToU32(Vector128<byte> v) => Lanes(v.AsUInt32());

    public static long[] ToI64(Vector128<byte> v) => Lanes(v.AsInt64());

    public static ulong[] ToU64(Vector128<byte> v) => Lanes(v.AsUInt64());

    /// <summary>f32 lanes as raw bits, so -0 and NaN payloads compare exactly.</summary>
    public static uint[] ToF32Bits(Vector128<byte> v) => Lanes(v.AsUInt32());

    /// <summary>f64 lanes as raw bits, so -0 and NaN payloads compare exactly.</summary>
    public static ulong[] ToF64Bits(Vector128<byte> v) => Lanes(v.AsUInt64());

    public static uint Bits(float x) => BitConverter.SingleToUInt32Bits(x);

    public static ulong Bits(double x) => BitConverter.DoubleToUInt64Bits(x);

    // Not inlined: a constant folded by the JIT into a float constant loses the signaling bit of a NaN.
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static float F32FromBits(uint bits) => BitConverter.UInt32BitsToSingle(bits);

    [MethodImpl(MethodImplOptions.NoInlining)]
    public static double F64FromBits(ulong bits) => BitConverter.UInt64BitsToDouble(bits);

    /// <summary>Canonical NaN of either sign: quiet bit only in the payload.</summary>
    public static bool IsCanonicalNaN(uint bits) => (bits & 0x7FFF_FFFF) == 0x7FC0_0000;

    /// <summary>Arithmetic NaN: exponent all ones and the quiet bit set.</summary>
    public static bool IsArithmeticNaN(uint bits) => (bits & 0x7FC0_0000) == 0x7FC0_0000;

    public static bool IsCanonicalNaN(ulong bits) => (bits & 0x7FFF_FFFF_FFFF_FFFF) == 0x7FF8_0000_0000_0000;

    public static bool IsArithmeticNaN(ulong bits) => (bits & 0x7FF8_0000_0000_0000) == 0x7FF8_0000_0000_0000;

    private static T[] Lanes<T>(Vector128<T> v)
    {
        var lanes = new T[Vector128<T>.Count];
        v.CopyTo(lanes);
        return lanes;
    }
}
