using System.Globalization;
using System.Text;
using System.Text.Json;
using Jint;
using Jint.Native;
using Jint.Native.Object;
using Jint.Runtime;
using Jint.Runtime.Descriptors;

namespace ScriptRunner.Sandbox.JavaScript;

/// <summary>
/// Turns JSON into script values: <c>JSON.parse</c> text (streamed, iterative, limit-checked) and host JSON such as
/// the handler's request.
/// </summary>
internal sealed class ScriptJsonParser(Engine engine, BuiltinHardening hardening)
{
    /// <summary>Parses JSON text into script values, checking the run's limits as the values are built.</summary>
    /// <remarks>Streams tokens into an explicit stack: no recursion, and no token table the size of the input.</remarks>
    public JsValue ParseText(string text)
    {
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(text), new JsonReaderOptions { MaxDepth = JsonCodec.MaxDepth });
        var open = new Stack<(ObjectInstance Container, uint NextIndex)>();
        string? pendingName = null;
        JsValue? root = null;
        var tokens = 0;
        try
        {
            while (reader.Read())
            {
                if ((++tokens & 1023) == 0) hardening.Enter();
                JsValue value;
                switch (reader.TokenType)
                {
                    case JsonTokenType.PropertyName:
                        pendingName = ReadString(ref reader);
                        continue;
                    case JsonTokenType.EndObject or JsonTokenType.EndArray:
                        open.Pop();
                        continue;
                    case JsonTokenType.StartObject:
                        value = engine.Object.Construct(Arguments.Empty);
                        break;
                    case JsonTokenType.StartArray:
                        value = engine.Array.Construct(Arguments.Empty);
                        break;
                    case JsonTokenType.String:
                        value = ReadString(ref reader);
                        break;
                    case JsonTokenType.Number:
                        value = reader.TryGetDouble(out var number)
                            ? number
                            : double.Parse(Encoding.UTF8.GetString(reader.ValueSpan), NumberStyles.Float, CultureInfo.InvariantCulture);
                        break;
                    case JsonTokenType.True:
                        value = JsValue.True;
                        break;
                    case JsonTokenType.False:
                        value = JsValue.False;
                        break;
                    default:
                        value = JsValue.Null;
                        break;
                }

                if (open.Count == 0) root = value;
                else
                {
                    var (container, nextIndex) = open.Pop();
                    var name = pendingName ?? nextIndex.ToString(CultureInfo.InvariantCulture);
                    container.DefineOwnProperty(name, new PropertyDescriptor(value, true, true, true), false);
                    open.Push((container, pendingName is null ? nextIndex + 1 : nextIndex));
                    pendingName = null;
                }

                if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray) open.Push((value.AsObject(), 0));
            }
        }
        catch (JsonException e)
        {
            throw new JavaScriptException(engine.SyntaxError,
                $"Unexpected token in JSON at line {(e.LineNumber ?? 0) + 1}, position {(e.BytePositionInLine ?? 0) + 1}");
        }

        return root ?? throw new JavaScriptException(engine.SyntaxError, "Unexpected end of JSON input");
    }

    private static string ReadString(ref Utf8JsonReader reader)
    {
        try
        {
            return reader.GetString() ?? "";
        }
        catch (InvalidOperationException)
        {
            // A lone surrogate escape ("\ud800") is valid JSON and a valid JS string, but not valid UTF-16 for .NET's
            // decoder; unescape it by hand.
            return Unescape(Encoding.UTF8.GetString(reader.ValueSpan));
        }
    }

    /// <summary>Converts host JSON (a request object) into script values.</summary>
    public JsValue FromJson(JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                var obj = engine.Object.Construct(Arguments.Empty);
                foreach (var property in element.EnumerateObject())
                    obj.DefineOwnProperty(property.Name, new PropertyDescriptor(FromJson(property.Value), true, true, true), false);
                return obj;
            case JsonValueKind.Array:
                var array = engine.Array.Construct(Arguments.Empty);
                var index = 0;
                foreach (var item in element.EnumerateArray())
                    array.DefineOwnProperty((index++).ToString(CultureInfo.InvariantCulture), new PropertyDescriptor(FromJson(item), true, true, true), false);
                return array;
            case JsonValueKind.String:
                return StringOf(element);
            case JsonValueKind.Number:
                return element.TryGetDouble(out var number) ? number : double.Parse(element.GetRawText(), CultureInfo.InvariantCulture);
            case JsonValueKind.True:
                return JsValue.True;
            case JsonValueKind.False:
                return JsValue.False;
            default:
                return JsValue.Null;
        }
    }

    private static string StringOf(JsonElement element)
    {
        try
        {
            return element.GetString() ?? "";
        }
        catch (InvalidOperationException)
        {
            // A lone surrogate escape ("\ud800") is valid JSON and a valid JS string, but not valid UTF-16 for .NET's
            // decoder; unescape it by hand.
            var raw = element.GetRawText();
            return Unescape(raw[1..^1]);
        }
    }

    private static string Unescape(string escaped)
    {
        var text = new StringBuilder(escaped.Length);
        for (var i = 0; i < escaped.Length; i++)
        {
            var c = escaped[i];
            if (c != '\\')
            {
                text.Append(c);
                continue;
            }

            var e = escaped[++i];
            text.Append(e switch
            {
                'b' => '\b',
                'f' => '\f',
                'n' => '\n',
                'r' => '\r',
                't' => '\t',
                'u' => (char)int.Parse(escaped.AsSpan(i + 1, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture),
                _ => e,
            });
            if (e == 'u') i += 4;
        }

        return text.ToString();
    }
}
