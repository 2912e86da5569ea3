using System.Text.Json;
using ScriptRunner.Core.Model;

namespace ScriptRunner.Core.Execution;

/// <summary>One execution as handed to a sandbox: the code, the engine, its inputs and its limits. Holds no host objects.</summary>
public sealed record SandboxJob
{
    public required ReadOnlyMemory<byte> Code { get; init; }

    /// <summary>Hex SHA-256 of <see cref="Code"/>, the compiled-code cache key.</summary>
    public required string Sha256 { get; init; }

    public required CodeType CodeType { get; init; }

    /// <summary>The engine to run on (see <see cref="EngineNames"/>).</summary>
    public required string Engine { get; init; }

    public string? Handler { get; init; }
    public JsonElement? Request { get; init; }
    public IReadOnlyList<JsonElement> Params { get; init; } = [];
    public IReadOnlyList<string> Args { get; init; } = [];
    public IReadOnlyDictionary<string, string> EnvVars { get; init; } = new Dictionary<string, string>();
    public string? Stdin { get; init; }

    /// <summary>Wall-clock budget for the run.</summary>
    public required TimeSpan Timeout { get; init; }

    /// <summary>Memory cap for the run.</summary>
    public required long MemoryLimitBytes { get; init; }
}
