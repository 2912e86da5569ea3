using OpenTelemetry;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using ScriptRunner.Core.Telemetry;

namespace ScriptRunner.Functions;

/// <summary>Exports ScriptRunner's spans, metrics and logs over OTLP, only when an endpoint is configured.</summary>
internal static class OpenTelemetrySetup
{
    /// <summary>The standard variable naming the OTLP collector; its siblings (headers, protocol) are honoured too.</summary>
    public const string EndpointVariable = "OTEL_EXPORTER_OTLP_ENDPOINT";

    /// <summary>Wires the exporters when <see cref="EndpointVariable"/> is set; otherwise nothing is exported.</summary>
    public static WebApplicationBuilder AddScriptRunnerOpenTelemetry(this WebApplicationBuilder builder)
    {
        if (string.IsNullOrWhiteSpace(builder.Configuration[EndpointVariable])) return builder;

        var resource = ResourceBuilder.CreateDefault().AddService("ScriptRunner", serviceVersion: AppVersion.Current);

        builder.Logging.AddOpenTelemetry(logging =>
        {
            logging.SetResourceBuilder(resource);
            logging.IncludeFormattedMessage = true;
            logging.AddOtlpExporter();
        });

        // The providers live as long as the app; the container disposes them at shutdown, flushing what is buffered.
        builder.Services.AddSingleton(_ => Sdk.CreateTracerProviderBuilder()
            .SetResourceBuilder(resource)
            .AddSource(ScriptRunnerTelemetry.Name, "Microsoft.AspNetCore")
            .AddOtlpExporter()
            .Build());
        builder.Services.AddSingleton(_ => Sdk.CreateMeterProviderBuilder()
            .SetResourceBuilder(resource)
            .AddMeter(ScriptRunnerTelemetry.Name, "Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Server.Kestrel")
            .AddOtlpExporter()
            .Build());
        builder.Services.AddHostedService<TelemetryProviderStarter>();
        return builder;
    }

    /// <summary>Creates the providers as the host starts, so the first request is already traced.</summary>
    private sealed class TelemetryProviderStarter(TracerProvider tracer, MeterProvider meter) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            GC.KeepAlive(tracer);
            GC.KeepAlive(meter);
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
