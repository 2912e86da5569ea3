using ScriptRunner.Wasm.Execution.Instructions.Vector;

namespace ScriptRunner.Tests.Wasm.Execution.Vector;

public sealed class ReductionTests
{
    [Fact]
    public void AnyTrue_OfZero_IsZero()
    {
        Assert.Equal(0, VectorOps.V128AnyTrue(Vec.U64(0, 0)));
    }

    [Fact]
    public void AnyTrue_WithOnlyTheTopBitSet_IsOne()
    {
        Assert.Equal(1, VectorOps.V128AnyTrue(Vec.U64(0, 0x8000_0000_0000_0000)));
    }

    [Fact]
    public void I8x16AllTrue_IsZeroWhenAnyByteIsZero()
    {
        Assert.Equal(1, VectorOps.I8x16AllTrue(Vec.U8(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 0x80)));
        Assert.Equal(0, VectorOps.I8x16AllTrue(Vec.U8(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 0)));
    }

    [Fact]
    public void I16x8AllTrue_CountsLanesWhoseOnlyBitsAreInTheHighByteAsTrue()
    {
        Assert.Equal(1, VectorOps.I16x8AllTrue(Vec.U16(0x0100, 1, 1, 1, 1, 1, 1, 0x8000)));
        Assert.Equal(0, VectorOps.I16x8AllTrue(Vec.U16(0x0100, 1, 1, 1, 0, 1, 1, 0x8000)));
    }

    [Fact]
    public void I32x4AllTrue_IsZeroWhenAnyLaneIsZero()
    {
        Assert.Equal(1, VectorOps.I32x4AllTrue(Vec.U32(0x0100_0000, 1, 0x10000, 0x8000_0000)));
        Assert.Equal(0, VectorOps.I32x4AllTrue(Vec.U32(0x0100_0000, 1, 0, 0x8000_0000)));
    }

    [Fact]
    public void I64x2AllTrue_CountsLanesWithOnlyUpperHalfBitsAsTrue()
    {
        Assert.Equal(1, VectorOps.I64x2AllTrue(Vec.U64(0x1_0000_0000, 1)));
        Assert.Equal(0, VectorOps.I64x2AllTrue(Vec.U64(0x1_0000_0000, 0)));
    }

    [Fact]
    public void I8x16Bitmask_CollectsSignBitsLaneZeroFirst()
    {
        var v = Vec.I8(-1, 0, 0x7F, 0, 0, 0, 0, 0, -128, 0, 0, 0, 0, 0, 0, -2);

        Assert.Equal(0b1000_0001_0000_0001, VectorOps.I8x16Bitmask(v));
    }

    [Fact]
    public void I16x8Bitmask_CollectsSignBitsOfEachLane()
    {
        var v = Vec.I16(-1, 0x7FFF, 0x00FF, short.MinValue, 0, 0, 0, -32);

        Assert.Equal(0b1000_1001, VectorOps.I16x8Bitmask(v));
    }

    [Fact]
    public void I32x4Bitmask_CollectsSignBitsOfEachLane()
    {
        Assert.Equal(0b1010, VectorOps.I32x4Bitmask(Vec.I32(int.MaxValue, -1, 0xFFFF, int.MinValue)));
    }

    [Fact]
    public void I64x2Bitmask_CollectsSignBitsOfEachLane()
    {
        Assert.Equal(0b01, VectorOps.I64x2Bitmask(Vec.I64(long.MinValue, 0x7FFF_FFFF_FFFF_FFFF)));
        Assert.Equal(0b10, VectorOps.I64x2Bitmask(Vec.I64(0xFFFF_FFFF, -1)));
    }
}
