using System.Runtime.Intrinsics;
using ScriptRunner.Wasm.Execution.Instructions.Vector;

namespace ScriptRunner.Tests.Wasm.Execution.Vector;

public sealed class FloatArithmeticTests
{
    private const uint PositiveZero32 = 0x0000_0000;
    private const uint NegativeZero32 = 0x8000_0000;
    private const ulong PositiveZero64 = 0;
    private const ulong NegativeZero64 = 0x8000_0000_0000_0000;

    // A signaling NaN with a payload and a quiet NaN with a non-canonical payload. Properties rather than static
    // readonly fields: the JIT treats those as constants and a folded float constant loses the signaling bit.
    private static float SignalingNaN32 => Vec.F32FromBits(0x7FA0_0001);

    private static float PayloadNaN32 => Vec.F32FromBits(0xFFC0_1234);

    private static double SignalingNaN64 => Vec.F64FromBits(0x7FF4_0000_0000_0001);

    [Fact]
    public void F32x4BasicArithmetic_IsIeeeSinglePrecision()
    {
        var a = Vec.F32(1.5f, -2f, 1e30f, 0.1f);
        var b = Vec.F32(2.25f, 0.5f, 1e30f, 0.2f);

        Assert.Equal([3.75f, -1.5f, 1e30f + 1e30f, 0.1f + 0.2f], F32(VectorOps.F32x4Add(a, b)));
        Assert.Equal([-0.75f, -2.5f, 0f, 0.1f - 0.2f], F32(VectorOps.F32x4Sub(a, b)));
        Assert.Equal([3.375f, -1f, float.PositiveInfinity, 0.1f * 0.2f], F32(VectorOps.F32x4Mul(a, b)));
        Assert.Equal([1.5f / 2.25f, -4f, 1f, 0.5f], F32(VectorOps.F32x4Div(a, b)));
    }

    [Fact]
    public void F64x2BasicArithmetic_IsIeeeDoublePrecision()
    {
        var a = Vec.F64(0.1, -1e308);
        var b = Vec.F64(0.2, 1e308);

        Assert.Equal([0.1 + 0.2, double.NegativeInfinity], F64(VectorOps.F64x2Sub(a, Vec.F64(-0.2, 1e308))));
        Assert.Equal([0.1 + 0.2, 0], F64(VectorOps.F64x2Add(a, b)));
        Assert.Equal([0.1 * 0.2, double.NegativeInfinity], F64(VectorOps.F64x2Mul(a, b)));
        Assert.Equal([0.5, -1], F64(VectorOps.F64x2Div(a, b)));
    }

    [Fact]
    public void DivideZeroByZero_AndSqrtOfNegative_GiveCanonicalNaN()
    {
        Assert.True(Vec.IsCanonicalNaN(Vec.ToF32Bits(VectorOps.F32x4Div(Vec.F32(0, 0, 0, 0), Vec.F32(0, 0, 0, 0)))[0]));
        Assert.True(Vec.IsCanonicalNaN(Vec.ToF32Bits(VectorOps.F32x4Sqrt(Vec.F32(-1, -1, -1, -1)))[3]));
        Assert.True(Vec.IsCanonicalNaN(Vec.ToF64Bits(VectorOps.F64x2Add(Vec.F64(double.PositiveInfinity, 0), Vec.F64(double.NegativeInfinity, 0)))[0]));
    }

    [Fact]
    public void ArithmeticOnSignalingNaN_GivesArithmeticNaN()
    {
        var results = new[]
        {
            Vec.ToF32Bits(VectorOps.F32x4Add(Vec.F32(SignalingNaN32, 1, 1, 1), Vec.F32(1, 1, 1, 1)))[0],
            Vec.ToF32Bits(VectorOps.F32x4Mul(Vec.F32(1, 1, 1, 1), Vec.F32(1, SignalingNaN32, 1, 1)))[1],
            Vec.ToF32Bits(VectorOps.F32x4Sqrt(Vec.F32(1, 1, SignalingNaN32, 1)))[2],
            Vec.ToF32Bits(VectorOps.F32x4Ceil(Vec.F32(SignalingNaN32, 1, 1, 1)))[0],
            Vec.ToF32Bits(VectorOps.F32x4Nearest(Vec.F32(SignalingNaN32, 1, 1, 1)))[0],
        };

        Assert.All(results, bits => Assert.True(Vec.IsArithmeticNaN(bits), $"0x{bits:X8}"));
        Assert.True(Vec.IsArithmeticNaN(Vec.ToF64Bits(VectorOps.F64x2Sub(Vec.F64(0, SignalingNaN64), Vec.F64(0, 1)))[1]));
        Assert.True(Vec.IsArithmeticNaN(Vec.ToF64Bits(VectorOps.F64x2Floor(Vec.F64(SignalingNaN64, 1)))[0]));
    }

