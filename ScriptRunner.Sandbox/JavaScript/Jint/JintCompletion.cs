using System.Text.Json.Nodes;
using Jint;
using Jint.Native;
using Jint.Runtime;

namespace ScriptRunner.Sandbox.JavaScript.Jint;

/// <summary>
/// A classic script's completion value taken straight into the answer, without the runtime, when it is a primitive
/// that the runtime would answer unchanged: most results are one number, string or boolean.
/// </summary>
internal static class JintCompletion
{
    private const double MaxSafeInteger = 9007199254740991;

    /// <summary>
    /// The answer for <paramref name="value"/> as JSON.stringify would write it, or false when the runtime must take
    /// it (an object, a bigint, a string no UTF-8 can hold).
    /// </summary>
    public static bool TryAnswer(JsValue value, out JsonNode? result)
    {
        result = null;
        switch (value.Type)
        {
            case Types.Undefined or Types.Null or Types.Symbol:
                return true;
            case Types.Boolean:
                result = JsonValue.Create(value.AsBoolean());
                return true;
            case Types.Number:
                result = Number(value.AsNumber());
                return true;
            case Types.String:
                var text = value.AsString();
                if (!WellFormed(text)) return false;
                result = JsonValue.Create(text);
                return true;
            default:
                return false;
        }
    }

    // JSON.stringify's number: null when not finite; an integer exactly; otherwise the language's own shortest form.
    private static JsonNode? Number(double number)
    {
        if (!double.IsFinite(number)) return null;
        if (Math.Floor(number) == number && Math.Abs(number) <= MaxSafeInteger) return JsonValue.Create((long)number);
        return JsonNode.Parse(TypeConverter.ToString(number));
    }

    private static bool WellFormed(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (!char.IsSurrogate(text[i])) continue;
            if (!char.IsHighSurrogate(text[i]) || i + 1 >= text.Length || !char.IsLowSurrogate(text[i + 1])) return false;
            i++;
        }

        return true;
    }
}
