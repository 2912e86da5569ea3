using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using ScriptRunner.Wasm.Execution.Instructions.Vector;

namespace ScriptRunner.Tests.Wasm.Execution.Vector;

public sealed class LanesTests
{
    private static readonly Vector128<byte> Sequence = Vec.U8(0x00, 0x11, 0x22, 0x33, 0x44, 0x55, 0x66, 0x77, 0x88, 0x99, 0xAA, 0xBB, 0xCC, 0xDD, 0xEE, 0xFF);

    [Fact]
    public void Splat_KeepsOnlyTheLowBitsForNarrowLanes()
    {
        Assert.Equal(Enumerable.Repeat((byte)0xFF, 16), Vec.ToU8(VectorOps.I8x16Splat(0x1FF)));
        Assert.Equal(Enumerable.Repeat((ushort)0x2345, 8), Vec.ToU16(VectorOps.I16x8Splat(0x12345)));
        Assert.Equal(Enumerable.Repeat(int.MinValue, 4), Vec.ToI32(VectorOps.I32x4Splat(int.MinValue)));
        Assert.Equal(Enumerable.Repeat(-2L, 2), Vec.ToI64(VectorOps.I64x2Splat(-2)));
    }

    [Fact]
    public void FloatSplat_CopiesBitsExactly()
    {
        Assert.Equal(Enumerable.Repeat(0x7FA0_0001u, 4), Vec.ToF32Bits(VectorOps.F32x4Splat(Vec.F32FromBits(0x7FA0_0001))));
        Assert.Equal(Enumerable.Repeat(0x8000_0000_0000_0000UL, 2), Vec.ToF64Bits(VectorOps.F64x2Splat(-0.0)));
    }

    [Fact]
    public void Lanes_AreLittleEndian_LaneZeroInTheLowestBytes()
    {
        Assert.Equal(0x1100, VectorOps.I16x8ExtractLaneU(Sequence, 0));
        Assert.Equal(0x3322_1100, VectorOps.I32x4ExtractLane(Sequence, 0));
        Assert.Equal(unchecked((int)0xFFEE_DDCC), VectorOps.I32x4ExtractLane(Sequence, 3));
        Assert.Equal(0x7766_5544_3322_1100, VectorOps.I64x2ExtractLane(Sequence, 0));
    }

    [Fact]
    public void ExtractLaneS_SignExtends_AndExtractLaneU_ZeroExtends()
    {
        Assert.Equal(-1, VectorOps.I8x16ExtractLaneS(Sequence, 15));
        Assert.Equal(0xFF, VectorOps.I8x16ExtractLaneU(Sequence, 15));
        Assert.Equal(0x77, VectorOps.I8x16ExtractLaneS(Sequence, 7));
        Assert.Equal(unchecked((short)0x9988), VectorOps.I16x8ExtractLaneS(Sequence, 4));
        Assert.Equal(0x9988, VectorOps.I16x8ExtractLaneU(Sequence, 4));
    }

