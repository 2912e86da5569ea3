using ScriptRunner.Wasm;

namespace ScriptRunner.Tests.Wasm.Execution;

public class NumericTests
{
    private const string Module = """
        (module
          (func (export "i32.div_s") (param i32 i32) (result i32) (i32.div_s (local.get 0) (local.get 1)))
          (func (export "i32.rem_s") (param i32 i32) (result i32) (i32.rem_s (local.get 0) (local.get 1)))
          (func (export "i32.div_u") (param i32 i32) (result i32) (i32.div_u (local.get 0) (local.get 1)))
          (func (export "i64.div_s") (param i64 i64) (result i64) (i64.div_s (local.get 0) (local.get 1)))
          (func (export "i64.rem_s") (param i64 i64) (result i64) (i64.rem_s (local.get 0) (local.get 1)))
          (func (export "i32.shl") (param i32 i32) (result i32) (i32.shl (local.get 0) (local.get 1)))
          (func (export "i64.shr_u") (param i64 i64) (result i64) (i64.shr_u (local.get 0) (local.get 1)))
          (func (export "i32.rotl") (param i32 i32) (result i32) (i32.rotl (local.get 0) (local.get 1)))
          (func (export "i64.rotr") (param i64 i64) (result i64) (i64.rotr (local.get 0) (local.get 1)))
          (func (export "i32.clz") (param i32) (result i32) (i32.clz (local.get 0)))
          (func (export "i64.ctz") (param i64) (result i64) (i64.ctz (local.get 0)))
          (func (export "i64.popcnt") (param i64) (result i64) (i64.popcnt (local.get 0)))
          (func (export "i32.trunc_f32_s") (param f32) (result i32) (i32.trunc_f32_s (local.get 0)))
          (func (export "i64.trunc_f64_u") (param f64) (result i64) (i64.trunc_f64_u (local.get 0)))
          (func (export "i32.trunc_sat_f64_s") (param f64) (result i32) (i32.trunc_sat_f64_s (local.get 0)))
          (func (export "i64.trunc_sat_f32_u") (param f32) (result i64) (i64.trunc_sat_f32_u (local.get 0)))
          (func (export "f32.min") (param f32 f32) (result f32) (f32.min (local.get 0) (local.get 1)))
          (func (export "f64.max") (param f64 f64) (result f64) (f64.max (local.get 0) (local.get 1)))
          (func (export "f32.nearest") (param f32) (result f32) (f32.nearest (local.get 0)))
          (func (export "f64.nearest") (param f64) (result f64) (f64.nearest (local.get 0)))
          (func (export "f32.neg") (param f32) (result f32) (f32.neg (local.get 0)))
          (func (export "f64.abs") (param f64) (result f64) (f64.abs (local.get 0)))
          (func (export "f32.copysign") (param f32 f32) (result f32) (f32.copysign (local.get 0) (local.get 1)))
          (func (export "f32.convert_i64_s") (param i64) (result f32) (f32.convert_i64_s (local.get 0)))
          (func (export "f32.convert_i64_u") (param i64) (result f32) (f32.convert_i64_u (local.get 0)))
          (func (export "f64.convert_i64_u") (param i64) (result f64) (f64.convert_i64_u (local.get 0)))
          (func (export "f32.demote_f64") (param f64) (result f32) (f32.demote_f64 (local.get 0)))
          (func (export "i32.reinterpret_f32") (param f32) (result i32) (i32.reinterpret_f32 (local.get 0)))
          (func (export "i64.extend8_s") (param i64) (result i64) (i64.extend8_s (local.get 0)))
          (func (export "i64.extend_i32_u") (param i32) (result i64) (i64.extend_i32_u (local.get 0)))
          (func (export "f32.le") (param f32 f32) (result i32) (f32.le (local.get 0) (local.get 1))))
        """;

    private static readonly WasmFixtureCache Fixture = new(Module);

    private static Value I32(int v) => Value.FromI32(v);

    private static Value I64(long v) => Value.FromI64(v);

    private static Value F32(float v) => Value.FromF32(v);

    private static Value F64(double v) => Value.FromF64(v);

    private static TrapException Trap(string name, params Value[] args) =>
        Assert.Throws<TrapException>(() => Fixture.Call(name, args));

    [Fact]
    public void DivS_MinValueByMinusOne_TrapsWithIntegerOverflow()
    {
        var trap = Trap("i32.div_s", I32(int.MinValue), I32(-1));
        Assert.Equal(TrapKind.IntegerOverflow, trap.Kind);
        Assert.Equal("integer overflow", trap.Message);
    }

