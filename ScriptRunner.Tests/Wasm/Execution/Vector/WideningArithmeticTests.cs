using System.Runtime.Intrinsics;
using ScriptRunner.Wasm.Execution.Instructions.Vector;

namespace ScriptRunner.Tests.Wasm.Execution.Vector;

public sealed class WideningArithmeticTests
{
    private static readonly sbyte[] A8 = [-128, 127, -1, 2, 0, 100, -100, 3, -128, 127, -1, 5, 0, 50, -50, 7];
    private static readonly sbyte[] B8 = [-128, 127, -1, 3, 9, -100, -100, 4, 127, 127, 1, 6, 1, 2, 3, -7];

    [Fact]
    public void I16x8Extmul_Signed_MultipliesTheLowOrHighHalfExactly()
    {
        var low = VectorOps.I16x8ExtmulLowI8x16S(Vec.I8(A8), Vec.I8(B8));
        var high = VectorOps.I16x8ExtmulHighI8x16S(Vec.I8(A8), Vec.I8(B8));

        Assert.Equal(Enumerable.Range(0, 8).Select(i => (short)(A8[i] * B8[i])), Vec.ToI16(low));
        Assert.Equal(Enumerable.Range(8, 8).Select(i => (short)(A8[i] * B8[i])), Vec.ToI16(high));
        Assert.Equal(16384, Vec.ToI16(low)[0]);
    }

    [Fact]
    public void I16x8Extmul_Unsigned_TreatsLanesAsUnsigned()
    {
        var low = VectorOps.I16x8ExtmulLowI8x16U(Vec.I8(A8), Vec.I8(B8));
        var high = VectorOps.I16x8ExtmulHighI8x16U(Vec.I8(A8), Vec.I8(B8));

        Assert.Equal(Enumerable.Range(0, 8).Select(i => (ushort)((byte)A8[i] * (byte)B8[i])), Vec.ToU16(low));
        Assert.Equal(Enumerable.Range(8, 8).Select(i => (ushort)((byte)A8[i] * (byte)B8[i])), Vec.ToU16(high));
        Assert.Equal(65025, Vec.ToU16(low)[2]);
    }

    [Fact]
    public void I32x4Extmul_MultipliesSixteenBitHalvesExactly()
    {
        short[] a = [short.MinValue, short.MaxValue, -1, 2, short.MinValue, -1, 300, 4];
        short[] b = [short.MinValue, short.MaxValue, -1, -3, short.MaxValue, -1, 300, 5];

        Assert.Equal([1 << 30, 0x3FFF_0001, 1, -6], Vec.ToI32(VectorOps.I32x4ExtmulLowI16x8S(Vec.I16(a), Vec.I16(b))));
        Assert.Equal([-0x3FFF_8000, 1, 90000, 20], Vec.ToI32(VectorOps.I32x4ExtmulHighI16x8S(Vec.I16(a), Vec.I16(b))));
        Assert.Equal([0x4000_0000u, 0x3FFF_0001u, 0xFFFE_0001u, 2u * 65533u],
            Vec.ToU32(VectorOps.I32x4ExtmulLowI16x8U(Vec.I16(a), Vec.I16(b))));
        Assert.Equal([0x8000u * 0x7FFFu, 0xFFFE_0001u, 90000u, 20u],
            Vec.ToU32(VectorOps.I32x4ExtmulHighI16x8U(Vec.I16(a), Vec.I16(b))));
    }

    [Fact]
    public void I64x2Extmul_MultipliesThirtyTwoBitHalvesExactly()
    {
        var a = Vec.I32(int.MinValue, -1, int.MaxValue, 3);
        var b = Vec.I32(int.MinValue, -1, int.MinValue, -4);

        Assert.Equal([1L << 62, 1], Vec.ToI64(VectorOps.I64x2ExtmulLowI32x4S(a, b)));
        Assert.Equal([(long)int.MaxValue * int.MinValue, -12], Vec.ToI64(VectorOps.I64x2ExtmulHighI32x4S(a, b)));
        Assert.Equal([1UL << 62, 0xFFFF_FFFE_0000_0001], Vec.ToU64(VectorOps.I64x2ExtmulLowI32x4U(a, b)));
        Assert.Equal([0x7FFF_FFFFUL * 0x8000_0000UL, 3UL * 0xFFFF_FFFCUL], Vec.ToU64(VectorOps.I64x2ExtmulHighI32x4U(a, b)));
    }

    [Fact]
    public void ExtaddPairwise_AddsAdjacentLanesIntoWiderLanes()
    {
        var bytes = Vec.I8(-128, -128, 127, 127, -1, 1, 0, -1, 5, 6, -128, 127, 0, 0, 100, 100);

        Assert.Equal([-256, 254, 0, -1, 11, -1, 0, 200], Vec.ToI16(VectorOps.I16x8ExtaddPairwiseI8x16S(bytes)));
        Assert.Equal([256, 254, 256, 255, 11, 255, 0, 200], Vec.ToU16(VectorOps.I16x8ExtaddPairwiseI8x16U(bytes)));

        var shorts = Vec.I16(short.MinValue, short.MinValue, short.MaxValue, short.MaxValue, -1, 1, -1, -1);
        Assert.Equal([-65536, 65534, 0, -2], Vec.ToI32(VectorOps.I32x4ExtaddPairwiseI16x8S(shorts)));
        Assert.Equal([65536, 65534, 65536, 131070], Vec.ToI32(VectorOps.I32x4ExtaddPairwiseI16x8U(shorts)));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void I32x4Dot_SumsAdjacentProductsAndWrapsAt32Bits(bool portable)
    {
        Func<Vector128<byte>, Vector128<byte>, Vector128<byte>> dot =
            portable ? VectorOps.DotI16x8Portable : VectorOps.I32x4DotI16x8S;
        var a = Vec.I16(short.MinValue, short.MinValue, 1, 2, -3, 4, short.MaxValue, short.MinValue);
        var b = Vec.I16(short.MinValue, short.MinValue, 5, 6, 7, -8, short.MaxValue, short.MaxValue);

        Assert.Equal([int.MinValue, 17, -53, 0x3FFF_0001 - 0x3FFF_8000], Vec.ToI32(dot(a, b)));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void I16x8Q15mulrSatS_RoundsAndSaturatesOnlyMinTimesMin(bool portable)
    {
        Func<Vector128<byte>, Vector128<byte>, Vector128<byte>> q15 =
            portable ? VectorOps.Q15MulRoundSaturatePortable : VectorOps.I16x8Q15mulrSatS;
        var a = Vec.I16(short.MinValue, 16384, 1, -1, short.MinValue, short.MaxValue, -16384, 3);
        var b = Vec.I16(short.MinValue, 16384, 16384, 16384, short.MaxValue, short.MaxValue, 16384, -16384);

        Assert.Equal([short.MaxValue, 8192, 1, 0, -32767, 32766, -8192, -1], Vec.ToI16(q15(a, b)));
    }
}
