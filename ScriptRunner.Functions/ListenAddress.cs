namespace ScriptRunner.Functions;

/// <summary>Chooses where the app listens: the Functions host's port, an explicit URL, or the local default.</summary>
internal static class ListenAddress
{
    /// <summary>The port used when neither the Functions host nor the caller names one.</summary>
    public const int DefaultPort = 7071;

    /// <summary>Set by the Azure Functions host for a custom handler.</summary>
    public const string CustomHandlerPortVariable = "FUNCTIONS_CUSTOMHANDLER_PORT";

    /// <summary>
    /// The URL to listen on, or null to keep what the configuration already says (<c>--urls</c>, <c>ASPNETCORE_URLS</c>).
    /// </summary>
    /// <remarks>
    /// Loopback only: the Functions host forwards to 127.0.0.1, and an app reachable from outside would bypass the
    /// function keys. Set <c>ASPNETCORE_URLS=http://0.0.0.0:7071</c> to expose a local run on purpose.
    /// </remarks>
    public static string? Resolve(IConfiguration configuration)
    {
        var port = configuration[CustomHandlerPortVariable];
        if (!string.IsNullOrWhiteSpace(port))
        {
            if (!int.TryParse(port, out var value) || value is < 1 or > 65535)
                throw new InvalidOperationException($"{CustomHandlerPortVariable} must be a TCP port number; got '{port}'.");
            return $"http://127.0.0.1:{value}";
        }

        return string.IsNullOrWhiteSpace(configuration[WebHostDefaults.ServerUrlsKey])
            ? $"http://localhost:{DefaultPort}"
            : null;
    }
}
