namespace ScriptRunner.Core.Options;

/// <summary>How WebAssembly runs.</summary>
public sealed class WasmOptions
{
    /// <summary>The engine used when a request names none: <c>wasmtime</c> (default) or <c>managed</c>.</summary>
    public string Engine { get; set; } = "wasmtime";

    /// <summary>
    /// Folder of Wasmtime's compiled-module cache, shared by every sandbox process; empty means
    /// <c>scriptrunner-wasm-cache</c> under the temporary directory. On Azure, a local path (e.g. under <c>D:\local</c>).
    /// </summary>
    public string CacheDirectory { get; set; } = "";

    /// <summary>Size bound of the compiled-module cache in MB; least recently used entries go first.</summary>
    public int CacheMaxMb { get; set; } = 1024;

    /// <summary>
    /// How Wasmtime enforces the deadline inside guest code: <c>none</c> (default; the sandbox process is killed at
    /// the deadline, guest code runs at full speed) or <c>epoch</c> (guest code checks a 10 ms tick and ends with a
    /// graceful Timeout; costs about +65% on compute kernels). Host calls honour the deadline either way.
    /// </summary>
    public string WasmtimeInterrupt { get; set; } = "none";
}
