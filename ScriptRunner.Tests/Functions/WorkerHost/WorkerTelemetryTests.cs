using System.Net;
using System.Text;
using ScriptRunner.Tests.Support;

namespace ScriptRunner.Tests.Functions.WorkerHost;

/// <summary>
/// Telemetry of the isolated worker: with an exporter configured in its app settings it takes over its own telemetry
/// from the host (announced at init) and exports the execution's spans; the host's terminate message flushes them.
/// </summary>
public sealed class WorkerTelemetryTests : IAsyncLifetime
{
    private readonly LoopbackServer _collector = new();
    private WorkerSession _session = null!;

    public async Task InitializeAsync()
    {
        foreach (var signal in new[] { "traces", "metrics", "logs" }) _collector.MapStatus($"/v1/{signal}", 200);
        _session = new WorkerSession(new Dictionary<string, string>
        {
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = _collector.BaseUrl.AbsoluteUri,
            ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
        });
        await _session.InitializeAsync();
    }

    public async Task DisposeAsync()
    {
        await _session.DisposeAsync();
        await _collector.DisposeAsync();
    }

    [Fact]
    public void Init_TellsTheHostTheWorkerExportsItsOwnTelemetry() =>
        Assert.Equal(bool.TrueString, _session.Init.Capabilities["WorkerOpenTelemetryEnabled"]);

    [Fact]
    public async Task AnInvocation_IsExportedWithItsExecutionSpan_AndTerminateEndsTheWorkerCleanly()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(_session.HttpUri, "api/execute"))
        {
            Content = new StringContent("""{"code": "1 + 1"}""", Encoding.UTF8, "application/json"),
        };
        var (http, _) = await _session.Connection.InvokeHttpAsync(_session.Proxy, _session.Function("execute").FunctionId, request, WorkerSession.Timeout);
        http.Dispose();
        Assert.Equal(HttpStatusCode.OK, http.StatusCode);

        await _session.TerminateAsync();

        Assert.Equal(0, await _session.Worker.WaitForExitAsync(WorkerSession.Timeout));
        var traces = _collector.Requests.Where(r => r.Path == "/v1/traces").ToArray();
        Assert.Contains(traces, r => r.Body.Contains("ScriptRunner.Execute", StringComparison.Ordinal));
        // The worker's own invocation span, from its OpenTelemetry integration.
        Assert.Contains(traces, r => r.Body.Contains("Microsoft.Azure.Functions.Worker", StringComparison.Ordinal));
    }
}
