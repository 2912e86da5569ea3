using System.Runtime.Intrinsics;
using ScriptRunner.Wasm.Execution.Instructions.Vector;

namespace ScriptRunner.Tests.Wasm.Execution.Vector;

public sealed class ConversionTests
{
    private const float TwoPow31 = 2147483648f;
    private const float TwoPow32 = 4294967296f;

    [Fact]
    public void I16x8Extend_SignOrZeroExtendsTheLowOrHighHalf()
    {
        var v = Vec.I8(-128, -1, 0, 1, 127, -2, 3, -4, 10, -10, 20, -20, 30, -30, 127, -128);

        Assert.Equal([-128, -1, 0, 1, 127, -2, 3, -4], Vec.ToI16(VectorOps.I16x8ExtendLowI8x16S(v)));
        Assert.Equal([10, -10, 20, -20, 30, -30, 127, -128], Vec.ToI16(VectorOps.I16x8ExtendHighI8x16S(v)));
        Assert.Equal([128, 255, 0, 1, 127, 254, 3, 252], Vec.ToI16(VectorOps.I16x8ExtendLowI8x16U(v)));
        Assert.Equal([10, 246, 20, 236, 30, 226, 127, 128], Vec.ToI16(VectorOps.I16x8ExtendHighI8x16U(v)));
    }

    [Fact]
    public void I32x4Extend_SignOrZeroExtendsTheLowOrHighHalf()
    {
        var v = Vec.I16(short.MinValue, -1, 0, short.MaxValue, 5, -5, 6, -6);

        Assert.Equal([short.MinValue, -1, 0, short.MaxValue], Vec.ToI32(VectorOps.I32x4ExtendLowI16x8S(v)));
        Assert.Equal([5, -5, 6, -6], Vec.ToI32(VectorOps.I32x4ExtendHighI16x8S(v)));
        Assert.Equal([0x8000, 0xFFFF, 0, 0x7FFF], Vec.ToI32(VectorOps.I32x4ExtendLowI16x8U(v)));
        Assert.Equal([5, 0xFFFB, 6, 0xFFFA], Vec.ToI32(VectorOps.I32x4ExtendHighI16x8U(v)));
    }

    [Fact]
    public void I64x2Extend_SignOrZeroExtendsTheLowOrHighHalf()
    {
        var v = Vec.I32(int.MinValue, -1, int.MaxValue, -7);

        Assert.Equal([int.MinValue, -1], Vec.ToI64(VectorOps.I64x2ExtendLowI32x4S(v)));
        Assert.Equal([int.MaxValue, -7], Vec.ToI64(VectorOps.I64x2ExtendHighI32x4S(v)));
        Assert.Equal([0x8000_0000, 0xFFFF_FFFF], Vec.ToI64(VectorOps.I64x2ExtendLowI32x4U(v)));
        Assert.Equal([0x7FFF_FFFF, 0xFFFF_FFF9], Vec.ToI64(VectorOps.I64x2ExtendHighI32x4U(v)));
    }

