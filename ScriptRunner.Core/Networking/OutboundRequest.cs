namespace ScriptRunner.Core.Networking;

/// <summary>One outbound HTTP request, kept as data so each redirect hop can be rebuilt from it.</summary>
internal sealed record OutboundRequest(
    HttpMethod Method,
    Uri Url,
    IReadOnlyList<KeyValuePair<string, string>> Headers,
    byte[]? Body);
