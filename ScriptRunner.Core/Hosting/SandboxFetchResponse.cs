namespace ScriptRunner.Core.Hosting;

/// <summary>The answer to a script's <c>fetch</c>; the body is read fully (within the cap) as UTF-8 text.</summary>
public sealed record SandboxFetchResponse(
    int Status,
    string StatusText,
    IReadOnlyDictionary<string, string> Headers,
    string Body)
{
    /// <summary>The URL that answered, after redirects; null when not known (the request's own URL).</summary>
    public string? FinalUrl { get; init; }

    /// <summary>True when redirects were followed to reach <see cref="FinalUrl"/>.</summary>
    public bool Redirected { get; init; }
}
