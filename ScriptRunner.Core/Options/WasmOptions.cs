namespace ScriptRunner.Core.Options;

/// <summary>How WebAssembly runs.</summary>
public sealed class WasmOptions
{
    /// <summary>The engine used when a request names none: <c>wasmtime</c> or <c>managed</c>.</summary>
    public string Engine { get; set; } = "managed";
}
