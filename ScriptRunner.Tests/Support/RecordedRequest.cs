namespace ScriptRunner.Tests.Support;

/// <summary>A request as <see cref="LoopbackServer"/> received it. Header names are case-insensitive.</summary>
public sealed record RecordedRequest(
    string Method,
    string Path,
    string Query,
    IReadOnlyDictionary<string, string> Headers,
    string Body);
