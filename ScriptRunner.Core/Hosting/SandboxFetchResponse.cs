namespace ScriptRunner.Core.Hosting;

/// <summary>The answer to a script's <c>fetch</c>; the body is read fully (within the cap) as UTF-8 text.</summary>
public sealed record SandboxFetchResponse(
    int Status,
    string StatusText,
    IReadOnlyDictionary<string, string> Headers,
    string Body);
