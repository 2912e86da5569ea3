using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using ScriptRunner.Core.Telemetry;

namespace ScriptRunner.Functions;

/// <summary>Exports ScriptRunner's spans, metrics and logs over OTLP, only when an endpoint is configured.</summary>
internal static class OpenTelemetrySetup
{
    /// <summary>The standard variable naming the OTLP collector.</summary>
    public const string EndpointVariable = "OTEL_EXPORTER_OTLP_ENDPOINT";

    /// <summary><c>grpc</c> (default) or <c>http/protobuf</c>.</summary>
    public const string ProtocolVariable = "OTEL_EXPORTER_OTLP_PROTOCOL";

    /// <summary>Headers sent with every export, <c>key=value</c> pairs separated by commas.</summary>
    public const string HeadersVariable = "OTEL_EXPORTER_OTLP_HEADERS";

    /// <summary>Wires the exporters when <see cref="EndpointVariable"/> is set; otherwise nothing is exported.</summary>
    public static WebApplicationBuilder AddScriptRunnerOpenTelemetry(this WebApplicationBuilder builder)
    {
        var endpoint = builder.Configuration[EndpointVariable];
        if (string.IsNullOrWhiteSpace(endpoint)) return builder;
        var exporter = new ExporterSettings(new Uri(endpoint), builder.Configuration[ProtocolVariable], builder.Configuration[HeadersVariable]);

        var resource = ResourceBuilder.CreateDefault().AddService("ScriptRunner", serviceVersion: AppVersion.Current);

        builder.Logging.AddOpenTelemetry(logging =>
        {
            logging.SetResourceBuilder(resource);
            logging.IncludeFormattedMessage = true;
            logging.AddOtlpExporter(o => exporter.Apply(o, "logs"));
        });

        // The providers live as long as the app; the container disposes them at shutdown, flushing what is buffered.
        builder.Services.AddSingleton(_ => Sdk.CreateTracerProviderBuilder()
            .SetResourceBuilder(resource)
            .AddSource(ScriptRunnerTelemetry.Name, "Microsoft.AspNetCore")
            .AddOtlpExporter(o => exporter.Apply(o, "traces"))
            .Build());
        builder.Services.AddSingleton(_ => Sdk.CreateMeterProviderBuilder()
            .SetResourceBuilder(resource)
            .AddMeter(ScriptRunnerTelemetry.Name, "Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Server.Kestrel")
            .AddOtlpExporter(o => exporter.Apply(o, "metrics"))
            .Build());
        builder.Services.AddHostedService<TelemetryProviderStarter>();
        return builder;
    }

    /// <summary>
    /// The exporter settings read from the app's configuration (environment variables, app settings, command line)
    /// rather than straight from the process environment, so every configuration source can switch export on.
    /// </summary>
    private sealed record ExporterSettings(Uri Endpoint, string? Protocol, string? Headers)
    {
        public void Apply(OtlpExporterOptions options, string signal)
        {
            var http = string.Equals(Protocol?.Trim(), "http/protobuf", StringComparison.OrdinalIgnoreCase);
            options.Protocol = http ? OtlpExportProtocol.HttpProtobuf : OtlpExportProtocol.Grpc;
            // Over HTTP the generic endpoint is a base to which each signal adds its path, as the OTLP spec says.
            options.Endpoint = http ? new Uri(Endpoint.AbsoluteUri.TrimEnd('/') + "/v1/" + signal) : Endpoint;
            if (!string.IsNullOrWhiteSpace(Headers)) options.Headers = Headers;
        }
    }

    /// <summary>
    /// Creates the providers as the host starts, so the first request is already traced, and flushes them as it
    /// stops, so the last requests are exported even if disposal is cut short.
    /// </summary>
    private sealed class TelemetryProviderStarter(TracerProvider tracer, MeterProvider meter) : IHostedService
    {
        private const int FlushTimeoutMs = 5000;

        public Task StartAsync(CancellationToken cancellationToken)
        {
            GC.KeepAlive(tracer);
            GC.KeepAlive(meter);
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken)
        {
            tracer.ForceFlush(FlushTimeoutMs);
            meter.ForceFlush(FlushTimeoutMs);
            return Task.CompletedTask;
        }
    }
}
