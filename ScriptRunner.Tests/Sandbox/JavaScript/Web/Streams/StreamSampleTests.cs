using System.IO.Compression;
using System.Text.Json.Nodes;
using ScriptRunner.Core.Hosting;
using ScriptRunner.Core.Options;
using ScriptRunner.Tests.Support;

namespace ScriptRunner.Tests.Sandbox.JavaScript.Web.Streams;

/// <summary>The streams samples in samples/js, run as they are on both engines.</summary>
public sealed class StreamSampleTests : IDisposable
{
    private readonly LoopbackServer _server = new();
    private readonly SandboxFetcherFactory _fetchers = new(new SandboxFetchOptions { AllowPrivateNetworks = true });

    public void Dispose()
    {
        _fetchers.Dispose();
        _server.Dispose();
    }

    private static string Sample(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Samples", "js", name));

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void StreamTransform_FiltersAndReshapesTheFetchedEvents(string engine)
    {
        _server.MapText("/events.ndjson", string.Join('\n',
            """{"time":"10:00","level":"info","message":"started"}""",
            """{"time":"10:01","level":"error","message":"disk full"}""",
            """{"time":"10:02","level":"error","message":"retry failed"}""") + "\n", "application/x-ndjson");
        var run = JsHarness.On(engine).Execute(Sample("stream-transform.mjs"), handler: "fetch", requestJson: """{"url":"/?level=error"}""",
            env: new Dictionary<string, string> { ["UPSTREAM"] = _server.Url("/events.ndjson").AbsoluteUri }, fetcher: _fetchers.Create(CancellationToken.None));
        Assert.Equal("""{"statusCode":200,"headers":{"content-type":"text/plain; charset=utf-8"},"body":"10:01 disk full\n10:02 retry failed\n"}""",
            JsHarness.On(engine).Json(run));
    }

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void GzipResponse_AnswersGzipThatDotNetReadsBack(string engine)
    {
        var run = JsHarness.On(engine).Execute(Sample("gzip-response.mjs"), handler: "fetch", requestJson: """{"url":"/report?rows=50"}""");
        var result = JsonNode.Parse(JsHarness.On(engine).Json(run))!;
        Assert.Equal(("gzip", "base64"), (result["headers"]!["content-encoding"]!.GetValue<string>(), result["headers"]!["x-body-encoding"]!.GetValue<string>()));
        using var gzip = new GZipStream(new MemoryStream(Convert.FromBase64String(result["body"]!.GetValue<string>())), CompressionMode.Decompress);
        var report = JsonNode.Parse(new StreamReader(gzip).ReadToEnd())!.AsArray();
        Assert.Equal((50, "late", "ok"), (report.Count, report[0]!["status"]!.GetValue<string>(), report[1]!["status"]!.GetValue<string>()));
    }
}
