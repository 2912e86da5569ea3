namespace ScriptRunner.Core.Hosting;

/// <summary>An HTTP request made by a script through <c>fetch</c>.</summary>
public sealed record SandboxFetchRequest(
    string Url,
    string Method,
    IReadOnlyDictionary<string, string> Headers,
    string? Body)
{
    /// <summary>The body as bytes, sent as they are instead of <see cref="Body"/> (a binary file in a form, a blob).</summary>
    public byte[]? BodyBytes { get; init; }
}