    [Fact]
    public void Abs_ClearsOnlyTheSignBit_KeepingNaNPayloads()
    {
        var result = VectorOps.F32x4Abs(Vec.F32(-0f, PayloadNaN32, SignalingNaN32, -3.5f));

        Assert.Equal([PositiveZero32, 0x7FC0_1234u, 0x7FA0_0001u, Vec.Bits(3.5f)], Vec.ToF32Bits(result));
        Assert.Equal([PositiveZero64, 0x7FF4_0000_0000_0001UL],
            Vec.ToF64Bits(VectorOps.F64x2Abs(Vec.F64(-0.0, Vec.F64FromBits(0xFFF4_0000_0000_0001)))));
    }

    [Fact]
    public void Neg_FlipsOnlyTheSignBit_KeepingNaNPayloads()
    {
        var result = VectorOps.F32x4Neg(Vec.F32(0f, PayloadNaN32, SignalingNaN32, -3.5f));

        Assert.Equal([NegativeZero32, 0x7FC0_1234u, 0xFFA0_0001u, Vec.Bits(3.5f)], Vec.ToF32Bits(result));
        Assert.Equal([NegativeZero64, PositiveZero64], Vec.ToF64Bits(VectorOps.F64x2Neg(Vec.F64(0.0, -0.0))));
    }

    [Fact]
    public void Sqrt_IsCorrectlyRoundedAndKeepsNegativeZero()
    {
        Assert.Equal([Vec.Bits(2f), NegativeZero32, Vec.Bits(MathF.Sqrt(2f)), Vec.Bits(float.PositiveInfinity)],
            Vec.ToF32Bits(VectorOps.F32x4Sqrt(Vec.F32(4f, -0f, 2f, float.PositiveInfinity))));
        Assert.Equal([Vec.Bits(Math.Sqrt(2)), NegativeZero64], Vec.ToF64Bits(VectorOps.F64x2Sqrt(Vec.F64(2, -0.0))));
    }

    [Fact]
    public void Min_OrdersNegativeZeroBelowPositiveZero_InBothOperandOrders()
    {
        var result = VectorOps.F32x4Min(Vec.F32(0f, -0f, 1f, -2f), Vec.F32(-0f, 0f, 2f, -1f));

        Assert.Equal([NegativeZero32, NegativeZero32, Vec.Bits(1f), Vec.Bits(-2f)], Vec.ToF32Bits(result));
        Assert.Equal([NegativeZero64, NegativeZero64], Vec.ToF64Bits(VectorOps.F64x2Min(Vec.F64(0.0, -0.0), Vec.F64(-0.0, 0.0))));
    }

    [Fact]
    public void Max_OrdersPositiveZeroAboveNegativeZero_InBothOperandOrders()
    {
        var result = VectorOps.F32x4Max(Vec.F32(0f, -0f, 1f, -2f), Vec.F32(-0f, 0f, 2f, -1f));

        Assert.Equal([PositiveZero32, PositiveZero32, Vec.Bits(2f), Vec.Bits(-1f)], Vec.ToF32Bits(result));
        Assert.Equal([PositiveZero64, PositiveZero64], Vec.ToF64Bits(VectorOps.F64x2Max(Vec.F64(0.0, -0.0), Vec.F64(-0.0, 0.0))));
    }

    [Fact]
    public void MinMax_WithANaNOperand_GiveNaN()
    {
        var a = Vec.F32(float.NaN, 1f, SignalingNaN32, float.NegativeInfinity);
        var b = Vec.F32(1f, PayloadNaN32, float.PositiveInfinity, float.NaN);

        Assert.All(Vec.ToF32Bits(VectorOps.F32x4Min(a, b)), bits => Assert.True(Vec.IsArithmeticNaN(bits), $"0x{bits:X8}"));
        Assert.All(Vec.ToF32Bits(VectorOps.F32x4Max(a, b)), bits => Assert.True(Vec.IsArithmeticNaN(bits), $"0x{bits:X8}"));
        Assert.All(Vec.ToF64Bits(VectorOps.F64x2Min(Vec.F64(double.NaN, 1), Vec.F64(1, SignalingNaN64))),
            bits => Assert.True(Vec.IsArithmeticNaN(bits), $"0x{bits:X16}"));
        Assert.All(Vec.ToF64Bits(VectorOps.F64x2Max(Vec.F64(double.NaN, 1), Vec.F64(1, SignalingNaN64))),
            bits => Assert.True(Vec.IsArithmeticNaN(bits), $"0x{bits:X16}"));
    }

