using ScriptRunner.Tests.Support;

namespace ScriptRunner.Tests.Functions;

/// <summary>OTLP export is switched on by OTEL_EXPORTER_OTLP_ENDPOINT and carries spans without script secrets.</summary>
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
    public async Task WithoutAnEndpoint_NothingIsExported()
    {
        await using var app = new ScriptRunnerApp();

        Assert.Null(app.Services.GetService(typeof(OpenTelemetry.Trace.TracerProvider)));
        Assert.Null(app.Services.GetService(typeof(OpenTelemetry.Metrics.MeterProvider)));
    }
}
