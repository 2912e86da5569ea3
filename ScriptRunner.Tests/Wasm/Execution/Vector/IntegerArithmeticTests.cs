using System.Runtime.Intrinsics;
using ScriptRunner.Wasm.Execution.Instructions.Vector;

namespace ScriptRunner.Tests.Wasm.Execution.Vector;

public sealed class IntegerArithmeticTests
{
    [Fact]
    public void Add_WrapsAroundInEveryShape()
    {
        Assert.Equal(-128, Vec.ToI8(VectorOps.I8x16Add(Vec.I8(127, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0), I8Splat(1)))[0]);
        Assert.Equal(0, Vec.ToU16(VectorOps.I16x8Add(Vec.U16(0xFFFF, 0, 0, 0, 0, 0, 0, 0), Vec.U16(1, 1, 1, 1, 1, 1, 1, 1)))[0]);
        Assert.Equal(int.MinValue, Vec.ToI32(VectorOps.I32x4Add(Vec.I32(int.MaxValue, 0, 0, 0), Vec.I32(1, 0, 0, 0)))[0]);
        Assert.Equal([long.MinValue, 0], Vec.ToI64(VectorOps.I64x2Add(Vec.I64(long.MaxValue, -1), Vec.I64(1, 1))));
    }

    [Fact]
    public void Sub_WrapsAroundInEveryShape()
    {
        Assert.Equal(127, Vec.ToI8(VectorOps.I8x16Sub(I8Splat(-128), I8Splat(1)))[15]);
        Assert.Equal(0xFFFF, Vec.ToU16(VectorOps.I16x8Sub(Vec.U16(0, 0, 0, 0, 0, 0, 0, 0), Vec.U16(1, 1, 1, 1, 1, 1, 1, 1)))[7]);
        Assert.Equal(int.MaxValue, Vec.ToI32(VectorOps.I32x4Sub(Vec.I32(0, 0, 0, int.MinValue), Vec.I32(0, 0, 0, 1)))[3]);
        Assert.Equal([long.MaxValue, -1], Vec.ToI64(VectorOps.I64x2Sub(Vec.I64(long.MinValue, 0), Vec.I64(1, 1))));
    }

    [Fact]
    public void Mul_KeepsTheLowBitsOfTheProduct()
    {
        Assert.Equal([-2, 0, 1, short.MinValue, 0, 0, 0, 6],
            Vec.ToI16(VectorOps.I16x8Mul(Vec.I16(0x7FFF, 256, -1, short.MinValue, 0, 0, 0, 2), Vec.I16(2, 256, -1, -1, 0, 0, 0, 3))));
        Assert.Equal([0, 1, int.MinValue, -6],
            Vec.ToI32(VectorOps.I32x4Mul(Vec.I32(0x10000, -1, int.MinValue, 2), Vec.I32(0x10000, -1, -1, -3))));
        Assert.Equal([0, long.MinValue],
            Vec.ToI64(VectorOps.I64x2Mul(Vec.I64(0x1_0000_0000, long.MinValue), Vec.I64(0x1_0000_0000, -1))));
        Assert.Equal([unchecked((long)0xFFFF_FFFE_0000_0001), 0x7FFF_FFFF_FFFF_FFFF],
            Vec.ToI64(VectorOps.I64x2Mul(Vec.I64(0xFFFF_FFFF, long.MaxValue), Vec.I64(0xFFFF_FFFF, 1))));
    }

    [Fact]
    public void Neg_OfMinValue_StaysMinValue()
    {
        Assert.Equal(I8Lanes(-128), Vec.ToI8(VectorOps.I8x16Neg(I8Splat(-128))));
        Assert.Equal([short.MinValue, -1, 1, 0, -0x7FFF, 0, 0, 0],
            Vec.ToI16(VectorOps.I16x8Neg(Vec.I16(short.MinValue, 1, -1, 0, 0x7FFF, 0, 0, 0))));
        Assert.Equal([int.MinValue, -5, 5, 0], Vec.ToI32(VectorOps.I32x4Neg(Vec.I32(int.MinValue, 5, -5, 0))));
        Assert.Equal([long.MinValue, -long.MaxValue], Vec.ToI64(VectorOps.I64x2Neg(Vec.I64(long.MinValue, long.MaxValue))));
    }

