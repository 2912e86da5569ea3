using Microsoft.Extensions.Configuration;
using OpenTelemetry.Exporter;

namespace ScriptRunner.Functions.Telemetry;

/// <summary>
/// The OTLP exporter settings, read from the app's configuration (environment variables, app settings, command line)
/// rather than straight from the process environment, so every configuration source can switch export on.
/// </summary>
internal sealed record OtlpSettings(Uri Endpoint, string? Protocol, string? Headers)
{
    /// <summary>The standard variable naming the OTLP collector.</summary>
    public const string EndpointVariable = "OTEL_EXPORTER_OTLP_ENDPOINT";

    /// <summary><c>grpc</c> (default) or <c>http/protobuf</c>.</summary>
    public const string ProtocolVariable = "OTEL_EXPORTER_OTLP_PROTOCOL";

    /// <summary>Headers sent with every export, <c>key=value</c> pairs separated by commas.</summary>
    public const string HeadersVariable = "OTEL_EXPORTER_OTLP_HEADERS";

    /// <summary>The settings, or null when no endpoint is configured.</summary>
    public static OtlpSettings? From(IConfiguration configuration)
    {
        var endpoint = configuration[EndpointVariable];
        return string.IsNullOrWhiteSpace(endpoint)
            ? null
            : new OtlpSettings(new Uri(endpoint), configuration[ProtocolVariable], configuration[HeadersVariable]);
    }

    /// <summary>Points <paramref name="options"/> at the collector for one signal.</summary>
    public void Apply(OtlpExporterOptions options, string signal)
    {
        var http = string.Equals(Protocol?.Trim(), "http/protobuf", StringComparison.OrdinalIgnoreCase);
        options.Protocol = http ? OtlpExportProtocol.HttpProtobuf : OtlpExportProtocol.Grpc;
        // Over HTTP the generic endpoint is a base to which each signal adds its path, as the OTLP spec says.
        options.Endpoint = http ? new Uri(Endpoint.AbsoluteUri.TrimEnd('/') + "/v1/" + signal) : Endpoint;
        if (!string.IsNullOrWhiteSpace(Headers)) options.Headers = Headers;
    }
}
