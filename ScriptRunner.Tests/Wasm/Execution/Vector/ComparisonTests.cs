using ScriptRunner.Wasm.Execution.Instructions.Vector;

namespace ScriptRunner.Tests.Wasm.Execution.Vector;

public sealed class ComparisonTests
{
    private const byte T8 = 0xFF;
    private const ushort T16 = 0xFFFF;
    private const uint T32 = 0xFFFF_FFFF;
    private const ulong T64 = 0xFFFF_FFFF_FFFF_FFFF;

    [Fact]
    public void I8x16_SignedAndUnsignedOrderingsDisagreeOnHighBitLanes()
    {
        var a = Vec.U8(0x80, 0x01, 0x7F, 0xFF, 5, 5, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
        var b = Vec.U8(0x01, 0x80, 0xFF, 0x7F, 5, 6, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

        Assert.Equal([T8, 0, 0, T8, 0, T8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0], Vec.ToU8(VectorOps.I8x16LtS(a, b)));
        Assert.Equal([0, T8, T8, 0, 0, T8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0], Vec.ToU8(VectorOps.I8x16LtU(a, b)));
        Assert.Equal([0, T8, T8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0], Vec.ToU8(VectorOps.I8x16GtS(a, b)));
        Assert.Equal([T8, 0, 0, T8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0], Vec.ToU8(VectorOps.I8x16GtU(a, b)));
        Assert.Equal([T8, 0, 0, T8, T8, T8, T8, T8, T8, T8, T8, T8, T8, T8, T8, T8], Vec.ToU8(VectorOps.I8x16LeS(a, b)));
        Assert.Equal([0, T8, T8, 0, T8, T8, T8, T8, T8, T8, T8, T8, T8, T8, T8, T8], Vec.ToU8(VectorOps.I8x16LeU(a, b)));
        Assert.Equal([0, T8, T8, 0, T8, 0, T8, T8, T8, T8, T8, T8, T8, T8, T8, T8], Vec.ToU8(VectorOps.I8x16GeS(a, b)));
        Assert.Equal([T8, 0, 0, T8, T8, 0, T8, T8, T8, T8, T8, T8, T8, T8, T8, T8], Vec.ToU8(VectorOps.I8x16GeU(a, b)));
    }

    [Fact]
    public void EqAndNe_AreComplementaryAllOnesMasks()
    {
        var a = Vec.U8(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16);
        var b = Vec.U8(1, 2, 3, 0, 5, 0, 7, 0, 9, 0, 11, 0, 13, 0, 15, 0);

        Assert.Equal([T8, T8, T8, 0, T8, 0, T8, 0, T8, 0, T8, 0, T8, 0, T8, 0], Vec.ToU8(VectorOps.I8x16Eq(a, b)));
        Assert.Equal([0, 0, 0, T8, 0, T8, 0, T8, 0, T8, 0, T8, 0, T8, 0, T8], Vec.ToU8(VectorOps.I8x16Ne(a, b)));
        Assert.Equal([T16, 0, 0, 0, 0, 0, 0, 0], Vec.ToU16(VectorOps.I16x8Eq(a, b)));
        Assert.Equal([0, T16, T16, T16, T16, T16, T16, T16], Vec.ToU16(VectorOps.I16x8Ne(a, b)));
        Assert.Equal([T32, T32, 0, T32], Vec.ToU32(VectorOps.I32x4Eq(Vec.I32(1, -1, 2, 0), Vec.I32(1, -1, 3, 0))));
        Assert.Equal([0, 0, T32, 0], Vec.ToU32(VectorOps.I32x4Ne(Vec.I32(1, -1, 2, 0), Vec.I32(1, -1, 3, 0))));
        Assert.Equal([0, T64], Vec.ToU64(VectorOps.I64x2Eq(Vec.I64(1L << 32, 7), Vec.I64(1, 7))));
        Assert.Equal([T64, 0], Vec.ToU64(VectorOps.I64x2Ne(Vec.I64(1L << 32, 7), Vec.I64(1, 7))));
    }

    [Fact]
    public void I16x8_SignedAndUnsignedOrderings()
    {
        var a = Vec.I16(short.MinValue, 1, -1, 0, 5, 5, 0, 0);
        var b = Vec.I16(1, short.MinValue, 0, -1, 5, 6, 0, 0);

        Assert.Equal([T16, 0, T16, 0, 0, T16, 0, 0], Vec.ToU16(VectorOps.I16x8LtS(a, b)));
        Assert.Equal([0, T16, 0, T16, 0, T16, 0, 0], Vec.ToU16(VectorOps.I16x8LtU(a, b)));
        Assert.Equal([0, T16, 0, T16, 0, 0, 0, 0], Vec.ToU16(VectorOps.I16x8GtS(a, b)));
        Assert.Equal([T16, 0, T16, 0, 0, 0, 0, 0], Vec.ToU16(VectorOps.I16x8GtU(a, b)));
        Assert.Equal([T16, 0, T16, 0, T16, T16, T16, T16], Vec.ToU16(VectorOps.I16x8LeS(a, b)));
        Assert.Equal([0, T16, 0, T16, T16, T16, T16, T16], Vec.ToU16(VectorOps.I16x8LeU(a, b)));
        Assert.Equal([0, T16, 0, T16, T16, 0, T16, T16], Vec.ToU16(VectorOps.I16x8GeS(a, b)));
        Assert.Equal([T16, 0, T16, 0, T16, 0, T16, T16], Vec.ToU16(VectorOps.I16x8GeU(a, b)));
    }

    [Fact]
    public void I32x4_SignedAndUnsignedOrderings()
    {
        var a = Vec.I32(int.MinValue, int.MaxValue, -1, 7);
        var b = Vec.I32(int.MaxValue, int.MinValue, 0, 7);

        Assert.Equal([T32, 0, T32, 0], Vec.ToU32(VectorOps.I32x4LtS(a, b)));
        Assert.Equal([0, T32, 0, 0], Vec.ToU32(VectorOps.I32x4LtU(a, b)));
        Assert.Equal([0, T32, 0, 0], Vec.ToU32(VectorOps.I32x4GtS(a, b)));
        Assert.Equal([T32, 0, T32, 0], Vec.ToU32(VectorOps.I32x4GtU(a, b)));
        Assert.Equal([T32, 0, T32, T32], Vec.ToU32(VectorOps.I32x4LeS(a, b)));
        Assert.Equal([0, T32, 0, T32], Vec.ToU32(VectorOps.I32x4LeU(a, b)));
        Assert.Equal([0, T32, 0, T32], Vec.ToU32(VectorOps.I32x4GeS(a, b)));
        Assert.Equal([T32, 0, T32, T32], Vec.ToU32(VectorOps.I32x4GeU(a, b)));
    }

    [Fact]
    public void I64x2_SignedOrderingsCompareFullSixtyFourBits()
    {
        var a = Vec.I64(long.MinValue, 0x1_0000_0000);
        var b = Vec.I64(long.MaxValue, 0x0_FFFF_FFFF);

        Assert.Equal([T64, 0], Vec.ToU64(VectorOps.I64x2LtS(a, b)));
        Assert.Equal([0, T64], Vec.ToU64(VectorOps.I64x2GtS(a, b)));
        Assert.Equal([T64, 0], Vec.ToU64(VectorOps.I64x2LeS(a, b)));
        Assert.Equal([0, T64], Vec.ToU64(VectorOps.I64x2GeS(a, b)));
        Assert.Equal([T64, T64], Vec.ToU64(VectorOps.I64x2LeS(a, a)));
        Assert.Equal([T64, T64], Vec.ToU64(VectorOps.I64x2GeS(b, b)));
    }

    [Fact]
    public void F32x4_NaNIsUnorderedAndOnlyNeHoldsForIt()
    {
        var a = Vec.F32(float.NaN, 1f, float.NaN, 2f);
        var b = Vec.F32(1f, float.NaN, float.NaN, 2f);

        Assert.Equal([0u, 0, 0, T32], Vec.ToU32(VectorOps.F32x4Eq(a, b)));
        Assert.Equal([T32, T32, T32, 0], Vec.ToU32(VectorOps.F32x4Ne(a, b)));
        Assert.Equal([0u, 0, 0, 0], Vec.ToU32(VectorOps.F32x4Lt(a, b)));
        Assert.Equal([0u, 0, 0, 0], Vec.ToU32(VectorOps.F32x4Gt(a, b)));
        Assert.Equal([0u, 0, 0, T32], Vec.ToU32(VectorOps.F32x4Le(a, b)));
        Assert.Equal([0u, 0, 0, T32], Vec.ToU32(VectorOps.F32x4Ge(a, b)));
    }

    [Fact]
    public void F32x4_ZerosOfEitherSignAreEqual_AndInfinitiesOrder()
    {
        var a = Vec.F32(-0f, float.NegativeInfinity, 1f, float.PositiveInfinity);
        var b = Vec.F32(0f, -3.4e38f, 1.0000001f, float.PositiveInfinity);

        Assert.Equal([T32, 0, 0, T32], Vec.ToU32(VectorOps.F32x4Eq(a, b)));
        Assert.Equal([0, T32, T32, 0], Vec.ToU32(VectorOps.F32x4Lt(a, b)));
        Assert.Equal([0u, 0, 0, 0], Vec.ToU32(VectorOps.F32x4Gt(a, b)));
        Assert.Equal([T32, T32, T32, T32], Vec.ToU32(VectorOps.F32x4Le(a, b)));
        Assert.Equal([T32, 0, 0, T32], Vec.ToU32(VectorOps.F32x4Ge(a, b)));
    }

    [Fact]
    public void F64x2_NaNIsUnordered_AndZerosOfEitherSignAreEqual()
    {
        var a = Vec.F64(double.NaN, -0.0);
        var b = Vec.F64(double.NaN, 0.0);

        Assert.Equal([0, T64], Vec.ToU64(VectorOps.F64x2Eq(a, b)));
        Assert.Equal([T64, 0], Vec.ToU64(VectorOps.F64x2Ne(a, b)));
        Assert.Equal([0UL, 0], Vec.ToU64(VectorOps.F64x2Lt(a, b)));
        Assert.Equal([0UL, 0], Vec.ToU64(VectorOps.F64x2Gt(a, b)));
        Assert.Equal([0, T64], Vec.ToU64(VectorOps.F64x2Le(a, b)));
        Assert.Equal([0, T64], Vec.ToU64(VectorOps.F64x2Ge(a, b)));
        Assert.Equal([T64, 0], Vec.ToU64(VectorOps.F64x2Lt(Vec.F64(1, 2), Vec.F64(1.0000000000000002, 2))));
    }
}
