using System.Numerics;
using System.Runtime.CompilerServices;

namespace ScriptRunner.Wasm.Execution.Instructions.Numeric;

/// <summary>
/// Numeric instructions whose spec semantics differ from a single IL opcode (traps, NaN and signed-zero rules,
/// correct rounding). Named like the opcode; small enough for the JIT to inline into compiled functions.
/// </summary>
internal static class NumericOps
{
    private const MethodImplOptions Inline = MethodImplOptions.AggressiveInlining;

    [MethodImpl(Inline)]
    public static int I32DivS(int a, int b)
    {
        if (b == 0) ThrowDivideByZero();
        if (b == -1 && a == int.MinValue) ThrowOverflow();
        return a / b;
    }

    [MethodImpl(Inline)]
    public static int I32DivU(int a, int b)
    {
        if (b == 0) ThrowDivideByZero();
        return (int)((uint)a / (uint)b);
    }

    [MethodImpl(Inline)]
    public static int I32RemS(int a, int b)
    {
        if (b == 0) ThrowDivideByZero();
        return b == -1 ? 0 : a % b;
    }

    [MethodImpl(Inline)]
    public static int I32RemU(int a, int b)
    {
        if (b == 0) ThrowDivideByZero();
        return (int)((uint)a % (uint)b);
    }

    [MethodImpl(Inline)]
    public static long I64DivS(long a, long b)
    {
        if (b == 0) ThrowDivideByZero();
        if (b == -1 && a == long.MinValue) ThrowOverflow();
        return a / b;
    }

    [MethodImpl(Inline)]
    public static long I64DivU(long a, long b)
    {
        if (b == 0) ThrowDivideByZero();
        return (long)((ulong)a / (ulong)b);
    }

    [MethodImpl(Inline)]
    public static long I64RemS(long a, long b)
    {
        if (b == 0) ThrowDivideByZero();
        return b == -1 ? 0 : a % b;
    }

    [MethodImpl(Inline)]
    public static long I64RemU(long a, long b)
    {
        if (b == 0) ThrowDivideByZero();
        return (long)((ulong)a % (ulong)b);
    }

    [MethodImpl(Inline)] public static int I32Clz(int a) => BitOperations.LeadingZeroCount((uint)a);
    [MethodImpl(Inline)] public static int I32Ctz(int a) => BitOperations.TrailingZeroCount(a);
    [MethodImpl(Inline)] public static int I32Popcnt(int a) => BitOperations.PopCount((uint)a);
    [MethodImpl(Inline)] public static int I32Rotl(int a, int b) => (int)BitOperations.RotateLeft((uint)a, b);
    [MethodImpl(Inline)] public static int I32Rotr(int a, int b) => (int)BitOperations.RotateRight((uint)a, b);
    [MethodImpl(Inline)] public static long I64Clz(long a) => BitOperations.LeadingZeroCount((ulong)a);
    [MethodImpl(Inline)] public static long I64Ctz(long a) => BitOperations.TrailingZeroCount(a);
    [MethodImpl(Inline)] public static long I64Popcnt(long a) => BitOperations.PopCount((ulong)a);
    [MethodImpl(Inline)] public static long I64Rotl(long a, long b) => (long)BitOperations.RotateLeft((ulong)a, (int)b);
    [MethodImpl(Inline)] public static long I64Rotr(long a, long b) => (long)BitOperations.RotateRight((ulong)a, (int)b);

    // abs, neg and copysign only touch the sign bit, NaN payloads included.
    [MethodImpl(Inline)] public static float F32Abs(float a) => BitConverter.Int32BitsToSingle(BitConverter.SingleToInt32Bits(a) & int.MaxValue);
    [MethodImpl(Inline)] public static float F32Neg(float a) => BitConverter.Int32BitsToSingle(BitConverter.SingleToInt32Bits(a) ^ int.MinValue);