    [Fact]
    public void Abs_MakesNegativeLanesPositive()
    {
        Assert.Equal([5, 5, 0, 127, 127, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0],
            Vec.ToI8(VectorOps.I8x16Abs(Vec.I8(-5, 5, 0, 127, -127, -1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0))));
        Assert.Equal([5, 5, 0, short.MaxValue, short.MaxValue, 1, 1, 0],
            Vec.ToI16(VectorOps.I16x8Abs(Vec.I16(-5, 5, 0, short.MaxValue, -short.MaxValue, -1, 1, 0))));
        Assert.Equal([int.MaxValue, int.MaxValue, 0, 1], Vec.ToI32(VectorOps.I32x4Abs(Vec.I32(-int.MaxValue, int.MaxValue, 0, -1))));
        Assert.Equal([long.MaxValue, 1], Vec.ToI64(VectorOps.I64x2Abs(Vec.I64(-long.MaxValue, -1))));
    }

    [Fact]
    public void Abs_OfMinValue_StaysMinValue()
    {
        Assert.Equal(I8Lanes(-128), Vec.ToI8(VectorOps.I8x16Abs(I8Splat(-128))));
        Assert.Equal(short.MinValue, Vec.ToI16(VectorOps.I16x8Abs(Vec.I16(0, 0, 0, 0, 0, 0, 0, short.MinValue)))[7]);
        Assert.Equal(int.MinValue, Vec.ToI32(VectorOps.I32x4Abs(Vec.I32(0, int.MinValue, 0, 0)))[1]);
        Assert.Equal([long.MinValue, 0], Vec.ToI64(VectorOps.I64x2Abs(Vec.I64(long.MinValue, 0))));
    }

