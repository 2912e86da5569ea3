using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using ScriptRunner.Core.Hosting;

namespace ScriptRunner.Core.Model;

/// <summary>
/// An execution's result as the JSON text it is answered with: written once, where the code ran, and passed on as
/// it is (measured, framed and answered without being parsed again).
/// </summary>
[JsonConverter(typeof(ResultJsonConverter))]
public sealed class ResultJson
{
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, MaxDepth = 1000 };
    private readonly ReadOnlyMemory<byte> _utf8;

    private ResultJson(ReadOnlyMemory<byte> utf8) => _utf8 = utf8;

    /// <summary>The JSON text as UTF-8.</summary>
    public ReadOnlySpan<byte> Utf8 => _utf8.Span;

    /// <summary>Bytes of JSON text, the figure the output cap is checked against.</summary>
    public int Length => _utf8.Length;

    /// <summary>
    /// <paramref name="value"/> written as the answer writes JSON (readable UTF-8, escapes only where JSON needs them),
    /// text a script made that cannot be encoded (lone surrogates) repaired; null for a null result.
    /// </summary>
    public static ResultJson? From(JsonNode? value)
    {
        if (value is null) return null;
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions)) WriteWellFormed(writer, value);
        return new ResultJson(buffer.WrittenSpan.ToArray());
    }

    /// <summary>JSON text written by <see cref="From"/> elsewhere (the sandbox process), taken as it is, without a copy.</summary>
    public static ResultJson FromWritten(ReadOnlyMemory<byte> utf8) => new(utf8);

    /// <summary>The JSON text.</summary>
    public string ToJsonString() => Encoding.UTF8.GetString(_utf8.Span);

    /// <summary>The value, parsed, for a reader that must look inside it.</summary>
    public JsonNode? ToNode() => JsonNode.Parse(_utf8.Span);

    /// <summary>The value as a <typeparamref name="T"/>, for a result that is a single JSON value.</summary>
    public T GetValue<T>() => ToNode()!.GetValue<T>();

    /// <inheritdoc />
    public override string ToString() => ToJsonString();

    private static void WriteWellFormed(Utf8JsonWriter writer, JsonNode? node)
    {
        switch (node)
        {
            case null:
                writer.WriteNullValue();
                break;
            case JsonObject obj:
                writer.WriteStartObject();
                foreach (var (key, value) in obj)
                {
                    writer.WritePropertyName(JsonTextSize.WellFormed(key));
                    WriteWellFormed(writer, value);
                }
                writer.WriteEndObject();
                break;
            case JsonArray array:
                writer.WriteStartArray();
                foreach (var item in array) WriteWellFormed(writer, item);
                writer.WriteEndArray();
                break;
            case JsonValue value when value.GetValueKind() == JsonValueKind.String:
                writer.WriteStringValue(JsonTextSize.WellFormed(value.GetValue<string>()));
                break;
            default:
                node.WriteTo(writer);
                break;
        }
    }

    /// <summary>Writes the text as it is; reads any JSON value.</summary>
    private sealed class ResultJsonConverter : JsonConverter<ResultJson>
    {
        public override ResultJson Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            using var document = JsonDocument.ParseValue(ref reader);
            return new ResultJson(JsonSerializer.SerializeToUtf8Bytes(document.RootElement));
        }

        public override void Write(Utf8JsonWriter writer, ResultJson value, JsonSerializerOptions options) =>
            writer.WriteRawValue(value._utf8.Span, skipInputValidation: true);
    }
}
