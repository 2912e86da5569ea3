using System.Buffers.Binary;
using System.Globalization;
using System.Numerics;
using System.Runtime.Intrinsics;
using System.Text.Json;
using System.Text.Json.Nodes;
using ScriptRunner.Wasm;

namespace ScriptRunner.Sandbox.WebAssembly;

/// <summary>
/// Converts handler parameters from JSON to wasm values and results back. i64 travels as a JSON number when the
/// double nearest to it is exactly it, otherwise as a decimal string, and is accepted as either; f32/f64 NaN and
/// infinities travel as "NaN", "Infinity" and "-Infinity"; v128 as "0x" and 32 hex digits (the 128-bit lane value,
/// most significant first); references only as null.
/// </summary>
internal static class WasmValueConverter
{
    private const string NaN = "NaN";
    private const string PositiveInfinity = "Infinity";
    private const string NegativeInfinity = "-Infinity";

    /// <summary>The arguments for <paramref name="export"/>, or a <see cref="HandlerCallException"/> naming what is wrong.</summary>
    public static Value[] ToArguments(string export, FunctionType type, IReadOnlyList<JsonElement> parameters)
    {
        if (parameters.Count != type.Parameters.Count)
        {
            throw new HandlerCallException(
                $"export '{export}' has signature {type} and takes {type.Parameters.Count} parameter(s), but {parameters.Count} were given");
        }

        var values = new Value[parameters.Count];
        for (var i = 0; i < values.Length; i++)
        {
            var kind = type.Parameters[i];
            values[i] = ToValue(parameters[i], kind)
                ?? throw new HandlerCallException(
                    $"export '{export}' has signature {type}: parameter {i} must be {Describe(kind)}, got {Show(parameters[i])}");
        }

        return values;
    }

    /// <summary>The <c>result</c> of a call: null for none, a scalar for one, an array for several.</summary>
    public static JsonNode? ToJson(IReadOnlyList<Value> results) => results.Count switch
    {
        0 => null,
        1 => ToJson(results[0]),
        _ => new JsonArray([.. results.Select(ToJson)]),
    };

    /// <summary>One value as JSON.</summary>
    public static JsonNode? ToJson(Value value) => value.Kind switch
    {
        ValueKind.I32 => JsonValue.Create(value.AsI32()),
        ValueKind.I64 => Int64ToJson(value.AsI64()),
        ValueKind.F32 => FloatToJson(value.AsF32()),
        ValueKind.F64 => FloatToJson(value.AsF64()),
        ValueKind.V128 => JsonValue.Create(V128ToString(value.AsV128())),
        ValueKind.FuncRef => value.IsNullRef ? null : JsonValue.Create("funcref"),
        ValueKind.ExternRef => value.IsNullRef ? null : JsonValue.Create("externref"),
        _ => throw new ArgumentOutOfRangeException(nameof(value), value.Kind, "unknown value kind"),
    };

    /// <summary>The value of <paramref name="kind"/> that <paramref name="json"/> denotes, or null when it denotes none.</summary>
    public static Value? ToValue(JsonElement json, ValueKind kind) => kind switch
    {
        ValueKind.I32 => ParseInteger(json, int.MinValue, uint.MaxValue) is { } i ? Value.FromI32(unchecked((int)(long)i)) : null,
        ValueKind.I64 => ParseInteger(json, long.MinValue, ulong.MaxValue) is { } l ? Value.FromI64(unchecked((long)l)) : null,
        ValueKind.F32 => ParseFloat<float>(json) is { } f ? Value.FromF32(f) : null,
        ValueKind.F64 => ParseFloat<double>(json) is { } d ? Value.FromF64(d) : null,
        ValueKind.V128 => ParseV128(json) is { } v ? Value.FromV128(v) : null,
        ValueKind.FuncRef or ValueKind.ExternRef => json.ValueKind == JsonValueKind.Null ? Value.Null(kind) : null,
        _ => null,
    };

    private static JsonNode Int64ToJson(long value)
    {
        // Exact in a double: converting there and back gives the same integer (2^63 itself does not fit back).
        var asDouble = (double)value;
        var exact = asDouble < 9.2233720368547758E18 && (long)asDouble == value;
        return exact ? JsonValue.Create(value) : JsonValue.Create(value.ToString(CultureInfo.InvariantCulture));
    }

