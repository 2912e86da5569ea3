using System.Globalization;
using System.Runtime.Intrinsics;
using System.Text.Json;
using ScriptRunner.Wasm;

namespace ScriptRunner.Tests.Wasm.Conformance;

/// <summary>
/// A typed value of a wast2json script: an argument to build or an expectation to match. Scalars are the
/// decimal form of the unsigned bit pattern; v128 carries one such string per lane of <see cref="LaneType"/>;
/// floats may be "nan:canonical" / "nan:arithmetic"; references are "null", an extern id, or absent (any non-null).
/// </summary>
internal sealed record WastValue(string Type, string? LaneType, string? Scalar, IReadOnlyList<string>? Lanes)
{
    private const uint F32CanonicalNan = 0x7FC0_0000;
    private const ulong F64CanonicalNan = 0x7FF8_0000_0000_0000;

    /// <summary>Reads an array of value objects.</summary>
    public static IReadOnlyList<WastValue> ParseList(JsonElement array) => [.. array.EnumerateArray().Select(Parse)];

    private static WastValue Parse(JsonElement element)
    {
        var type = element.GetProperty("type").GetString()!;
        var laneType = WastCommand.OptionalString(element, "lane_type");
        if (!element.TryGetProperty("value", out var value))
            return new WastValue(type, laneType, null, null);
        if (value.ValueKind == JsonValueKind.Array)
            return new WastValue(type, laneType, null, [.. value.EnumerateArray().Select(v => v.GetString()!)]);
        return new WastValue(type, laneType, value.GetString(), null);
    }

    /// <summary>Builds the runtime argument this value denotes.</summary>
    public Value ToValue(ExternRefs externRefs) => Type switch
    {
        "i32" => Value.FromI32(unchecked((int)ParseBits(Scalar, 32))),
        "i64" => Value.FromI64(unchecked((long)ParseBits(Scalar, 64))),
        "f32" => Value.FromF32Bits((uint)ParseBits(Scalar, 32)),
        "f64" => Value.FromF64Bits(ParseBits(Scalar, 64)),
        "v128" => Value.FromV128(BuildVector()),
        "externref" => Value.FromExternRef(Scalar is null or "null" ? null : externRefs.Get(ParseBits(Scalar, 32))),
        "funcref" when Scalar is null or "null" => Value.Null(ValueKind.FuncRef),
        _ => throw new FormatException($"unsupported argument {this}"),
    };

    /// <summary>True when <paramref name="actual"/> satisfies this expectation.</summary>
    public bool Matches(Value actual, ExternRefs externRefs)
    {
        switch (Type)
        {
            case "i32": return actual.Kind == ValueKind.I32 && (uint)actual.AsI32() == (uint)ParseBits(Scalar, 32);
            case "i64": return actual.Kind == ValueKind.I64 && (ulong)actual.AsI64() == ParseBits(Scalar, 64);
            case "f32": return actual.Kind == ValueKind.F32 && MatchesF32(Scalar, actual.AsF32Bits());
            case "f64": return actual.Kind == ValueKind.F64 && MatchesF64(Scalar, actual.AsF64Bits());
            case "v128": return actual.Kind == ValueKind.V128 && MatchesVector(actual.AsV128());
            case "externref":
                if (actual.Kind != ValueKind.ExternRef) return false;
                if (Scalar is null) return !actual.IsNullRef;
                if (Scalar == "null") return actual.IsNullRef;
                return ReferenceEquals(actual.AsExternRef(), externRefs.Get(ParseBits(Scalar, 32)));
            case "funcref":
                if (actual.Kind != ValueKind.FuncRef) return false;
                return Scalar == "null" ? actual.IsNullRef : !actual.IsNullRef;
            default:
                throw new FormatException($"unsupported expected value {this}");
        }
    }

    /// <summary>Renders a runtime value in the script's notation, using this expectation's lane shape for v128.</summary>
    public string Describe(Value actual) => Format(actual, LaneType);

    /// <summary>Renders a runtime value; v128 is shown in <paramref name="laneType"/> lanes (i32 when null).</summary>
    public static string Format(Value actual, string? laneType = null) => actual.Kind switch
    {
        ValueKind.I32 => $"i32:{(uint)actual.AsI32()}",
        ValueKind.I64 => $"i64:{(ulong)actual.AsI64()}",
        ValueKind.F32 => $"f32:{actual.AsF32Bits()} ({actual.AsF32().ToString("R", CultureInfo.InvariantCulture)})",
        ValueKind.F64 => $"f64:{actual.AsF64Bits()} ({actual.AsF64().ToString("R", CultureInfo.InvariantCulture)})",
        ValueKind.V128 => $"v128:{laneType ?? "i32"}[{string.Join(" ", SplitLanes(actual.AsV128(), laneType ?? "i32"))}]",
        ValueKind.ExternRef => actual.IsNullRef ? "ref.null extern" : $"externref:{actual.AsExternRef()}",
        ValueKind.FuncRef => actual.IsNullRef ? "ref.null func" : $"ref.func {actual.AsFuncRef()?.Name ?? "?"}",
        _ => actual.Kind.ToString(),
    };