    [MethodImpl(Inline)]
    public static float F32Copysign(float a, float b) => BitConverter.Int32BitsToSingle(
        (BitConverter.SingleToInt32Bits(a) & int.MaxValue) | (BitConverter.SingleToInt32Bits(b) & int.MinValue));

    [MethodImpl(Inline)] public static double F64Abs(double a) => BitConverter.Int64BitsToDouble(BitConverter.DoubleToInt64Bits(a) & long.MaxValue);
    [MethodImpl(Inline)] public static double F64Neg(double a) => BitConverter.Int64BitsToDouble(BitConverter.DoubleToInt64Bits(a) ^ long.MinValue);

    [MethodImpl(Inline)]
    public static double F64Copysign(double a, double b) => BitConverter.Int64BitsToDouble(
        (BitConverter.DoubleToInt64Bits(a) & long.MaxValue) | (BitConverter.DoubleToInt64Bits(b) & long.MinValue));

    // A NaN operand comes back quieted (x + x), as the spec requires an arithmetic NaN.
    [MethodImpl(Inline)] public static float F32Ceil(float a) => float.IsNaN(a) ? a + a : MathF.Ceiling(a);
    [MethodImpl(Inline)] public static float F32Floor(float a) => float.IsNaN(a) ? a + a : MathF.Floor(a);
    [MethodImpl(Inline)] public static float F32Trunc(float a) => float.IsNaN(a) ? a + a : MathF.Truncate(a);
    [MethodImpl(Inline)] public static float F32Nearest(float a) => float.IsNaN(a) ? a + a : MathF.Round(a, MidpointRounding.ToEven);
    [MethodImpl(Inline)] public static float F32Sqrt(float a) => MathF.Sqrt(a);
    [MethodImpl(Inline)] public static double F64Ceil(double a) => double.IsNaN(a) ? a + a : Math.Ceiling(a);
    [MethodImpl(Inline)] public static double F64Floor(double a) => double.IsNaN(a) ? a + a : Math.Floor(a);
    [MethodImpl(Inline)] public static double F64Trunc(double a) => double.IsNaN(a) ? a + a : Math.Truncate(a);
    [MethodImpl(Inline)] public static double F64Nearest(double a) => double.IsNaN(a) ? a + a : Math.Round(a, MidpointRounding.ToEven);
    [MethodImpl(Inline)] public static double F64Sqrt(double a) => Math.Sqrt(a);

    [MethodImpl(Inline)]
    public static float F32Min(float a, float b)
    {
        if (a < b) return a;
        if (b < a) return b;
        if (a == b) return BitConverter.Int32BitsToSingle(BitConverter.SingleToInt32Bits(a) | BitConverter.SingleToInt32Bits(b));
        return a + b;
    }

    [MethodImpl(Inline)]
    public static float F32Max(float a, float b)
    {
        if (a > b) return a;
        if (b > a) return b;
        if (a == b) return BitConverter.Int32BitsToSingle(BitConverter.SingleToInt32Bits(a) & BitConverter.SingleToInt32Bits(b));
        return a + b;
    }

    [MethodImpl(Inline)]
    public static double F64Min(double a, double b)
    {
        if (a < b) return a;
        if (b < a) return b;
        if (a == b) return BitConverter.Int64BitsToDouble(BitConverter.DoubleToInt64Bits(a) | BitConverter.DoubleToInt64Bits(b));
        return a + b;
    }

    [MethodImpl(Inline)]
    public static double F64Max(double a, double b)
    {
        if (a > b) return a;
        if (b > a) return b;
        if (a == b) return BitConverter.Int64BitsToDouble(BitConverter.DoubleToInt64Bits(a) & BitConverter.DoubleToInt64Bits(b));
        return a + b;
    }

    [MethodImpl(Inline)]
    public static int I32TruncF32S(float a)
    {
        if (!(a >= -2147483648f && a < 2147483648f)) ThrowTruncation(float.IsNaN(a));
        return (int)a;
    }

