using System.Text.Json;

namespace ScriptRunner.Core.Model;

/// <summary>One request to run a script, as posted to <c>/api/execute</c> (camelCase JSON).</summary>
public sealed record ExecutionRequest
{
    /// <summary>http/https URL of the code. Exactly one of Url, Code, CodeBase64.</summary>
    public string? Url { get; init; }

    /// <summary>Inline source text.</summary>
    public string? Code { get; init; }

    /// <summary>Inline bytes, base64-encoded.</summary>
    public string? CodeBase64 { get; init; }

    /// <summary>"auto" (default), "javascript"/"js" or "wasm".</summary>
    public string? Type { get; init; }

    /// <summary>The engine to run on: "jint" or "v8" for JavaScript, "wasmtime" or "managed" for WebAssembly; null takes the configured default.</summary>
    public string? Engine { get; init; }

    /// <summary>JS: function to call with <see cref="Request"/>; Wasm: export to call with <see cref="Params"/>.</summary>
    public string? Handler { get; init; }

    /// <summary>The HTTP-like request object passed to a JS handler ({method,url,headers,body,query}).</summary>
    public JsonElement? Request { get; init; }

    /// <summary>Arguments of the Wasm export named by <see cref="Handler"/>: numbers, or strings for i64 and NaN/Infinity.</summary>
    public IReadOnlyList<JsonElement>? Params { get; init; }

    /// <summary>WASI argv after the program name.</summary>
    public IReadOnlyList<string>? Args { get; init; }

    /// <summary>The JS <c>env</c> global; WASI environ.</summary>
    public IReadOnlyDictionary<string, string>? EnvVars { get; init; }

    /// <summary>Bytes fed to WASI stdin.</summary>
    public string? Stdin { get; init; }

    /// <summary>Deadline in milliseconds; null takes the configured default.</summary>
    public int? Timeout { get; init; }

    /// <summary>Memory cap in megabytes; null takes the configured default.</summary>
    public int? Memory { get; init; }

    /// <summary>Hex SHA-256 the code bytes must match.</summary>
    public string? Sha256 { get; init; }
}
