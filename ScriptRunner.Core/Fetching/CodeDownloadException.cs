namespace ScriptRunner.Core.Fetching;

/// <summary>Code could not be downloaded; the message says why in words fit for the response's <c>error</c>.</summary>
public sealed class CodeDownloadException(string message, Exception? inner = null) : Exception(message, inner)
{
    /// <summary>The HTTP status of the final response, when the failure was an unsuccessful status.</summary>
    public int? StatusCode { get; init; }
}
