using System.Text.Json;

namespace ScriptRunner.Sandbox.JavaScript;

/// <summary>
/// The host's side of a fetch whose signal follows an <c>AbortSignal.timeout</c>: the prelude sends the time left as
/// <c>timeoutMs</c> in the request JSON, and the host request is cancelled at that time. The host's fetch blocks the
/// script, so a timeout is the only abort that can arrive while the request runs.
/// </summary>
internal sealed class FetchAbortTimeout : IDisposable
{
    /// <summary>The answer the prelude turns into a rejection with the signal's reason.</summary>
    public const string AbortedJson = """{"ok":false,"code":"Aborted","error":"the request was aborted"}""";

    private readonly CancellationTokenSource? _source;
    private readonly CancellationToken _deadline;

    private FetchAbortTimeout(CancellationTokenSource? source, CancellationToken deadline)
    {
        _source = source;
        _deadline = deadline;
    }

    /// <summary>Starts the request's timeout, if the request JSON gives one; the token also ends at the deadline.</summary>
    public static FetchAbortTimeout Start(string requestJson, CancellationToken deadline)
    {
        if (!requestJson.Contains("\"timeoutMs\"", StringComparison.Ordinal) || ReadTimeout(requestJson) is not { } ms) return new(null, deadline);
        var source = CancellationTokenSource.CreateLinkedTokenSource(deadline);
        source.CancelAfter(TimeSpan.FromMilliseconds(ms));
        return new(source, deadline);
    }

    /// <summary>The token the host's request runs under.</summary>
    public CancellationToken Token => _source?.Token ?? _deadline;

    /// <summary>Whether the request's own timeout (not the execution's deadline) ended it.</summary>
    public bool Fired => _source is { IsCancellationRequested: true } && !_deadline.IsCancellationRequested;

    /// <inheritdoc />
    public void Dispose() => _source?.Dispose();

    // Clipped to a day: CancelAfter refuses more than about 49 days, and no execution lives a day.
    private static double? ReadTimeout(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.TryGetProperty("timeoutMs", out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetDouble(out var ms) && double.IsFinite(ms)
            ? Math.Clamp(ms, 0, TimeSpan.FromDays(1).TotalMilliseconds)
            : null;
    }
}
