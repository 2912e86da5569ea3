using Microsoft.Extensions.Configuration;

namespace ScriptRunner.Functions.Hosting;

/// <summary>Where a standalone run listens: <c>PORT</c>, else ASP.NET Core's URLs setting, else port 7071.</summary>
internal static class ListenAddress
{
    /// <summary>The port used when nothing names one, the same as <c>func start</c>.</summary>
    public const int DefaultPort = 7071;

    /// <summary>The variable that chooses the port of a standalone run, as many hosting platforms set it.</summary>
    public const string PortVariable = "PORT";

    /// <summary>ASP.NET Core's own keys: <c>--urls</c>/<c>ASPNETCORE_URLS</c> and the port lists container images set.</summary>
    public static readonly IReadOnlyList<string> UrlKeys = ["urls", "http_ports", "https_ports"];

    /// <summary>The URL to listen on, or null to keep what the URLs setting already says.</summary>
    /// <remarks>
    /// Loopback only unless the URLs setting says otherwise: a standalone run has no function keys, so it must not be
    /// reachable from outside by accident. Set <c>ASPNETCORE_URLS=http://0.0.0.0:7071</c> to expose it on purpose.
    /// </remarks>
    /// <exception cref="InvalidOperationException"><c>PORT</c> is not a TCP port number.</exception>
    public static string? Resolve(IConfiguration configuration)
    {
        var port = configuration[PortVariable];
        if (!string.IsNullOrWhiteSpace(port))
        {
            if (!int.TryParse(port, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var value)
                || value is < 1 or > 65535)
            {
                throw new InvalidOperationException($"{PortVariable} must be a TCP port number from 1 to 65535; got '{port}'.");
            }
            return $"http://localhost:{value}";
        }

        return UrlKeys.All(key => string.IsNullOrWhiteSpace(configuration[key])) ? $"http://localhost:{DefaultPort}" : null;
    }
}