    [Fact]
    public void I64DivS_MinValueByMinusOne_TrapsWithIntegerOverflow() =>
        Assert.Equal("integer overflow", Trap("i64.div_s", I64(long.MinValue), I64(-1)).Message);

    [Fact]
    public void RemS_MinValueByMinusOne_IsZero()
    {
        Assert.Equal(0, Fixture.Call("i32.rem_s", I32(int.MinValue), I32(-1))[0].AsI32());
        Assert.Equal(0L, Fixture.Call("i64.rem_s", I64(long.MinValue), I64(-1))[0].AsI64());
    }

    [Fact]
    public void RemS_KeepsTheDividendSign() => Assert.Equal(-1, Fixture.Call("i32.rem_s", I32(-7), I32(2))[0].AsI32());

    [Theory]
    [InlineData("i32.div_s")]
    [InlineData("i32.div_u")]
    [InlineData("i32.rem_s")]
    public void Division_ByZero_TrapsWithIntegerDivideByZero(string name)
    {
        var trap = Trap(name, I32(1), I32(0));
        Assert.Equal(TrapKind.IntegerDivideByZero, trap.Kind);
        Assert.Equal("integer divide by zero", trap.Message);
    }

    [Fact]
    public void DivU_TreatsOperandsAsUnsigned() =>
        Assert.Equal(int.MaxValue, Fixture.Call("i32.div_u", I32(-2), I32(2))[0].AsI32());

    [Fact]
    public void Shifts_UseTheCountModuloTheWidth()
    {
        Assert.Equal(2, Fixture.Call("i32.shl", I32(1), I32(33))[0].AsI32());
        Assert.Equal(1L, Fixture.Call("i64.shr_u", I64(long.MinValue), I64(127))[0].AsI64());
    }

    [Fact]
    public void Rotations_WrapBitsAround()
    {
        Assert.Equal(unchecked((int)0x00000003), Fixture.Call("i32.rotl", I32(unchecked((int)0x80000001)), I32(1))[0].AsI32());
        Assert.Equal(long.MinValue, Fixture.Call("i64.rotr", I64(1), I64(65))[0].AsI64());
    }

    [Fact]
    public void BitCounts_CountZeroInputsAsTheFullWidth()
    {
        Assert.Equal(32, Fixture.Call("i32.clz", I32(0))[0].AsI32());
        Assert.Equal(64L, Fixture.Call("i64.ctz", I64(0))[0].AsI64());
        Assert.Equal(64L, Fixture.Call("i64.popcnt", I64(-1))[0].AsI64());
    }

    [Fact]
    public void Trunc_NaN_TrapsWithInvalidConversion()
    {
        var trap = Trap("i32.trunc_f32_s", F32(float.NaN));
        Assert.Equal(TrapKind.InvalidConversionToInteger, trap.Kind);
        Assert.Equal("invalid conversion to integer", trap.Message);
    }

    [Fact]
    public void Trunc_OutOfRange_TrapsWithIntegerOverflow()
    {
        Assert.Equal("integer overflow", Trap("i32.trunc_f32_s", F32(2147483648f)).Message);
        Assert.Equal("integer overflow", Trap("i64.trunc_f64_u", F64(-1.0)).Message);
    }

    [Fact]
    public void Trunc_JustInsideTheRange_Truncates()
    {
        Assert.Equal(int.MinValue, Fixture.Call("i32.trunc_f32_s", F32(-2147483648f))[0].AsI32());
        Assert.Equal(0L, Fixture.Call("i64.trunc_f64_u", F64(-0.999))[0].AsI64());
        Assert.Equal(unchecked((long)18446744073709549568UL), Fixture.Call("i64.trunc_f64_u", F64(18446744073709549568.0))[0].AsI64());
    }

    [Fact]
    public void TruncSat_SaturatesAndMapsNaNToZero()
    {
        Assert.Equal(int.MaxValue, Fixture.Call("i32.trunc_sat_f64_s", F64(1e300))[0].AsI32());
        Assert.Equal(int.MinValue, Fixture.Call("i32.trunc_sat_f64_s", F64(double.NegativeInfinity))[0].AsI32());
        Assert.Equal(0, Fixture.Call("i32.trunc_sat_f64_s", F64(double.NaN))[0].AsI32());
        Assert.Equal(-1L, Fixture.Call("i64.trunc_sat_f32_u", F32(float.PositiveInfinity))[0].AsI64());
        Assert.Equal(0L, Fixture.Call("i64.trunc_sat_f32_u", F32(-5f))[0].AsI64());
    }

