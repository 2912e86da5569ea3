using Azure.Monitor.OpenTelemetry.Exporter;
using Microsoft.Azure.Functions.Worker.OpenTelemetry;
using Microsoft.Extensions.Configuration;
using OpenTelemetry;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using ScriptRunner.Core.Telemetry;
using ScriptRunner.Functions.Hosting;

namespace ScriptRunner.Functions.Telemetry;

/// <summary>
/// Exports ScriptRunner's spans, metrics and logs to Azure Monitor, to an OTLP collector, or to both, as configured;
/// with neither configured nothing is exported and no provider exists.
/// </summary>
internal static class TelemetrySetup
{
    /// <summary>The standard Application Insights variable; its presence switches on the Azure Monitor exporter.</summary>
    public const string AzureMonitorVariable = "APPLICATIONINSIGHTS_CONNECTION_STRING";

    /// <summary>Names the service in every exported signal.</summary>
    public const string ServiceName = "ScriptRunner";

    /// <summary>Wires the exporters the configuration asks for, with the worker's own instrumentation in worker mode.</summary>
    public static void AddScriptRunnerTelemetry(this IServiceCollection services, IConfiguration configuration, HostingMode mode)
    {
        var azureMonitor = configuration[AzureMonitorVariable];
        var otlp = OtlpSettings.From(configuration);
        var useAzureMonitor = !string.IsNullOrWhiteSpace(azureMonitor);
        if (!useAzureMonitor && otlp is null) return;

        var telemetry = services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(ServiceName, serviceVersion: AppVersion.Current))
            .WithTracing(tracing =>
            {
                tracing.AddSource(ScriptRunnerTelemetry.Name);
                // In worker mode the host owns the incoming request; the worker's own source (added below) covers it.
                if (mode == HostingMode.Standalone) tracing.AddSource("Microsoft.AspNetCore");
                if (otlp is not null) tracing.AddOtlpExporter(o => otlp.Apply(o, "traces"));
            })
            .WithMetrics(metrics =>
            {
                metrics.AddMeter(ScriptRunnerTelemetry.Name, "Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Server.Kestrel");
                if (otlp is not null) metrics.AddOtlpExporter(o => otlp.Apply(o, "metrics"));
            })
            .WithLogging(logging =>
            {
                if (otlp is not null) logging.AddOtlpExporter(o => otlp.Apply(o, "logs"));
            }, options => options.IncludeFormattedMessage = true);

        if (mode == HostingMode.Worker) telemetry.UseFunctionsWorkerDefaults();
        // One call covers traces, metrics and logs; it reads the connection string from the same configuration.
        // Every trace is kept, as with OTLP: the exporter's default rate limit (5 traces a second) would drop
        // executions at random, including the first ones after start.
        if (useAzureMonitor)
        {
            telemetry.UseAzureMonitorExporter(o =>
            {
                o.ConnectionString = azureMonitor;
                o.TracesPerSecond = null;
                o.SamplingRatio = 1.0F;
            });
        }
    }
}
