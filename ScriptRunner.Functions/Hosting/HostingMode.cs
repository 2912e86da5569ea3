using Microsoft.Extensions.Configuration;

namespace ScriptRunner.Functions.Hosting;

/// <summary>How the process was started: by the Azure Functions host as its worker, or on its own.</summary>
internal enum HostingMode
{
    /// <summary>A plain ASP.NET Core app (<c>dotnet run</c>, <c>dotnet ScriptRunner.Functions.dll</c>).</summary>
    Standalone,

    /// <summary>An isolated worker the Functions host started and talks to over gRPC.</summary>
    Worker,
}

/// <summary>Tells the two modes apart by what the Functions host really passes to its worker.</summary>
internal static class HostingModeDetector
{
    /// <summary>The configuration key the worker reads the host's gRPC address from.</summary>
    public const string HostEndpointKey = "Functions:Worker:HostEndpoint";

    /// <summary>
    /// The command-line switches the host starts a worker with, mapped as the worker maps them, so that detection and
    /// the worker agree on what counts as "started by the host".
    /// </summary>
    private static readonly Dictionary<string, string> HostSwitches = new(StringComparer.OrdinalIgnoreCase)
    {
        ["--functions-uri"] = HostEndpointKey,
        ["--functions-request-id"] = "Functions:Worker:RequestId",
        ["--functions-worker-id"] = "Functions:Worker:WorkerId",
        ["--functions-grpc-max-message-length"] = "Functions:Worker:GrpcMaxMessageLength",
    };

    /// <summary>
    /// <see cref="HostingMode.Worker"/> when the host's gRPC endpoint is given on the command line
    /// (<c>--functions-uri</c>) or in the environment (<c>Functions__Worker__HostEndpoint</c>); otherwise standalone.
    /// Settings files play no part: a copied <c>local.settings.json</c> must not turn a local run into a worker.
    /// </summary>
    public static HostingMode Detect(string[] args, IDictionary<string, string?>? environment = null)
    {
        var builder = new ConfigurationBuilder();
        if (environment is null) builder.AddEnvironmentVariables();
        else builder.AddInMemoryCollection(environment.Select(e => new KeyValuePair<string, string?>(e.Key.Replace("__", ":", StringComparison.Ordinal), e.Value)));
        builder.AddCommandLine(OnlySwitches(args), HostSwitches);
        var endpoint = builder.Build()[HostEndpointKey];
        return string.IsNullOrWhiteSpace(endpoint) ? HostingMode.Standalone : HostingMode.Worker;
    }

    /// <summary>
    /// The host may put the assembly path first, which on Linux starts with '/' and would read as a switch; only
    /// <c>--name value</c> pairs matter here.
    /// </summary>
    private static string[] OnlySwitches(string[] args)
    {
        var first = Array.FindIndex(args, a => a.StartsWith("--", StringComparison.Ordinal));
        return first < 0 ? [] : args[first..];
    }
}
