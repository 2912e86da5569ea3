using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using ScriptRunner.Core.Telemetry;
using ScriptRunner.Tests.Sandbox.WebAssembly;
using ScriptRunner.Tests.Support;

namespace ScriptRunner.Tests.Functions;

/// <summary>
/// The spans and metrics of an execution, observed in-process with the .NET listeners an exporter uses: one trace
/// per request with the download, compile and run steps, and metrics by outcome and engine with cache hits.
/// </summary>
public sealed class TelemetryTests : IAsyncLifetime
{
    private readonly LoopbackServer _code = new();
    private readonly ScriptRunnerApp _app = new(("ScriptRunner:Download:AllowPrivateNetworks", "true"));
    private readonly ConcurrentQueue<Activity> _spans = new();
    private readonly ConcurrentQueue<(string Instrument, double Value, Dictionary<string, object?> Tags)> _measurements = new();
    private ActivityListener _spanListener = null!;
    private MeterListener _meterListener = null!;
    private HttpClient _client = null!;

    public Task InitializeAsync()
    {
        // A custom section unique to this test run: the compiled-module cache on disk outlives test runs.
        var unique = WasmFixtures.Load("handler.wasm").Concat(new byte[] { 0x00, 0x15, 0x04, (byte)'t', (byte)'e', (byte)'s', (byte)'t' })
            .Concat(Guid.NewGuid().ToByteArray()).ToArray();
        _code.MapBytes("/handler.wasm", unique, "application/wasm");
        _client = _app.Client();
        var meter = _app.Services.GetRequiredService<ScriptRunnerTelemetry>().Meter;

        _spanListener = new ActivityListener
        {
            ShouldListenTo = source => source.Name is ScriptRunnerTelemetry.Name or "Microsoft.AspNetCore",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = _spans.Enqueue,
        };
        ActivitySource.AddActivityListener(_spanListener);

        // Only this app's meter: other tests' apps run in the same process.
        _meterListener = new MeterListener { InstrumentPublished = (instrument, listener) => { if (instrument.Meter == meter) listener.EnableMeasurementEvents(instrument); } };
        _meterListener.SetMeasurementEventCallback<long>((i, v, tags, _) => Record(i, v, tags));
        _meterListener.SetMeasurementEventCallback<double>((i, v, tags, _) => Record(i, v, tags));
        _meterListener.SetMeasurementEventCallback<int>((i, v, tags, _) => Record(i, v, tags));
        _meterListener.Start();
        return Task.CompletedTask;
    }

    private void Record(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags) =>
        _measurements.Enqueue((instrument.Name, value, tags.ToArray().ToDictionary(t => t.Key, t => t.Value)));

    public async Task DisposeAsync()
    {
        _spanListener.Dispose();
        _meterListener.Dispose();
        _client.Dispose();
        await _app.DisposeAsync();
        await _code.DisposeAsync();
    }

    /// <summary>POSTs the add-export request under a fresh trace and returns that trace's id.</summary>
    private async Task<ActivityTraceId> ExecuteTracedAsync()
    {
        var traceId = ActivityTraceId.CreateRandom();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/execute")
        {
            Content = new StringContent(JsonSerializer.Serialize(new { url = _code.Url("/handler.wasm").AbsoluteUri, handler = "add", @params = new[] { 19, 23 } }), Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("traceparent", $"00-{traceId}-{ActivitySpanId.CreateRandom()}-01");
        using var response = await _client.SendAsync(request);
        var body = await ApiResponse.ReadAsync(response);
        Assert.True(body.Success, body.Error);
        return traceId;
    }

    private Activity[] Trace(ActivityTraceId traceId) => _spans.Where(s => s.TraceId == traceId).ToArray();

    [Fact]
    public async Task AnExecution_IsOneSpanWithDownloadCompileAndRunChildren_InTheRequestsTrace()
    {
        var traceId = await ExecuteTracedAsync();

        var spans = Trace(traceId);
        var execute = Assert.Single(spans, s => s.OperationName == "ScriptRunner.Execute");
        foreach (var step in new[] { "ScriptRunner.Download", "ScriptRunner.Compile", "ScriptRunner.Run" })
        {
            var child = Assert.Single(spans, s => s.OperationName == step);
            Assert.Equal(execute.SpanId, child.ParentSpanId);
            Assert.InRange(child.StartTimeUtc, execute.StartTimeUtc.AddMilliseconds(-5), execute.StartTimeUtc + execute.Duration);
        }
        Assert.Equal("wasm", execute.GetTagItem("scriptrunner.code_type"));
        Assert.Equal(execute.GetTagItem("scriptrunner.engine"), spans.Single(s => s.OperationName == "ScriptRunner.Run").GetTagItem("scriptrunner.engine"));
        var download = spans.Single(s => s.OperationName == "ScriptRunner.Download");
        var compile = spans.Single(s => s.OperationName == "ScriptRunner.Compile");
        Assert.True(download.StartTimeUtc + download.Duration <= compile.StartTimeUtc.AddMilliseconds(5), "the download ends before compiling starts");
    }

    [Fact]
    public async Task Executions_AreCountedByOutcomeAndEngine_WithTheirDurations()
    {
        await ExecuteTracedAsync();

        var counted = Assert.Single(_measurements, m => m.Instrument == "scriptrunner.executions");
        Assert.Equal(1, counted.Value);
        Assert.Equal("success", counted.Tags["scriptrunner.status"]);
        Assert.Equal("wasm", counted.Tags["scriptrunner.code_type"]);
        Assert.False(string.IsNullOrEmpty((string?)counted.Tags["scriptrunner.engine"]));
        Assert.Single(_measurements, m => m.Instrument == "scriptrunner.execution.duration");
        Assert.Single(_measurements, m => m.Instrument == "scriptrunner.run.duration" && m.Value > 0);
        Assert.Single(_measurements, m => m.Instrument == "scriptrunner.download.duration");
    }

    [Fact]
    public async Task TheSameModuleTwice_IsACacheMissThenAHit()
    {
        await ExecuteTracedAsync();
        await ExecuteTracedAsync();

        var lookups = _measurements.Where(m => m.Instrument == "scriptrunner.cache.lookups").Select(m => m.Tags["scriptrunner.cache_hit"]).ToArray();
        Assert.Equal(2, lookups.Length);
        Assert.Equal("miss", lookups[0]);
        // A hit in the serving process's memory, or in the disk cache when another sandbox process served the repeat.
        Assert.Contains((string)lookups[1]!, new[] { "memory", "disk" });
    }

    [Fact]
    public void PoolState_IsReportedByStateOnceThePoolRegisters()
    {
        var telemetry = _app.Services.GetRequiredService<ScriptRunnerTelemetry>();
        telemetry.ObservePool(() => new SandboxPoolCounts(Ready: 3, Busy: 1, Starting: 0));

        _meterListener.RecordObservableInstruments();

        var pool = _measurements.Where(m => m.Instrument == "scriptrunner.pool.sandboxes")
            .ToDictionary(m => (string)m.Tags["scriptrunner.pool.state"]!, m => m.Value);
        Assert.Equal(new Dictionary<string, double> { ["ready"] = 3, ["busy"] = 1, ["starting"] = 0 }, pool);
    }
}
