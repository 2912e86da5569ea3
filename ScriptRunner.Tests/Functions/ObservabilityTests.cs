using System.Collections.Concurrent;
using System.IO.Compression;
using Microsoft.AspNetCore.Http;
using ScriptRunner.Tests.Support;

namespace ScriptRunner.Tests.Functions;

/// <summary>
/// Export is switched on by OTEL_EXPORTER_OTLP_ENDPOINT (OTLP), APPLICATIONINSIGHTS_CONNECTION_STRING (Azure Monitor)
/// or both, and carries spans without script secrets.
/// </summary>
public sealed class ObservabilityTests
{
    [Fact]
    public async Task OtlpEndpoint_ReceivesTheExecutionSpan_WithoutSourceOrEnvValues()
    {
        using var collector = new LoopbackServer();
        foreach (var signal in new[] { "traces", "metrics", "logs" }) collector.MapStatus($"/v1/{signal}", 200);

        await using (var app = new ScriptRunnerApp(
            ("OTEL_EXPORTER_OTLP_ENDPOINT", collector.BaseUrl.AbsoluteUri),
            ("OTEL_EXPORTER_OTLP_PROTOCOL", "http/protobuf"),
            ("OTEL_EXPORTER_OTLP_HEADERS", "x-collector-key=k1")))
        {
            using var client = app.Client();
            var response = await ScriptRunnerApp.PostAsync(client, new
            {
                code = "var marker = 'source-marker-7f3a'; env.TOKEN.length",
                envVars = new Dictionary<string, string> { ["TOKEN"] = "env-secret-91c2" },
            });
            Assert.True(response.Success, response.Error);
        }

        // Stopping the app flushes the providers.
        var traces = collector.Requests.Where(r => r.Path == "/v1/traces").ToArray();
        Assert.Contains(traces, r => r.Body.Contains("ScriptRunner.Execute", StringComparison.Ordinal));
        Assert.Contains(traces, r => r.Body.Contains("scriptrunner.code_type", StringComparison.Ordinal));
        Assert.All(traces, r => Assert.Equal("k1", r.Headers["x-collector-key"]));
        Assert.All(collector.Requests, r =>
        {
            Assert.DoesNotContain("env-secret-91c2", r.Body, StringComparison.Ordinal);
            Assert.DoesNotContain("source-marker-7f3a", r.Body, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task AzureMonitorAndOtlpTogether_BothReceiveTheExecutionSpan_WithoutSourceOrEnvValues()
    {
        using var collector = new LoopbackServer();
        foreach (var signal in new[] { "traces", "metrics", "logs" }) collector.MapStatus($"/v1/{signal}", 200);
        using var ingestion = new LoopbackServer();
        var telemetry = new ConcurrentQueue<string>();
        ingestion.Map("/v2.1/track", async context =>
        {
            // Azure Monitor sends gzip-compressed JSON lines, one telemetry item a line.
            Stream body = context.Request.Headers.ContentEncoding == "gzip" ? new GZipStream(context.Request.Body, CompressionMode.Decompress) : context.Request.Body;
            using var reader = new StreamReader(body);
            var items = await reader.ReadToEndAsync();
            telemetry.Enqueue(items);
            var count = items.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length;
            await context.Response.WriteAsJsonAsync(new { itemsReceived = count, itemsAccepted = count, errors = Array.Empty<object>() });
        });

        await using (var app = new ScriptRunnerApp(
            ("APPLICATIONINSIGHTS_CONNECTION_STRING", $"InstrumentationKey=00000000-0000-0000-0000-000000000001;IngestionEndpoint={ingestion.BaseUrl.AbsoluteUri}"),
            ("OTEL_EXPORTER_OTLP_ENDPOINT", collector.BaseUrl.AbsoluteUri),
            ("OTEL_EXPORTER_OTLP_PROTOCOL", "http/protobuf")))
        {
            using var client = app.Client();
            var response = await ScriptRunnerApp.PostAsync(client, new
            {
                code = "var marker = 'source-marker-7f3a'; env.TOKEN.length",
                envVars = new Dictionary<string, string> { ["TOKEN"] = "env-secret-91c2" },
            });
            Assert.True(response.Success, response.Error);
            // Export is batched: flush both exporters now rather than racing the app's shutdown on a loaded machine.
            Assert.True(OpenTelemetry.Trace.TracerProviderExtensions.ForceFlush((OpenTelemetry.Trace.TracerProvider)app.Services.GetService(typeof(OpenTelemetry.Trace.TracerProvider))!, 30_000));
        }

        // The Azure Monitor exporter posts its batches on its own schedule, logs and spans apart: wait for the span.
        await Support.Eventually.True(() => string.Join("\n", telemetry).Contains("ScriptRunner.Execute", StringComparison.Ordinal), "the exporter did not post the span");
        var exported = string.Join("\n", telemetry);
        Assert.Contains("ScriptRunner.Execute", exported);
        Assert.Contains("scriptrunner.engine", exported);
        Assert.DoesNotContain("env-secret-91c2", exported);
        Assert.DoesNotContain("source-marker-7f3a", exported);
        Assert.Contains(collector.Requests, r => r.Path == "/v1/traces" && r.Body.Contains("ScriptRunner.Execute", StringComparison.Ordinal));
    }

    [Fact]
    public async Task WithoutAnEndpoint_NothingIsExported()
    {
        await using var app = new ScriptRunnerApp();

        Assert.Null(app.Services.GetService(typeof(OpenTelemetry.Trace.TracerProvider)));
        Assert.Null(app.Services.GetService(typeof(OpenTelemetry.Metrics.MeterProvider)));
    }
}
