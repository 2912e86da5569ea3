using System.Text.Json;
using System.Text.Json.Serialization;
using ScriptRunner.Core.Model;

namespace ScriptRunner.Core.Execution;

/// <summary>
/// One execution as validation leaves it: the code, the engine, its inputs, its limits and its deadline. Immutable and
/// serialisable: it travels to the sandbox process as it is, its JSON first and its code bytes after.
/// </summary>
public sealed record SandboxJob
{
    /// <summary>The code; empty until it has been obtained. Travels after the JSON, as raw bytes.</summary>
    [JsonIgnore]
    public ReadOnlyMemory<byte> Code { get; init; }

    /// <summary>Hex SHA-256 of <see cref="Code"/>, the compiled-code cache key.</summary>
    public string Sha256 { get; init; } = "";

    /// <summary>What the code is; set once it has been detected.</summary>
    public CodeType CodeType { get; init; }

    /// <summary>The engine to run on (see <see cref="EngineNames"/>); set once the code type is known.</summary>
    public string Engine { get; init; } = "";

    /// <summary>JavaScript: the function to call with <see cref="Request"/>; WebAssembly: the export to call with <see cref="Params"/>.</summary>
    public string? Handler { get; init; }

    /// <summary>The HTTP-like request object handed to a JavaScript handler.</summary>
    public JsonElement? Request { get; init; }

    /// <summary>Arguments of the WebAssembly export named by <see cref="Handler"/>.</summary>
    public IReadOnlyList<JsonElement> Params { get; init; } = [];

    /// <summary>WASI argv after the program name.</summary>
    public IReadOnlyList<string> Args { get; init; } = [];

    /// <summary>The JavaScript <c>env</c>; WASI environ.</summary>
    public IReadOnlyDictionary<string, string> EnvVars { get; init; } = new Dictionary<string, string>();

    /// <summary>Bytes fed to WASI stdin.</summary>
    public string? Stdin { get; init; }

    /// <summary>The caller's budget for the execution, the one a <c>Timeout</c> answer names.</summary>
    public required TimeSpan Timeout { get; init; }

    /// <summary>
    /// The instant the execution must be over, fixed by the service when it admits the job; null until then, and a run
    /// of a job without one ends <see cref="Timeout"/> after it starts (see <see cref="ExecutionDeadline"/>).
    /// </summary>
    public DateTimeOffset? Deadline { get; init; }

    /// <summary>Memory cap for the run.</summary>
    public required long MemoryLimitBytes { get; init; }
}
