using System.Text.Json;
using ScriptRunner.Core.Model;

namespace ScriptRunner.Core.Execution;

/// <summary>A request that passed validation, with defaults applied and inline code decoded.</summary>
internal sealed record ValidatedRequest
{
    /// <summary>Where the code comes from; null when it is inline.</summary>
    public Uri? Url { get; init; }

    /// <summary>Inline code bytes (UTF-8 of <c>code</c>, or decoded <c>codeBase64</c>); null for a URL.</summary>
    public byte[]? InlineCode { get; init; }

    /// <summary>The caller's type hint; null means detect.</summary>
    public CodeType? TypeHint { get; init; }

    /// <summary>The engine the caller named (lower case); null means the configured default for the code type.</summary>
    public string? Engine { get; init; }

    public string? Handler { get; init; }
    public JsonElement? Request { get; init; }
    public IReadOnlyList<JsonElement> Params { get; init; } = [];
    public IReadOnlyList<string> Args { get; init; } = [];
    public IReadOnlyDictionary<string, string> EnvVars { get; init; } = new Dictionary<string, string>();
    public string? Stdin { get; init; }
    public required TimeSpan Timeout { get; init; }
    public required long MemoryLimitBytes { get; init; }

    /// <summary>Lower-case hex digest the code must match, when pinned.</summary>
    public string? Sha256 { get; init; }
}
