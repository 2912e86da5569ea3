using System.Runtime.Intrinsics;
using System.Text.Json;
using ScriptRunner.Sandbox.WebAssembly;
using ScriptRunner.Wasm;

namespace ScriptRunner.Tests.Sandbox.WebAssembly;

/// <summary>JSON ⇄ wasm value conversion for handler params and results.</summary>
public sealed class WasmValueConverterTests
{
    private static Value? Parse(string json, ValueKind kind) => WasmValueConverter.ToValue(JsonDocument.Parse(json).RootElement, kind);

    [Theory]
    [InlineData("0", 0)]
    [InlineData("-2147483648", int.MinValue)]
    [InlineData("4294967295", -1)]
    [InlineData("\"123\"", 123)]
    [InlineData("1e3", 1000)]
    [InlineData("5.0", 5)]
    public void I32_AcceptsIntegersInSignedOrUnsignedRange(string json, int expected) =>
        Assert.Equal(expected, Parse(json, ValueKind.I32)!.Value.AsI32());

    [Theory]
    [InlineData("4294967296")]
    [InlineData("-2147483649")]
    [InlineData("0.5")]
    [InlineData("\"0x10\"")]
    [InlineData("null")]
    [InlineData("[1]")]
    public void I32_RefusesAnythingElse(string json) => Assert.Null(Parse(json, ValueKind.I32));

    [Theory]
    [InlineData("9223372036854775807", long.MaxValue)]
    [InlineData("\"-9223372036854775808\"", long.MinValue)]
    [InlineData("\"18446744073709551615\"", -1L)]
    [InlineData("9007199254740993", 9007199254740993L)]
    public void I64_AcceptsNumbersAndDecimalStrings_Exactly(string json, long expected) =>
        Assert.Equal(expected, Parse(json, ValueKind.I64)!.Value.AsI64());

    [Theory]
    [InlineData(0L, "0")]
    [InlineData(9007199254740992L, "9007199254740992")]
    [InlineData(9007199254740993L, "\"9007199254740993\"")]
    [InlineData(1L << 60, "1152921504606846976")]
    [InlineData(long.MaxValue, "\"9223372036854775807\"")]
    [InlineData(long.MinValue, "-9223372036854775808")]
    [InlineData(-9007199254740993L, "\"-9007199254740993\"")]
    public void I64Result_IsNumberOnlyWhenExactInDouble(long value, string expected) =>
        Assert.Equal(expected, WasmValueConverter.ToJson(Value.FromI64(value))!.ToJsonString());

    [Fact]
    public void F32_ParsesTheLiteralWithoutDoubleRounding()
    {
        // Just above the midpoint between 1 and the next f32: via double it would become the midpoint and round to 1.
        Assert.Equal(BitConverter.UInt32BitsToSingle(0x3F800001), Parse("1.0000000596046447753906251", ValueKind.F32)!.Value.AsF32());
        Assert.Equal(float.NaN, Parse("\"NaN\"", ValueKind.F32)!.Value.AsF32());
    }

    [Theory]
    [InlineData("1e400")]
    [InlineData("\"inf\"")]
    [InlineData("true")]
    public void F64_RefusesOverflowingLiteralsAndOtherNames(string json) => Assert.Null(Parse(json, ValueKind.F64));

    [Fact]
    public void NegativeZero_RoundTripsWithItsSign() =>
        Assert.Equal("-0", WasmValueConverter.ToJson(Value.FromF64(-0.0))!.ToJsonString());

    [Fact]
    public void V128_RoundTripsAsHexOfTheLaneValue()
    {
        var value = Parse("\"0x000102030405060708090a0b0c0d0e0f\"", ValueKind.V128)!.Value;

        Assert.Equal(Vector128.Create((byte)15, 14, 13, 12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1, 0), value.AsV128());
        Assert.Equal("\"0x000102030405060708090a0b0c0d0e0f\"", WasmValueConverter.ToJson(value)!.ToJsonString());
    }

    [Fact]
    public void References_PassOnlyNull_AndReturnNullWhenNull()
    {
        Assert.True(Parse("null", ValueKind.ExternRef)!.Value.IsNullRef);
        Assert.Null(Parse("1", ValueKind.FuncRef));
        Assert.Null(WasmValueConverter.ToJson(Value.Null(ValueKind.FuncRef)));
    }

    [Fact]
    public void Results_NoneOneOrMany()
    {
        Assert.Null(WasmValueConverter.ToJson([]));
        Assert.Equal("1", WasmValueConverter.ToJson([Value.FromI32(1)])!.ToJsonString());
        Assert.Equal("[1,2.5,\"NaN\"]",
            WasmValueConverter.ToJson([Value.FromI32(1), Value.FromF64(2.5), Value.FromF32(float.NaN)])!.ToJsonString());
    }
}
