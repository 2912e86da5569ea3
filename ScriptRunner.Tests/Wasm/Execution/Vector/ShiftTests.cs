using ScriptRunner.Wasm.Execution.Instructions.Vector;

namespace ScriptRunner.Tests.Wasm.Execution.Vector;

public sealed class ShiftTests
{
    private static readonly sbyte[] Bytes = [1, -128, 0x40, -1, 0x7F, 0x10, -2, 3, 5, 6, 7, 8, 9, 10, 11, -64];

    [Theory]
    [InlineData(1, 1)]
    [InlineData(9, 1)]
    [InlineData(8, 0)]
    [InlineData(-1, 7)]
    [InlineData(int.MinValue + 3, 3)]
    public void I8x16Shifts_UseTheCountModulo8(int count, int effective)
    {
        var v = Vec.I8(Bytes);

        Assert.Equal(Bytes.Select(b => (sbyte)(b << effective)), Vec.ToI8(VectorOps.I8x16Shl(v, count)));
        Assert.Equal(Bytes.Select(b => (sbyte)(b >> effective)), Vec.ToI8(VectorOps.I8x16ShrS(v, count)));
        Assert.Equal(Bytes.Select(b => (byte)((byte)b >> effective)), Vec.ToU8(VectorOps.I8x16ShrU(v, count)));
    }

    [Theory]
    [InlineData(4, 4)]
    [InlineData(17, 1)]
    [InlineData(16, 0)]
    [InlineData(-1, 15)]
    public void I16x8Shifts_UseTheCountModulo16(int count, int effective)
    {
        short[] lanes = [1, short.MinValue, 0x4000, -1, 0x7FFF, 0x1234, -2, unchecked((short)0x8421)];
        var v = Vec.I16(lanes);

        Assert.Equal(lanes.Select(x => (short)(x << effective)), Vec.ToI16(VectorOps.I16x8Shl(v, count)));
        Assert.Equal(lanes.Select(x => (short)(x >> effective)), Vec.ToI16(VectorOps.I16x8ShrS(v, count)));
        Assert.Equal(lanes.Select(x => (ushort)((ushort)x >> effective)), Vec.ToU16(VectorOps.I16x8ShrU(v, count)));
    }

    [Theory]
    [InlineData(7, 7)]
    [InlineData(33, 1)]
    [InlineData(32, 0)]
    [InlineData(-1, 31)]
    public void I32x4Shifts_UseTheCountModulo32(int count, int effective)
    {
        int[] lanes = [1, int.MinValue, -1, 0x1234_5678];
        var v = Vec.I32(lanes);

        Assert.Equal(lanes.Select(x => x << effective), Vec.ToI32(VectorOps.I32x4Shl(v, count)));
        Assert.Equal(lanes.Select(x => x >> effective), Vec.ToI32(VectorOps.I32x4ShrS(v, count)));
        Assert.Equal(lanes.Select(x => (uint)x >> effective), Vec.ToU32(VectorOps.I32x4ShrU(v, count)));
    }

    [Theory]
    [InlineData(12, 12)]
    [InlineData(65, 1)]
    [InlineData(64, 0)]
    [InlineData(-1, 63)]
    public void I64x2Shifts_UseTheCountModulo64(int count, int effective)
    {
        long[] lanes = [long.MinValue + 0x1234, 0x0123_4567_89AB_CDEF];
        var v = Vec.I64(lanes);

        Assert.Equal(lanes.Select(x => x << effective), Vec.ToI64(VectorOps.I64x2Shl(v, count)));
        Assert.Equal(lanes.Select(x => x >> effective), Vec.ToI64(VectorOps.I64x2ShrS(v, count)));
        Assert.Equal(lanes.Select(x => (ulong)x >> effective), Vec.ToU64(VectorOps.I64x2ShrU(v, count)));
    }

    [Fact]
    public void ShrS_FillsWithTheSignBit_WhileShrU_FillsWithZeros()
    {
        Assert.Equal(-1, Vec.ToI8(VectorOps.I8x16ShrS(Vec.I8(Bytes), 7))[1]);
        Assert.Equal(1, Vec.ToI8(VectorOps.I8x16ShrU(Vec.I8(Bytes), 7))[1]);
        Assert.Equal([-2, 1], Vec.ToI64(VectorOps.I64x2ShrS(Vec.I64(long.MinValue, long.MaxValue), 62)));
        Assert.Equal([2UL, 1UL], Vec.ToU64(VectorOps.I64x2ShrU(Vec.I64(long.MinValue, long.MaxValue), 62)));
    }
}
