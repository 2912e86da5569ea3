namespace ScriptRunner.Core.Fetching;

/// <summary>Code downloaded from a URL.</summary>
/// <param name="Bytes">The response body, exactly as sent.</param>
/// <param name="ContentType">The Content-Type header of the final response, if any.</param>
/// <param name="FinalUrl">The URL the body came from, after redirects.</param>
/// <param name="DownloadTime">From the first request to the last byte.</param>
public sealed record FetchedCode(byte[] Bytes, string? ContentType, Uri FinalUrl, TimeSpan DownloadTime);