    private static JsonNode FloatToJson(float value) =>
        float.IsFinite(value) ? JsonValue.Create(value) : JsonValue.Create(NonFiniteName(value));

    private static JsonNode FloatToJson(double value) =>
        double.IsFinite(value) ? JsonValue.Create(value) : JsonValue.Create(NonFiniteName(value));

    private static string NonFiniteName(double value) =>
        double.IsNaN(value) ? NaN : value > 0 ? PositiveInfinity : NegativeInfinity;

    // An integer number (or decimal string) within [min, max], kept as Int128 so both signed and unsigned ranges fit.
    private static Int128? ParseInteger(JsonElement json, Int128 min, Int128 max)
    {
        var text = json.ValueKind switch
        {
            JsonValueKind.Number => json.GetRawText(),
            JsonValueKind.String => json.GetString()!.Trim(),
            _ => null,
        };
        if (text is null) return null;

        if (Int128.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer))
        {
            return integer >= min && integer <= max ? integer : null;
        }

        // JSON numbers such as 1e3 or 5.0 are integers too, when exactly so.
        if (json.ValueKind == JsonValueKind.Number
            && decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
            && decimal.Truncate(number) == number)
        {
            var whole = (Int128)number;
            return whole >= min && whole <= max ? whole : null;
        }

        return null;
    }

    private static T? ParseFloat<T>(JsonElement json) where T : struct, IFloatingPointIeee754<T>
    {
        var text = json.ValueKind switch
        {
            JsonValueKind.Number => json.GetRawText(),
            JsonValueKind.String => json.GetString()!.Trim(),
            _ => null,
        };
        switch (text)
        {
            case null:
                return null;
            case NaN when json.ValueKind == JsonValueKind.String:
                return T.NaN;
            case PositiveInfinity when json.ValueKind == JsonValueKind.String:
                return T.PositiveInfinity;
            case NegativeInfinity when json.ValueKind == JsonValueKind.String:
                return T.NegativeInfinity;
        }

        // Parse the literal text: going through double first would round an f32 twice. A literal too large for the
        // type is refused rather than silently becoming an infinity.
        return T.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && T.IsFinite(value)
            ? value
            : null;
    }

    private static Vector128<byte>? ParseV128(JsonElement json)
    {
        if (json.ValueKind != JsonValueKind.String) return null;
        var text = json.GetString()!.Trim();
        if (!text.StartsWith("0x", StringComparison.OrdinalIgnoreCase)) return null;
        if (!UInt128.TryParse(text.AsSpan(2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var bits))
        {
            return null;
        }

        Span<byte> bytes = stackalloc byte[16];
        BinaryPrimitives.WriteUInt128LittleEndian(bytes, bits);
        return Vector128.Create((ReadOnlySpan<byte>)bytes);
    }

    private static string V128ToString(Vector128<byte> vector)
    {
        Span<byte> bytes = stackalloc byte[16];
        vector.CopyTo(bytes);
        return "0x" + BinaryPrimitives.ReadUInt128LittleEndian(bytes).ToString("x32", CultureInfo.InvariantCulture);
    }

    private static string Describe(ValueKind kind) => kind switch
    {
        ValueKind.I32 => "an i32 (an integer from -2147483648 to 4294967295)",
        ValueKind.I64 => "an i64 (an integer number or decimal string)",
        ValueKind.F32 => "an f32 (a number, \"NaN\", \"Infinity\" or \"-Infinity\")",
        ValueKind.F64 => "an f64 (a number, \"NaN\", \"Infinity\" or \"-Infinity\")",
        ValueKind.V128 => "a v128 (\"0x\" and up to 32 hex digits)",
        ValueKind.FuncRef => "a funcref (only null can be passed)",
        ValueKind.ExternRef => "an externref (only null can be passed)",
        _ => kind.ToString(),
    };

    private static string Show(JsonElement json)
    {
        var text = json.GetRawText();
        return text.Length > 60 ? text[..60] + "..." : text;
    }
}