    [Fact]
    public void I8x16NarrowS_SaturatesToSignedBytes_FirstOperandInTheLowLanes()
    {
        var a = Vec.I16(300, -300, 127, -128, 128, -129, 0, -1);
        var b = Vec.I16(short.MaxValue, short.MinValue, 1, 2, 3, 4, 5, 6);

        Assert.Equal([127, -128, 127, -128, 127, -128, 0, -1, 127, -128, 1, 2, 3, 4, 5, 6],
            Vec.ToI8(VectorOps.I8x16NarrowI16x8S(a, b)));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void I8x16NarrowU_ReadsSignedLanesAndSaturatesToUnsignedBytes(bool portable)
    {
        Func<Vector128<byte>, Vector128<byte>, Vector128<byte>> narrow =
            portable ? VectorOps.NarrowI16x8UPortable : VectorOps.I8x16NarrowI16x8U;
        var a = Vec.I16(300, -300, 255, 256, -1, 0, 128, 1);
        var b = Vec.I16(short.MaxValue, short.MinValue, 1, 2, 3, 4, 5, 254);

        Assert.Equal([255, 0, 255, 255, 0, 0, 128, 1, 255, 0, 1, 2, 3, 4, 5, 254], Vec.ToU8(narrow(a, b)));
    }

    [Fact]
    public void I16x8NarrowS_SaturatesToSignedShorts_FirstOperandInTheLowLanes()
    {
        var a = Vec.I32(70000, -70000, short.MaxValue, short.MinValue);
        var b = Vec.I32(int.MaxValue, int.MinValue, -1, 32768);

        Assert.Equal([short.MaxValue, short.MinValue, short.MaxValue, short.MinValue, short.MaxValue, short.MinValue, -1, short.MaxValue],
            Vec.ToI16(VectorOps.I16x8NarrowI32x4S(a, b)));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void I16x8NarrowU_ReadsSignedLanesAndSaturatesToUnsignedShorts(bool portable)
    {
        Func<Vector128<byte>, Vector128<byte>, Vector128<byte>> narrow =
            portable ? VectorOps.NarrowI32x4UPortable : VectorOps.I16x8NarrowI32x4U;
        var a = Vec.I32(70000, -70000, 65535, 65536);
        var b = Vec.I32(int.MaxValue, int.MinValue, -1, 32768);

        Assert.Equal([65535, 0, 65535, 65535, 65535, 0, 0, 32768], Vec.ToU16(narrow(a, b)));
    }

    [Fact]
    public void F32x4ConvertI32x4S_RoundsToNearestEven()
    {
        var v = Vec.I32(int.MaxValue, int.MinValue, 16777217, 16777219);

        Assert.Equal([TwoPow31, -TwoPow31, 16777216f, 16777220f], F32(VectorOps.F32x4ConvertI32x4S(v)));
    }

    [Fact]
    public void F32x4ConvertI32x4U_RoundsToNearestEvenOverTheFullUnsignedRange()
    {
        Assert.Equal([TwoPow32, TwoPow31, 16777216f, 1f],
            F32(VectorOps.F32x4ConvertI32x4U(Vec.U32(uint.MaxValue, 0x8000_0000, 16777217, 1))));
        // Exact halfway cases between adjacent floats near 2^32, and just above a halfway point.
        Assert.Equal([TwoPow32, 4294966784f, 4294967040f, 2147483904f],
            F32(VectorOps.F32x4ConvertI32x4U(Vec.U32(0xFFFF_FF80, 0xFFFF_FE80, 0xFFFF_FE81, 0x8000_0081))));
    }

    [Fact]
    public void F64x2ConvertLow_IsExact_AndReadsOnlyLanesZeroAndOne()
    {
        Assert.Equal([int.MinValue, -1.0], F64(VectorOps.F64x2ConvertLowI32x4S(Vec.I32(int.MinValue, -1, 5, 6))));
        Assert.Equal([int.MaxValue, 0.0], F64(VectorOps.F64x2ConvertLowI32x4S(Vec.I32(int.MaxValue, 0, -5, -6))));
        Assert.Equal([4294967295.0, 2147483648.0], F64(VectorOps.F64x2ConvertLowI32x4U(Vec.U32(uint.MaxValue, 0x8000_0000, 5, 6))));
        Assert.Equal([0.0, 1.0], F64(VectorOps.F64x2ConvertLowI32x4U(Vec.U32(0, 1, uint.MaxValue, uint.MaxValue))));
    }

    [Fact]
    public void I32x4TruncSatF32x4S_SaturatesAndMapsNaNToZero()
    {
        Assert.Equal([0, 0, int.MaxValue, int.MinValue],
            Vec.ToI32(VectorOps.I32x4TruncSatF32x4S(Vec.F32(float.NaN, Vec.F32FromBits(0xFFA0_0001), float.PositiveInfinity, float.NegativeInfinity))));
        Assert.Equal([2147483520, int.MaxValue, int.MinValue, int.MinValue],
            Vec.ToI32(VectorOps.I32x4TruncSatF32x4S(Vec.F32(2147483520f, TwoPow31, -TwoPow31, -3e9f))));
        Assert.Equal([1, -1, 0, 0], Vec.ToI32(VectorOps.I32x4TruncSatF32x4S(Vec.F32(1.9f, -1.9f, -0.9f, -0f))));
    }

    [Fact]
    public void I32x4TruncSatF32x4U_SaturatesNegativesToZeroAndMapsNaNToZero()
    {
        Assert.Equal([0u, 0, uint.MaxValue, 0],
            Vec.ToU32(VectorOps.I32x4TruncSatF32x4U(Vec.F32(float.NaN, -1.5f, float.PositiveInfinity, float.NegativeInfinity))));
        Assert.Equal([4294967040u, uint.MaxValue, 0x8000_0000, 0],
            Vec.ToU32(VectorOps.I32x4TruncSatF32x4U(Vec.F32(4294967040f, TwoPow32, TwoPow31, -0.9f))));
    }

    [Fact]
    public void I32x4TruncSatF64x2SZero_SaturatesIntoLanesZeroAndOne_AndZeroesTheRest()
    {
        Assert.Equal([int.MaxValue, int.MinValue, 0, 0], Vec.ToI32(VectorOps.I32x4TruncSatF64x2SZero(Vec.F64(2147483647.9, -2147483648.9))));
        Assert.Equal([int.MaxValue, int.MinValue, 0, 0], Vec.ToI32(VectorOps.I32x4TruncSatF64x2SZero(Vec.F64(2147483648.0, -1e300))));
        Assert.Equal([0, -7, 0, 0], Vec.ToI32(VectorOps.I32x4TruncSatF64x2SZero(Vec.F64(double.NaN, -7.99))));
    }

    [Fact]
    public void I32x4TruncSatF64x2UZero_SaturatesIntoLanesZeroAndOne_AndZeroesTheRest()
    {
        Assert.Equal([uint.MaxValue, 0u, 0, 0], Vec.ToU32(VectorOps.I32x4TruncSatF64x2UZero(Vec.F64(4294967295.9, -0.9))));
        Assert.Equal([uint.MaxValue, 0u, 0, 0], Vec.ToU32(VectorOps.I32x4TruncSatF64x2UZero(Vec.F64(1e300, double.NegativeInfinity))));
        Assert.Equal([0u, 3000000000, 0, 0], Vec.ToU32(VectorOps.I32x4TruncSatF64x2UZero(Vec.F64(double.NaN, 3000000000.5))));
    }

    [Fact]
    public void F32x4DemoteF64x2Zero_RoundsToNearestEven_AndZeroesLanesTwoAndThree()
    {
        var ties = VectorOps.F32x4DemoteF64x2Zero(Vec.F64(1 + Math.Pow(2, -24), 1 + (3 * Math.Pow(2, -24))));
        var extremes = VectorOps.F32x4DemoteF64x2Zero(Vec.F64(1e300, -1e-300));

        Assert.Equal([Vec.Bits(1f), Vec.Bits(1 + MathF.Pow(2, -22)), 0u, 0u], Vec.ToF32Bits(ties));
        Assert.Equal([Vec.Bits(float.PositiveInfinity), 0x8000_0000u, 0u, 0u], Vec.ToF32Bits(extremes));
    }

    [Fact]
    public void F32x4DemoteF64x2Zero_OfNaN_IsArithmeticNaN()
    {
        var result = Vec.ToF32Bits(VectorOps.F32x4DemoteF64x2Zero(Vec.F64(double.NaN, Vec.F64FromBits(0x7FF4_0000_0000_0001))));

        Assert.True(Vec.IsCanonicalNaN(result[0]), $"0x{result[0]:X8}");
        Assert.True(Vec.IsArithmeticNaN(result[1]), $"0x{result[1]:X8}");
    }

    [Fact]
    public void F64x2PromoteLowF32x4_IsExact_AndReadsOnlyLanesZeroAndOne()
    {
        var result = VectorOps.F64x2PromoteLowF32x4(Vec.F32(0.1f, -0f, 5f, 6f));

        Assert.Equal([Vec.Bits((double)0.1f), 0x8000_0000_0000_0000UL], Vec.ToF64Bits(result));
    }

    [Fact]
    public void F64x2PromoteLowF32x4_OfNaN_IsArithmeticNaN()
    {
        var result = Vec.ToF64Bits(VectorOps.F64x2PromoteLowF32x4(Vec.F32(float.NaN, Vec.F32FromBits(0x7FA0_0001), 0, 0)));

        Assert.True(Vec.IsCanonicalNaN(result[0]), $"0x{result[0]:X16}");
        Assert.True(Vec.IsArithmeticNaN(result[1]), $"0x{result[1]:X16}");
    }

    private static float[] F32(Vector128<byte> v) => Vec.ToF32Bits(v).Select(Vec.F32FromBits).ToArray();

    private static double[] F64(Vector128<byte> v) => Vec.ToF64Bits(v).Select(Vec.F64FromBits).ToArray();
}