    [Fact]
    public void MinMax_OrderSignedZeros()
    {
        Assert.Equal(0x80000000u, Fixture.Call("f32.min", F32(0f), F32(-0f))[0].AsF32Bits());
        Assert.Equal(0UL, Fixture.Call("f64.max", F64(-0.0), F64(0.0))[0].AsF64Bits());
    }

    [Fact]
    public void MinMax_WithNaN_ReturnQuietNaN()
    {
        var signalling = Value.FromF32Bits(0x7FA00000);
        var result = Fixture.Call("f32.min", signalling, F32(1f))[0];
        Assert.True(float.IsNaN(result.AsF32()));
        Assert.NotEqual(0u, result.AsF32Bits() & 0x00400000u);
        Assert.True(double.IsNaN(Fixture.Call("f64.max", F64(1.0), F64(double.NaN))[0].AsF64()));
    }

    [Theory]
    [InlineData(0.5f, 0f)]
    [InlineData(1.5f, 2f)]
    [InlineData(2.5f, 2f)]
    [InlineData(-2.5f, -2f)]
    [InlineData(-0.4f, -0f)]
    public void Nearest_RoundsHalfToEven(float input, float expected)
    {
        var actual = Fixture.Call("f32.nearest", F32(input))[0].AsF32();
        Assert.Equal(BitConverter.SingleToUInt32Bits(expected), BitConverter.SingleToUInt32Bits(actual));
    }

    [Fact]
    public void Nearest_F64_RoundsHalfToEven() => Assert.Equal(4.0, Fixture.Call("f64.nearest", F64(4.5))[0].AsF64());

    [Fact]
    public void SignOperations_KeepNaNPayloads()
    {
        Assert.Equal(0xFFA00001u, Fixture.Call("f32.neg", Value.FromF32Bits(0x7FA00001))[0].AsF32Bits());
        Assert.Equal(0x7FF0000000000123UL, Fixture.Call("f64.abs", Value.FromF64Bits(0xFFF0000000000123))[0].AsF64Bits());
        Assert.Equal(0xFFC01234u, Fixture.Call("f32.copysign", Value.FromF32Bits(0x7FC01234), F32(-1f))[0].AsF32Bits());
    }

    [Fact]
    public void ConvertI64ToF32_IsCorrectlyRoundedWithoutDoubleRounding()
    {
        // Through a double this value rounds down to 2^60; rounded once it is 2^60 + 2^37.
        Assert.Equal(0x5D800001u, Fixture.Call("f32.convert_i64_s", I64(0x1000001000000001))[0].AsF32Bits());
        Assert.Equal(0x5D800001u, Fixture.Call("f32.convert_i64_u", I64(0x1000001000000001))[0].AsF32Bits());
        Assert.Equal(0xDD800001u, Fixture.Call("f32.convert_i64_s", I64(-0x1000001000000001))[0].AsF32Bits());
    }

    [Fact]
    public void ConvertU64_AboveTwoToThe63_IsUnsignedAndCorrectlyRounded()
    {
        Assert.Equal(0x5F000001u, Fixture.Call("f32.convert_i64_u", I64(unchecked((long)0x8000008000000001UL)))[0].AsF32Bits());
        Assert.Equal(18446744073709551616.0, Fixture.Call("f64.convert_i64_u", I64(-1))[0].AsF64());
    }

    [Fact]
    public void Demote_RoundsToNearestFloat() =>
        Assert.Equal(BitConverter.SingleToUInt32Bits(0.1f), Fixture.Call("f32.demote_f64", F64(0.1))[0].AsF32Bits());

    [Fact]
    public void Reinterpret_KeepsBits() =>
        Assert.Equal(unchecked((int)0x7FA00000), Fixture.Call("i32.reinterpret_f32", Value.FromF32Bits(0x7FA00000))[0].AsI32());

    [Fact]
    public void Extensions_SignOrZeroExtend()
    {
        Assert.Equal(-128L, Fixture.Call("i64.extend8_s", I64(0x180))[0].AsI64());
        Assert.Equal(0xFFFFFFFFL, Fixture.Call("i64.extend_i32_u", I32(-1))[0].AsI64());
    }

    [Fact]
    public void FloatComparison_WithNaN_IsFalse()
    {
        Assert.Equal(0, Fixture.Call("f32.le", F32(float.NaN), F32(1f))[0].AsI32());
        Assert.Equal(1, Fixture.Call("f32.le", F32(1f), F32(1f))[0].AsI32());
    }
}
