using System.Runtime.Intrinsics;
using ScriptRunner.Wasm;

namespace ScriptRunner.Tests.Wasm.Conformance;

/// <summary>The harness's value notation: building arguments and matching expectations bit-exactly.</summary>
public sealed class WastValueTests
{
    private readonly ExternRefs _refs = new();

    private static WastValue Scalar(string type, string value) => new(type, null, value, null);

    private static WastValue Lanes(string laneType, params string[] lanes) => new("v128", laneType, null, lanes);

    [Fact]
    public void I32_UnsignedDecimal_BuildsTwosComplementValue()
    {
        Assert.Equal(-1, Scalar("i32", "4294967295").ToValue(_refs).AsI32());
    }

    [Fact]
    public void I64_ExpectedBits_MatchOnlyEqualValue()
    {
        var expected = Scalar("i64", "18446744073709551615");
        Assert.True(expected.Matches(Value.FromI64(-1), _refs));
        Assert.False(expected.Matches(Value.FromI64(1), _refs));
        Assert.False(expected.Matches(Value.FromI32(-1), _refs));
    }

    [Fact]
    public void F32_CanonicalNan_MatchesEitherSignButNoPayload()
    {
        var expected = Scalar("f32", "nan:canonical");
        Assert.True(expected.Matches(Value.FromF32Bits(0x7FC0_0000), _refs));
        Assert.True(expected.Matches(Value.FromF32Bits(0xFFC0_0000), _refs));
        Assert.False(expected.Matches(Value.FromF32Bits(0x7FC0_0001), _refs));
        Assert.False(expected.Matches(Value.FromF32Bits(0x7F80_0000), _refs));
    }

    [Fact]
    public void F32_ArithmeticNan_MatchesQuietNansOnly()
    {
        var expected = Scalar("f32", "nan:arithmetic");
        Assert.True(expected.Matches(Value.FromF32Bits(0x7FC0_0001), _refs));
        Assert.True(expected.Matches(Value.FromF32Bits(0xFFFF_FFFF), _refs));
        Assert.False(expected.Matches(Value.FromF32Bits(0x7F80_0001), _refs));
    }

    [Fact]
    public void F64_Bits_MatchExactlySoNegativeZeroDiffersFromZero()
    {
        var positiveZero = Scalar("f64", "0");
        Assert.True(positiveZero.Matches(Value.FromF64(0.0), _refs));
        Assert.False(positiveZero.Matches(Value.FromF64(-0.0), _refs));
    }

    [Fact]
    public void F64_CanonicalNan_RejectsSignallingNan()
    {
        var expected = Scalar("f64", "nan:canonical");
        Assert.True(expected.Matches(Value.FromF64Bits(0xFFF8_0000_0000_0000), _refs));
        Assert.False(expected.Matches(Value.FromF64Bits(0x7FF0_0000_0000_0001), _refs));
    }

    [Fact]
    public void V128_I16Lanes_AreLaidOutLittleEndian()
    {
        var vector = Lanes("i16", "1", "2", "3", "4", "5", "6", "7", "65535").ToValue(_refs).AsV128();
        Assert.Equal(Vector128.Create((byte)1, 0, 2, 0, 3, 0, 4, 0, 5, 0, 6, 0, 7, 0, 255, 255), vector);
    }

    [Fact]
    public void V128_FloatLanes_MatchNanPatternsPerLane()
    {
        var expected = Lanes("f32", "nan:canonical", "0", "nan:arithmetic", "1065353216");
        var actual = Value.FromV128(Vector128.Create(0x7FC0_0000u, 0u, 0x7FC0_1234u, 0x3F80_0000u).AsByte());
        var wrongLane = Value.FromV128(Vector128.Create(0x7FC0_0000u, 0u, 0x7FC0_1234u, 0x3F80_0001u).AsByte());
        Assert.True(expected.Matches(actual, _refs));
        Assert.False(expected.Matches(wrongLane, _refs));
    }

    [Fact]
    public void ExternRef_SameId_IsTheSameHostObject()
    {
        var argument = Scalar("externref", "7").ToValue(_refs);
        Assert.True(Scalar("externref", "7").Matches(argument, _refs));
        Assert.False(Scalar("externref", "8").Matches(argument, _refs));
        Assert.False(Scalar("externref", "null").Matches(argument, _refs));
    }

    [Fact]
    public void FuncRef_WithoutValue_MatchesAnyNonNullReference()
    {
        var anyFunction = new WastValue("funcref", null, null, null);
        Assert.False(anyFunction.Matches(Value.Null(ValueKind.FuncRef), _refs));
        Assert.True(Scalar("funcref", "null").Matches(Value.Null(ValueKind.FuncRef), _refs));
    }
}