    [MethodImpl(Inline)]
    public static int I32TruncF32U(float a)
    {
        if (!(a > -1f && a < 4294967296f)) ThrowTruncation(float.IsNaN(a));
        return (int)(uint)a;
    }

    [MethodImpl(Inline)]
    public static int I32TruncF64S(double a)
    {
        if (!(a > -2147483649.0 && a < 2147483648.0)) ThrowTruncation(double.IsNaN(a));
        return (int)a;
    }

    [MethodImpl(Inline)]
    public static int I32TruncF64U(double a)
    {
        if (!(a > -1.0 && a < 4294967296.0)) ThrowTruncation(double.IsNaN(a));
        return (int)(uint)a;
    }

    [MethodImpl(Inline)]
    public static long I64TruncF32S(float a)
    {
        if (!(a >= -9223372036854775808f && a < 9223372036854775808f)) ThrowTruncation(float.IsNaN(a));
        return (long)a;
    }

    [MethodImpl(Inline)]
    public static long I64TruncF32U(float a)
    {
        if (!(a > -1f && a < 18446744073709551616f)) ThrowTruncation(float.IsNaN(a));
        return (long)(ulong)a;
    }

    [MethodImpl(Inline)]
    public static long I64TruncF64S(double a)
    {
        if (!(a >= -9223372036854775808.0 && a < 9223372036854775808.0)) ThrowTruncation(double.IsNaN(a));
        return (long)a;
    }

    [MethodImpl(Inline)]
    public static long I64TruncF64U(double a)
    {
        if (!(a > -1.0 && a < 18446744073709551616.0)) ThrowTruncation(double.IsNaN(a));
        return (long)(ulong)a;
    }

    [MethodImpl(Inline)]
    public static int I32TruncSatF32S(float a) =>
        float.IsNaN(a) ? 0 : a < -2147483648f ? int.MinValue : a >= 2147483648f ? int.MaxValue : (int)a;

    [MethodImpl(Inline)]
    public static int I32TruncSatF32U(float a) =>
        !(a > -1f) ? 0 : a >= 4294967296f ? -1 : (int)(uint)a;

    [MethodImpl(Inline)]
    public static int I32TruncSatF64S(double a) =>
        double.IsNaN(a) ? 0 : a <= -2147483649.0 ? int.MinValue : a >= 2147483648.0 ? int.MaxValue : (int)a;

    [MethodImpl(Inline)]
    public static int I32TruncSatF64U(double a) =>
        !(a > -1.0) ? 0 : a >= 4294967296.0 ? -1 : (int)(uint)a;

    [MethodImpl(Inline)]
    public static long I64TruncSatF32S(float a) =>
        float.IsNaN(a) ? 0 : a < -9223372036854775808f ? long.MinValue : a >= 9223372036854775808f ? long.MaxValue : (long)a;

    [MethodImpl(Inline)]
    public static long I64TruncSatF32U(float a) =>
        !(a > -1f) ? 0 : a >= 18446744073709551616f ? -1L : (long)(ulong)a;

    [MethodImpl(Inline)]
    public static long I64TruncSatF64S(double a) =>
        double.IsNaN(a) ? 0 : a < -9223372036854775808.0 ? long.MinValue : a >= 9223372036854775808.0 ? long.MaxValue : (long)a;

    [MethodImpl(Inline)]
    public static long I64TruncSatF64U(double a) =>
        !(a > -1.0) ? 0 : a >= 18446744073709551616.0 ? -1L : (long)(ulong)a;

    [MethodImpl(Inline)] public static float F32ConvertI32U(int a) => (float)(long)(uint)a;
    [MethodImpl(Inline)] public static double F64ConvertI32U(int a) => (uint)a;

