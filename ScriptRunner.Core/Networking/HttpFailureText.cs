using System.Net.Http;

namespace ScriptRunner.Core.Networking;

/// <summary>Words for an HTTP transport failure; the framework's own message ("An error occurred while sending the request") says nothing.</summary>
internal static class HttpFailureText
{
    public static string Describe(Exception ex)
    {
        var error = ex switch
        {
            HttpRequestException request => request.HttpRequestError,
            HttpIOException io => io.HttpRequestError,
            _ => HttpRequestError.Unknown,
        };
        var reason = error switch
        {
            HttpRequestError.ResponseEnded => "the connection closed before the response was complete",
            HttpRequestError.InvalidResponse => "the server sent an invalid HTTP response",
            HttpRequestError.SecureConnectionError => "the TLS handshake failed",
            HttpRequestError.ConfigurationLimitExceeded => "the response headers are too large",
            HttpRequestError.HttpProtocolError => "the server broke the HTTP protocol",
            HttpRequestError.VersionNegotiationError => "the HTTP version could not be negotiated",
            _ => null,
        };

        var root = ex;
        while (root.InnerException is not null) root = root.InnerException;
        if (reason is null) return root.Message;
        return ReferenceEquals(root, ex) ? reason : $"{reason}: {root.Message}";
    }
}