    [Fact]
    public void I8x16AddSat_ClampsToTheSignedOrUnsignedRange()
    {
        var a = Vec.I8(100, -100, 127, -128, 1, -1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
        var b = Vec.I8(100, -100, 1, -1, -1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

        Assert.Equal([127, -128, 127, -128, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0], Vec.ToI8(VectorOps.I8x16AddSatS(a, b)));
        Assert.Equal([200, 255, 128, 255, 255, 255, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0], Vec.ToU8(VectorOps.I8x16AddSatU(a, b)));
    }

    [Fact]
    public void I8x16SubSat_ClampsToTheSignedOrUnsignedRange()
    {
        var a = Vec.I8(100, -100, -128, 127, 10, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
        var b = Vec.I8(-100, 100, 1, -1, 20, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

        Assert.Equal([127, -128, -128, 127, -10, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0], Vec.ToI8(VectorOps.I8x16SubSatS(a, b)));
        Assert.Equal([0, 56, 127, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0], Vec.ToU8(VectorOps.I8x16SubSatU(a, b)));
    }

    [Fact]
    public void I16x8AddSat_ClampsToTheSignedOrUnsignedRange()
    {
        var a = Vec.I16(30000, -30000, short.MaxValue, short.MinValue, 1, -1, 0, 0);
        var b = Vec.I16(30000, -30000, 1, -1, -1, 1, 0, 0);

        Assert.Equal([short.MaxValue, short.MinValue, short.MaxValue, short.MinValue, 0, 0, 0, 0],
            Vec.ToI16(VectorOps.I16x8AddSatS(a, b)));
        Assert.Equal([60000, 0xFFFF, 0x8000, 0xFFFF, 0xFFFF, 0xFFFF, 0, 0], Vec.ToU16(VectorOps.I16x8AddSatU(a, b)));
    }

    [Fact]
    public void I16x8SubSat_ClampsToTheSignedOrUnsignedRange()
    {
        var a = Vec.I16(30000, -30000, short.MinValue, short.MaxValue, 10, 0, 0, 0);
        var b = Vec.I16(-30000, 30000, 1, -1, 20, 0, 0, 0);

        Assert.Equal([short.MaxValue, short.MinValue, short.MinValue, short.MaxValue, -10, 0, 0, 0],
            Vec.ToI16(VectorOps.I16x8SubSatS(a, b)));
        Assert.Equal([0, 5536, 0x7FFF, 0, 0, 0, 0, 0], Vec.ToU16(VectorOps.I16x8SubSatU(a, b)));
    }

    [Fact]
    public void MinMax_SignedAndUnsigned_DisagreeOnNegativeLanes()
    {
        var a8 = I8Splat(-1);
        var b8 = I8Splat(1);
        Assert.Equal(I8Lanes(-1), Vec.ToI8(VectorOps.I8x16MinS(a8, b8)));
        Assert.Equal(I8Lanes(1), Vec.ToI8(VectorOps.I8x16MinU(a8, b8)));
        Assert.Equal(I8Lanes(1), Vec.ToI8(VectorOps.I8x16MaxS(a8, b8)));
        Assert.Equal(I8Lanes(-1), Vec.ToI8(VectorOps.I8x16MaxU(a8, b8)));

        var a16 = Vec.I16(short.MinValue, 5, 0, 0, 0, 0, 0, -1);
        var b16 = Vec.I16(short.MaxValue, 7, 0, 0, 0, 0, 0, 0);
        Assert.Equal([short.MinValue, 5, 0, 0, 0, 0, 0, -1], Vec.ToI16(VectorOps.I16x8MinS(a16, b16)));
        Assert.Equal([short.MaxValue, 5, 0, 0, 0, 0, 0, 0], Vec.ToI16(VectorOps.I16x8MinU(a16, b16)));
        Assert.Equal([short.MaxValue, 7, 0, 0, 0, 0, 0, 0], Vec.ToI16(VectorOps.I16x8MaxS(a16, b16)));
        Assert.Equal([short.MinValue, 7, 0, 0, 0, 0, 0, -1], Vec.ToI16(VectorOps.I16x8MaxU(a16, b16)));

        var a32 = Vec.I32(int.MinValue, -1, 3, 0);
        var b32 = Vec.I32(int.MaxValue, 1, 2, 0);
        Assert.Equal([int.MinValue, -1, 2, 0], Vec.ToI32(VectorOps.I32x4MinS(a32, b32)));
        Assert.Equal([int.MaxValue, 1, 2, 0], Vec.ToI32(VectorOps.I32x4MinU(a32, b32)));
        Assert.Equal([int.MaxValue, 1, 3, 0], Vec.ToI32(VectorOps.I32x4MaxS(a32, b32)));
        Assert.Equal([int.MinValue, -1, 3, 0], Vec.ToI32(VectorOps.I32x4MaxU(a32, b32)));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void I8x16AvgrU_RoundsHalvesUpWithoutOverflow(bool portable)
    {
        Func<Vector128<byte>, Vector128<byte>, Vector128<byte>> avgr =
            portable ? VectorOps.AverageRoundingUpPortable : VectorOps.I8x16AvgrU;
        var a = Vec.U8(255, 0, 254, 1, 0, 3, 100, 0, 0, 0, 0, 0, 0, 0, 0, 128);
        var b = Vec.U8(255, 1, 255, 2, 0, 4, 201, 0, 0, 0, 0, 0, 0, 0, 0, 255);

        Assert.Equal([255, 1, 255, 2, 0, 4, 151, 0, 0, 0, 0, 0, 0, 0, 0, 192], Vec.ToU8(avgr(a, b)));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void I16x8AvgrU_RoundsHalvesUpWithoutOverflow(bool portable)
    {
        Func<Vector128<byte>, Vector128<byte>, Vector128<byte>> avgr = portable
            ? (a, b) => VectorOps.AverageRoundingUpPortable(a.AsUInt16(), b.AsUInt16()).AsByte()
            : VectorOps.I16x8AvgrU;
        var a = Vec.U16(0xFFFF, 0, 0xFFFE, 1, 0, 3, 40000, 0x8000);
        var b = Vec.U16(0xFFFF, 1, 0xFFFF, 2, 0, 4, 60001, 0xFFFF);

        Assert.Equal([0xFFFF, 1, 0xFFFF, 2, 0, 4, 50001, 0xC000], Vec.ToU16(avgr(a, b)));
    }

    [Fact]
    public void I8x16Popcnt_CountsSetBitsPerLane()
    {
        var v = Vec.U8(0, 0xFF, 0x80, 0x01, 0x55, 0xAA, 0x0F, 0xF0, 0x81, 0x7E, 0x33, 0xCC, 3, 7, 0xFE, 0x10);

        Assert.Equal([0, 8, 1, 1, 4, 4, 4, 4, 2, 6, 4, 4, 2, 3, 7, 1], Vec.ToU8(VectorOps.I8x16Popcnt(v)));
    }

    private static Vector128<byte> I8Splat(sbyte x) => Vector128.Create(x).AsByte();

    private static sbyte[] I8Lanes(sbyte x) => Enumerable.Repeat(x, 16).ToArray();
}