    [Fact]
    public void FloatExtractLane_KeepsNaNPayloadBits()
    {
        var v = Vec.U32(0x7FA0_0001, 0xFFC0_1234, 0x8000_0000, 0x3F80_0000);

        Assert.Equal(0x7FA0_0001u, Vec.Bits(VectorOps.F32x4ExtractLane(v, 0)));
        Assert.Equal(0xFFC0_1234u, Vec.Bits(VectorOps.F32x4ExtractLane(v, 1)));
        Assert.Equal(0x8000_0000u, Vec.Bits(VectorOps.F32x4ExtractLane(v, 2)));
        Assert.Equal(0x7FF0_0000_0000_0001UL, Vec.Bits(VectorOps.F64x2ExtractLane(Vec.U64(0, 0x7FF0_0000_0000_0001), 1)));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void FloatExtractLane_OfAConstantVector_KeepsSignalingNaNBits_UnderFullOptimization(bool portable)
    {
        Assert.Equal(0x7FA0_0001u, portable ? ExtractLane0OfConstantPortable() : ExtractLane0OfConstant());
        Assert.Equal(0xFFA0_0002u, portable ? ExtractLane1OfConstantPortable() : ExtractLane1OfConstant());
        Assert.Equal(0x7FF4_0000_0000_0001UL, ExtractLane1OfConstant64());
    }

    [Fact]
    public void ReplaceLane_ChangesOnlyThatLane_WithTheLowBitsOfTheValue()
    {
        Assert.Equal([0x00, 0x11, 0x22, 0x33, 0x44, 0x55, 0x66, 0x77, 0x88, 0x99, 0xAA, 0xBB, 0xCC, 0x01, 0xEE, 0xFF],
            Vec.ToU8(VectorOps.I8x16ReplaceLane(Sequence, 0x301, 13)));
        Assert.Equal([0x1100, 0x3322, 0xBEEF, 0x7766, 0x9988, 0xBBAA, 0xDDCC, 0xFFEE],
            Vec.ToU16(VectorOps.I16x8ReplaceLane(Sequence, 0x7_BEEF, 2)));
        Assert.Equal([0x3322_1100, -1, unchecked((int)0xBBAA_9988), unchecked((int)0xFFEE_DDCC)],
            Vec.ToI32(VectorOps.I32x4ReplaceLane(Sequence, -1, 1)));
        Assert.Equal([0x7766_5544_3322_1100, long.MinValue], Vec.ToI64(VectorOps.I64x2ReplaceLane(Sequence, long.MinValue, 1)));
    }

    [Fact]
    public void FloatReplaceLane_StoresBitsExactly()
    {
        var f32 = VectorOps.F32x4ReplaceLane(Vec.U32(1, 2, 3, 4), Vec.F32FromBits(0xFFA0_0001), 3);
        var f64 = VectorOps.F64x2ReplaceLane(Vec.U64(1, 2), Vec.F64FromBits(0x7FF4_0000_0000_0001), 0);

        Assert.Equal([1u, 2, 3, 0xFFA0_0001], Vec.ToF32Bits(f32));
        Assert.Equal([0x7FF4_0000_0000_0001UL, 2], Vec.ToF64Bits(f64));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Swizzle_PicksLanesByIndex_AndZeroesOutOfRangeIndexes(bool portable)
    {
        Func<Vector128<byte>, Vector128<byte>, Vector128<byte>> swizzle =
            portable ? VectorOps.SwizzlePortable : VectorOps.I8x16Swizzle;
        var indexes = Vec.U8(15, 0, 16, 0x80, 0xFF, 1, 1, 31, 0x70, 0x8F, 14, 2, 3, 4, 17, 5);

        Assert.Equal([0xFF, 0x00, 0, 0, 0, 0x11, 0x11, 0, 0, 0, 0xEE, 0x22, 0x33, 0x44, 0, 0x55],
            Vec.ToU8(swizzle(Sequence, indexes)));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Shuffle_PicksFromTheConcatenationOfBothOperands(bool portable)
    {
        Func<Vector128<byte>, Vector128<byte>, Vector128<byte>, Vector128<byte>> shuffle =
            portable ? VectorOps.ShufflePortable : VectorOps.I8x16Shuffle;
        var second = Vec.U8(0xA0, 0xA1, 0xA2, 0xA3, 0xA4, 0xA5, 0xA6, 0xA7, 0xA8, 0xA9, 0xAA, 0xAB, 0xAC, 0xAD, 0xAE, 0xAF);
        var lanes = Vec.U8(0, 16, 15, 31, 1, 17, 1, 17, 8, 24, 14, 30, 7, 23, 16, 0);

        Assert.Equal([0x00, 0xA0, 0xFF, 0xAF, 0x11, 0xA1, 0x11, 0xA1, 0x88, 0xA8, 0xEE, 0xAE, 0x77, 0xA7, 0xA0, 0x00],
            Vec.ToU8(shuffle(Sequence, second, lanes)));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Shuffle_WithTheSameVectorTwice_ReadsIt(bool portable)
    {
        Func<Vector128<byte>, Vector128<byte>, Vector128<byte>, Vector128<byte>> shuffle =
            portable ? VectorOps.ShufflePortable : VectorOps.I8x16Shuffle;
        var reverse = Vec.U8(31, 30, 29, 28, 27, 26, 25, 24, 7, 6, 5, 4, 3, 2, 1, 0);

        Assert.Equal([0xFF, 0xEE, 0xDD, 0xCC, 0xBB, 0xAA, 0x99, 0x88, 0x77, 0x66, 0x55, 0x44, 0x33, 0x22, 0x11, 0x00],
            Vec.ToU8(shuffle(Sequence, Sequence, reverse)));
    }

    // Compiled with full optimization from the start, so VectorOps is inlined and sees a constant vector, as in hot
    // compiled Wasm code where v128.const feeds extract_lane. Each helper keeps the constant next to the extraction.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static uint ExtractLane0OfConstant() =>
        Vec.Bits(VectorOps.F32x4ExtractLane(Vector128.Create(0x7FA0_0001u, 0xFFA0_0002u, 3u, 4u).AsByte(), 0));

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static uint ExtractLane1OfConstant() =>
        Vec.Bits(VectorOps.F32x4ExtractLane(Vector128.Create(0x7FA0_0001u, 0xFFA0_0002u, 3u, 4u).AsByte(), 1));

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static uint ExtractLane0OfConstantPortable() =>
        Vec.Bits(VectorOps.ExtractF32Portable(Vector128.Create(0x7FA0_0001u, 0xFFA0_0002u, 3u, 4u).AsByte(), 0));

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static uint ExtractLane1OfConstantPortable() =>
        Vec.Bits(VectorOps.ExtractF32Portable(Vector128.Create(0x7FA0_0001u, 0xFFA0_0002u, 3u, 4u).AsByte(), 1));

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static ulong ExtractLane1OfConstant64() =>
        Vec.Bits(VectorOps.F64x2ExtractLane(Vector128.Create(2UL, 0x7FF4_0000_0000_0001UL).AsByte(), 1));
}