    /// <inheritdoc />
    public override string ToString()
    {
        if (Lanes is not null) return $"v128:{LaneType}[{string.Join(" ", Lanes)}]";
        if (Scalar is null) return Type is "externref" or "funcref" ? $"{Type}:non-null" : Type;
        return Type switch
        {
            "f32" when !Scalar.StartsWith("nan", StringComparison.Ordinal) =>
                $"f32:{Scalar} ({BitConverter.UInt32BitsToSingle((uint)ParseBits(Scalar, 32)).ToString("R", CultureInfo.InvariantCulture)})",
            "f64" when !Scalar.StartsWith("nan", StringComparison.Ordinal) =>
                $"f64:{Scalar} ({BitConverter.UInt64BitsToDouble(ParseBits(Scalar, 64)).ToString("R", CultureInfo.InvariantCulture)})",
            _ => $"{Type}:{Scalar}",
        };
    }

    private static bool MatchesF32(string? expected, uint bits) => expected switch
    {
        "nan:canonical" => (bits & 0x7FFF_FFFF) == F32CanonicalNan,
        "nan:arithmetic" => (bits & F32CanonicalNan) == F32CanonicalNan,
        _ => bits == (uint)ParseBits(expected, 32),
    };

    private static bool MatchesF64(string? expected, ulong bits) => expected switch
    {
        "nan:canonical" => (bits & 0x7FFF_FFFF_FFFF_FFFF) == F64CanonicalNan,
        "nan:arithmetic" => (bits & F64CanonicalNan) == F64CanonicalNan,
        _ => bits == ParseBits(expected, 64),
    };

    private bool MatchesVector(Vector128<byte> actual)
    {
        if (Lanes is null || LaneType is null) throw new FormatException($"v128 expectation without lanes: {this}");
        var lanes = SplitLaneBits(actual, LaneType);
        if (lanes.Length != Lanes.Count) throw new FormatException($"lane count {Lanes.Count} does not fit {LaneType}");
        for (var i = 0; i < lanes.Length; i++)
        {
            var ok = LaneType switch
            {
                "f32" => MatchesF32(Lanes[i], (uint)lanes[i]),
                "f64" => MatchesF64(Lanes[i], lanes[i]),
                _ => lanes[i] == (ParseBits(Lanes[i], LaneBits(LaneType)) & LaneMask(LaneType)),
            };
            if (!ok) return false;
        }
        return true;
    }

    private Vector128<byte> BuildVector()
    {
        if (Lanes is null || LaneType is null) throw new FormatException($"v128 argument without lanes: {this}");
        Span<byte> bytes = stackalloc byte[16];
        var width = LaneBits(LaneType) / 8;
        if (Lanes.Count * width != 16) throw new FormatException($"lane count {Lanes.Count} does not fit {LaneType}");
        for (var i = 0; i < Lanes.Count; i++)
        {
            var bits = ParseBits(Lanes[i], width * 8);
            for (var b = 0; b < width; b++) bytes[(i * width) + b] = (byte)(bits >> (8 * b));
        }
        return Vector128.Create((ReadOnlySpan<byte>)bytes);
    }

    private static ulong[] SplitLaneBits(Vector128<byte> vector, string laneType)
    {
        var width = LaneBits(laneType) / 8;
        var lanes = new ulong[16 / width];
        for (var i = 0; i < lanes.Length; i++)
            for (var b = 0; b < width; b++)
                lanes[i] |= (ulong)vector.GetElement((i * width) + b) << (8 * b);
        return lanes;
    }

    private static IEnumerable<string> SplitLanes(Vector128<byte> vector, string laneType) =>
        SplitLaneBits(vector, laneType).Select(bits => laneType switch
        {
            "f32" => $"{bits}({BitConverter.UInt32BitsToSingle((uint)bits).ToString("R", CultureInfo.InvariantCulture)})",
            "f64" => $"{bits}({BitConverter.UInt64BitsToDouble(bits).ToString("R", CultureInfo.InvariantCulture)})",
            _ => bits.ToString(CultureInfo.InvariantCulture),
        });

    private static int LaneBits(string laneType) => laneType switch
    {
        "i8" => 8,
        "i16" => 16,
        "i32" or "f32" => 32,
        "i64" or "f64" => 64,
        _ => throw new FormatException($"unknown lane type {laneType}"),
    };

    private static ulong LaneMask(string laneType) =>
        LaneBits(laneType) == 64 ? ulong.MaxValue : (1UL << LaneBits(laneType)) - 1;

    // The JSON holds unsigned decimals; a leading '-' is accepted defensively and wrapped to the width.
    private static ulong ParseBits(string? text, int bits)
    {
        if (text is null) throw new FormatException("missing value");
        var value = text.StartsWith('-')
            ? unchecked((ulong)long.Parse(text, CultureInfo.InvariantCulture))
            : ulong.Parse(text, CultureInfo.InvariantCulture);
        return bits == 64 ? value : value & ((1UL << bits) - 1);
    }
}
