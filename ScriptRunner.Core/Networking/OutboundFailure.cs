namespace ScriptRunner.Core.Networking;

/// <summary>Why an outbound request did not produce a response.</summary>
internal enum OutboundFailure
{
    /// <summary>Every address the host resolved to is refused by the address policy.</summary>
    AddressRefused,
    /// <summary>The host name does not resolve.</summary>
    HostNotFound,
    /// <summary>No allowed address accepted the connection.</summary>
    ConnectFailed,
    /// <summary>The URL (or a redirect target) is not http or https.</summary>
    UnsupportedScheme,
    /// <summary>More redirects than allowed.</summary>
    TooManyRedirects,
    /// <summary>The connection broke or the server spoke malformed HTTP; the message says how but not where.</summary>
    ProtocolError,
}
