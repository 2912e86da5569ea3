using System.Text.Json;
using System.Text.Json.Serialization;

namespace ScriptRunner.Core.Model;

/// <summary>Where an execution's compiled code came from; in JSON <c>"memory"</c>, <c>"disk"</c> or <c>false</c>, as the API documents.</summary>
[JsonConverter(typeof(CacheHitJsonConverter))]
public enum CacheHit
{
    /// <summary>Compiled (or parsed) for this execution: <c>false</c>.</summary>
    Miss,

    /// <summary>Already compiled in this sandbox process: <c>"memory"</c>.</summary>
    Memory,

    /// <summary>Loaded from the compiled-module cache on disk: <c>"disk"</c>.</summary>
    Disk,
}

/// <summary>Writes <see cref="CacheHit"/> as the API's <c>"memory"</c>, <c>"disk"</c> or <c>false</c>, and reads it back.</summary>
public sealed class CacheHitJsonConverter : JsonConverter<CacheHit>
{
    /// <inheritdoc />
    public override CacheHit Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.TokenType switch
    {
        JsonTokenType.False => CacheHit.Miss,
        JsonTokenType.String when reader.ValueTextEquals("memory"u8) => CacheHit.Memory,
        JsonTokenType.String when reader.ValueTextEquals("disk"u8) => CacheHit.Disk,
        _ => throw new JsonException("cacheHit is \"memory\", \"disk\" or false"),
    };

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, CacheHit value, JsonSerializerOptions options)
    {
        switch (value)
        {
            case CacheHit.Memory: writer.WriteStringValue("memory"u8); break;
            case CacheHit.Disk: writer.WriteStringValue("disk"u8); break;
            default: writer.WriteBooleanValue(false); break;
        }
    }
}
