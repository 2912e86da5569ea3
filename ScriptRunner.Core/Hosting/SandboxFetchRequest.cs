namespace ScriptRunner.Core.Hosting;

/// <summary>An HTTP request made by a script through <c>fetch</c>.</summary>
public sealed record SandboxFetchRequest(
    string Url,
    string Method,
    IReadOnlyDictionary<string, string> Headers,
    string? Body);
