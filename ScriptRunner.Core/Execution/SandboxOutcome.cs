using ScriptRunner.Core.Model;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace ScriptRunner.Core.Execution;

/// <summary>How a sandbox run ended. Output and logs live in the invocation's <c>OutputCapture</c>, not here.</summary>
public sealed record SandboxOutcome
{
    public bool Success { get; init; }

    /// <summary>The result's JSON text, written once where the code ran; it travels after the outcome's JSON, as raw bytes.</summary>
    [JsonIgnore]
    public ResultJson? Result { get; init; }

    public string? Error { get; init; }

    /// <summary>One of <see cref="Model.ErrorTypes"/> when <see cref="Success"/> is false.</summary>
    public string? ErrorType { get; init; }
    public string? Stack { get; init; }
    public int? ExitCode { get; init; }

    /// <summary>Engine-specific metadata (Wasm: compile time, cache hit "memory", "disk" or false, fuel, memory peak).</summary>
    public double? CompileTimeMs { get; init; }
    public CacheHit? CacheHit { get; init; }
    public long? FuelConsumed { get; init; }
    public long? MemoryPeakBytes { get; init; }

    public static SandboxOutcome Succeeded(JsonNode? result, int? exitCode = null) => new() { Success = true, Result = ResultJson.From(result), ExitCode = exitCode };

    public static SandboxOutcome Failed(string errorType, string error, string? stack = null) =>
        new() { Success = false, ErrorType = errorType, Error = error, Stack = stack };
}