    public static float F32ConvertI64S(long a)
    {
        if (a == long.MinValue) return -9223372036854775808f;
        var magnitude = U64ToF32((ulong)Math.Abs(a));
        return a < 0 ? -magnitude : magnitude;
    }

    public static float F32ConvertI64U(long a) => U64ToF32((ulong)a);

    [MethodImpl(Inline)]
    public static double F64ConvertI64U(long a)
    {
        var v = (ulong)a;
        // Halving with a sticky low bit keeps the value's rounding behaviour; doubling afterwards is exact.
        return a >= 0 ? (double)a : (double)(long)((v >> 1) | (v & 1)) * 2.0;
    }

    // The JIT folds (float)(double)x to x, which would let a signalling NaN through unquieted.
    [MethodImpl(Inline)] public static double F64PromoteF32(float a) => float.IsNaN(a) ? (double)(a + a) : a;

    // x - 0, x * 1 and x / 1 with a constant are folded to x by the JIT, skipping the NaN quieting the spec requires.
    [MethodImpl(Inline)] public static float F32SubIdentity(float a, float b) => float.IsNaN(a) ? a + a : a - b;
    [MethodImpl(Inline)] public static float F32AddIdentity(float a, float b) => float.IsNaN(a) ? a + a : a + b;
    [MethodImpl(Inline)] public static float F32MulIdentity(float a, float b) => float.IsNaN(a) ? a + a : a * b;
    [MethodImpl(Inline)] public static float F32DivIdentity(float a, float b) => float.IsNaN(a) ? a + a : a / b;
    [MethodImpl(Inline)] public static double F64SubIdentity(double a, double b) => double.IsNaN(a) ? a + a : a - b;
    [MethodImpl(Inline)] public static double F64AddIdentity(double a, double b) => double.IsNaN(a) ? a + a : a + b;
    [MethodImpl(Inline)] public static double F64MulIdentity(double a, double b) => double.IsNaN(a) ? a + a : a * b;
    [MethodImpl(Inline)] public static double F64DivIdentity(double a, double b) => double.IsNaN(a) ? a + a : a / b;

    [MethodImpl(Inline)] public static int I32ReinterpretF32(float a) => BitConverter.SingleToInt32Bits(a);
    [MethodImpl(Inline)] public static long I64ReinterpretF64(double a) => BitConverter.DoubleToInt64Bits(a);
    [MethodImpl(Inline)] public static float F32ReinterpretI32(int a) => BitConverter.Int32BitsToSingle(a);
    [MethodImpl(Inline)] public static double F64ReinterpretI64(long a) => BitConverter.Int64BitsToDouble(a);

    /// <summary>Boxes a NaN constant's exact bits out of reach of JIT constant folding, which may quiet it.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static float F32FromBits(int bits) => BitConverter.Int32BitsToSingle(bits);

    /// <summary>As <see cref="F32FromBits"/> for f64.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static double F64FromBits(long bits) => BitConverter.Int64BitsToDouble(bits);

    // Correctly rounded u64 -> f32 without double rounding: values over 53 bits are first narrowed to 53 bits
    // with round-to-odd (a sticky bit), which the final single rounding to 24 bits cannot be misled by.
    private static float U64ToF32(ulong v)
    {
        if (v < 1UL << 53)
        {
            return (float)(double)(long)v;
        }

        var shift = 64 - BitOperations.LeadingZeroCount(v) - 53;
        var sticky = (v & ((1UL << shift) - 1)) != 0 ? 1UL : 0UL;
        var narrowed = (double)(long)((v >> shift) | sticky);
        return (float)Math.ScaleB(narrowed, shift);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ThrowDivideByZero() => throw new TrapException(TrapKind.IntegerDivideByZero);

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ThrowOverflow() => throw new TrapException(TrapKind.IntegerOverflow);

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ThrowTruncation(bool isNaN) =>
        throw new TrapException(isNaN ? TrapKind.InvalidConversionToInteger : TrapKind.IntegerOverflow);
}
