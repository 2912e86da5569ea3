using System.Text.Json.Nodes;

namespace ScriptRunner.Sandbox.WebAssembly;

/// <summary>The values of <c>metadata.cacheHit</c> for WebAssembly: <c>"memory"</c>, <c>"disk"</c> or <c>false</c>.</summary>
internal static class WasmCacheHit
{
    /// <summary>The compiled module was already in this process.</summary>
    public static JsonNode Memory => JsonValue.Create("memory");

    /// <summary>The compiled module was loaded from the shared disk cache.</summary>
    public static JsonNode Disk => JsonValue.Create("disk");

    /// <summary>The module was compiled for this request.</summary>
    public static JsonNode Miss => JsonValue.Create(false);
}
