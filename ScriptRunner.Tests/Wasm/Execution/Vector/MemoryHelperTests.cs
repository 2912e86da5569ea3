using ScriptRunner.Wasm.Execution.Instructions.Vector;

namespace ScriptRunner.Tests.Wasm.Execution.Vector;

public sealed class MemoryHelperTests
{
    // Bytes 80 FF 01 7F 00 80 FE 82 in memory order (little-endian).
    private const ulong Loaded = 0x82FE_8000_7F01_FF80;

    [Fact]
    public void Load8x8_SignOrZeroExtendsEachByteInMemoryOrder()
    {
        Assert.Equal([-128, -1, 1, 127, 0, -128, -2, -126], Vec.ToI16(VectorOps.V128Load8x8S(Loaded)));
        Assert.Equal([128, 255, 1, 127, 0, 128, 254, 130], Vec.ToI16(VectorOps.V128Load8x8U(Loaded)));
    }

    [Fact]
    public void Load16x4_SignOrZeroExtendsEachHalfword()
    {
        Assert.Equal([-128, 0x7F01, short.MinValue, unchecked((short)0x82FE)], Vec.ToI32(VectorOps.V128Load16x4S(Loaded)));
        Assert.Equal([0xFF80, 0x7F01, 0x8000, 0x82FE], Vec.ToI32(VectorOps.V128Load16x4U(Loaded)));
    }

    [Fact]
    public void Load32x2_SignOrZeroExtendsEachWord()
    {
        Assert.Equal([0x7F01_FF80, unchecked((int)0x82FE_8000)], Vec.ToI64(VectorOps.V128Load32x2S(Loaded)));
        Assert.Equal([0x7F01_FF80, 0x82FE_8000], Vec.ToI64(VectorOps.V128Load32x2U(Loaded)));
    }

    [Fact]
    public void LoadSplat_RepeatsTheLoadedValueInEveryLane()
    {
        Assert.Equal(Enumerable.Repeat((byte)0x80, 16), Vec.ToU8(VectorOps.V128Load8Splat(0x80)));
        Assert.Equal(Enumerable.Repeat((ushort)0xFF80, 8), Vec.ToU16(VectorOps.V128Load16Splat(0xFF80)));
        Assert.Equal(Enumerable.Repeat(0x7F01_FF80u, 4), Vec.ToU32(VectorOps.V128Load32Splat(0x7F01_FF80)));
        Assert.Equal(Enumerable.Repeat(Loaded, 2), Vec.ToU64(VectorOps.V128Load64Splat(Loaded)));
    }

    [Fact]
    public void LoadZero_PutsTheValueInLaneZeroAndClearsTheRest()
    {
        Assert.Equal([0xFFFF_FFFFu, 0, 0, 0], Vec.ToU32(VectorOps.V128Load32Zero(0xFFFF_FFFF)));
        Assert.Equal([Loaded, 0UL], Vec.ToU64(VectorOps.V128Load64Zero(Loaded)));
    }
}