    [Fact]
    public void MinMax_OfCanonicalNaN_GiveCanonicalNaN()
    {
        var result = VectorOps.F32x4Min(Vec.F32(float.NaN, 1, 1, 1), Vec.F32(-7, 1, 1, 1));

        Assert.True(Vec.IsCanonicalNaN(Vec.ToF32Bits(result)[0]));
        Assert.True(Vec.IsCanonicalNaN(Vec.ToF64Bits(VectorOps.F64x2Max(Vec.F64(5, 0), Vec.F64(double.NaN, 0)))[0]));
    }

    [Fact]
    public void Pmin_IsBLessThanAThenBElseA()
    {
        var a = Vec.F32(float.NaN, 1f, -0f, 0f);
        var b = Vec.F32(1f, PayloadNaN32, 0f, -0f);

        // NaN never compares less, so the first operand comes back whenever either side is NaN, payload intact.
        Assert.Equal([Vec.Bits(float.NaN), Vec.Bits(1f), NegativeZero32, PositiveZero32],
            Vec.ToF32Bits(VectorOps.F32x4Pmin(a, b)));
        Assert.Equal([Vec.Bits(2.0), NegativeZero64],
            Vec.ToF64Bits(VectorOps.F64x2Pmin(Vec.F64(3, -0.0), Vec.F64(2, 0.0))));
    }

    [Fact]
    public void Pmax_IsALessThanBThenBElseA()
    {
        var a = Vec.F32(float.NaN, 1f, -0f, 0f);
        var b = Vec.F32(1f, PayloadNaN32, 0f, -0f);

        Assert.Equal([Vec.Bits(float.NaN), Vec.Bits(1f), NegativeZero32, PositiveZero32],
            Vec.ToF32Bits(VectorOps.F32x4Pmax(a, b)));
        Assert.Equal([Vec.Bits(3.0), Vec.Bits(double.NaN)],
            Vec.ToF64Bits(VectorOps.F64x2Pmax(Vec.F64(2, double.NaN), Vec.F64(3, 0.0))));
    }

    [Fact]
    public void Nearest_RoundsTiesToEven_AndKeepsTheSignOfZero()
    {
        Assert.Equal([PositiveZero32, Vec.Bits(2f), Vec.Bits(2f), NegativeZero32],
            Vec.ToF32Bits(VectorOps.F32x4Nearest(Vec.F32(0.5f, 1.5f, 2.5f, -0.5f))));
        Assert.Equal([Vec.Bits(-2f), Vec.Bits(8388609f), Vec.Bits(-4f), Vec.Bits(float.NegativeInfinity)],
            Vec.ToF32Bits(VectorOps.F32x4Nearest(Vec.F32(-1.5f, 8388609f, -3.5f, float.NegativeInfinity))));
        Assert.Equal([Vec.Bits(4503599627370496.0), NegativeZero64],
            Vec.ToF64Bits(VectorOps.F64x2Nearest(Vec.F64(4503599627370495.5, -0.5))));
    }

    [Fact]
    public void Ceil_RoundsUp_GivingNegativeZeroAboveMinusOne()
    {
        Assert.Equal([NegativeZero32, Vec.Bits(1f), Vec.Bits(-1f), Vec.Bits(16777216f)],
            Vec.ToF32Bits(VectorOps.F32x4Ceil(Vec.F32(-0.5f, 0.0001f, -1.5f, 16777216f))));
        Assert.Equal([NegativeZero64, Vec.Bits(1.0)], Vec.ToF64Bits(VectorOps.F64x2Ceil(Vec.F64(-0.9, 1e-300))));
    }

    [Fact]
    public void Floor_RoundsDown_GivingPositiveZeroBelowOne()
    {
        Assert.Equal([PositiveZero32, Vec.Bits(-1f), Vec.Bits(1f), NegativeZero32],
            Vec.ToF32Bits(VectorOps.F32x4Floor(Vec.F32(0.5f, -0.0001f, 1.5f, -0f))));
        Assert.Equal([PositiveZero64, Vec.Bits(-1.0)], Vec.ToF64Bits(VectorOps.F64x2Floor(Vec.F64(0.9, -1e-300))));
    }

    [Fact]
    public void Trunc_RoundsTowardZero_KeepingTheSign()
    {
        Assert.Equal([NegativeZero32, PositiveZero32, Vec.Bits(-1f), Vec.Bits(1f)],
            Vec.ToF32Bits(VectorOps.F32x4Trunc(Vec.F32(-0.7f, 0.7f, -1.7f, 1.7f))));
        Assert.Equal([NegativeZero64, Vec.Bits(123456789012.0)],
            Vec.ToF64Bits(VectorOps.F64x2Trunc(Vec.F64(-0.7, 123456789012.9))));
    }

    private static float[] F32(Vector128<byte> v) => Vec.ToF32Bits(v).Select(Vec.F32FromBits).ToArray();

    private static double[] F64(Vector128<byte> v) => Vec.ToF64Bits(v).Select(Vec.F64FromBits).ToArray();
}
