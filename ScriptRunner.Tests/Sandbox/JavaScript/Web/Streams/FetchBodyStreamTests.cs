using ScriptRunner.Core.Hosting;
using ScriptRunner.Core.Options;
using ScriptRunner.Tests.Support;

namespace ScriptRunner.Tests.Sandbox.JavaScript.Web.Streams;

/// <summary>fetch with streams: a response body read as a stream, and a stream sent as a request body.</summary>
public sealed class FetchBodyStreamTests : IDisposable
{
    private readonly LoopbackServer _server = new();
    private readonly SandboxFetcherFactory _fetchers = new(new SandboxFetchOptions { AllowPrivateNetworks = true });

    public void Dispose()
    {
        _fetchers.Dispose();
        _server.Dispose();
    }

    private string Result(string engine, string code)
    {
        var run = JsHarness.On(engine).Execute(code.Replace("BASE/", _server.Url("/").AbsoluteUri, StringComparison.Ordinal), fetcher: _fetchers.Create(CancellationToken.None));
        return JsHarness.On(engine).Json(run);
    }

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void ResponseBody_ReadsAsAStream(string engine)
    {
        _server.MapText("/data", "streamed text");
        Assert.Equal("""[true,"streamed text",true]""",
            Result(engine, "(async () => { const r = await fetch('BASE/data'); const reader = r.body.getReader(); const parts = []; for (;;) { const { done, value } = await reader.read(); if (done) break; parts.push(value); } return [parts.every(p => p instanceof Uint8Array), new TextDecoder().decode(parts[0]), r.bodyUsed]; })()"));
    }

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void ResponseBody_PipesThroughATransform(string engine)
    {
        _server.MapText("/lines", "a\nb\nc");
        Assert.Equal("\"A\\nB\\nC\"",
            Result(engine, "(async () => { const r = await fetch('BASE/lines'); let out = ''; for await (const t of r.body.pipeThrough(new TextDecoderStream()).pipeThrough(new TransformStream({ transform(c, ctl) { ctl.enqueue(c.toUpperCase()); } }))) out += t; return out; })()"));
    }

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void StreamBody_IsReadAndSent(string engine)
    {
        _server.MapText("/upload", "stored");
        Assert.Equal("\"stored\"",
            Result(engine, "fetch('BASE/upload', { method: 'POST', body: ReadableStream.from(['part1-', 'part2']).pipeThrough(new TextEncoderStream()), duplex: 'half' }).then(r => r.text())"));
        Assert.Equal("part1-part2", Assert.Single(_server.Requests, r => r.Path == "/upload").Body);
    }

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void RequestWithStreamBody_IsReadAndSent(string engine)
    {
        _server.MapText("/put", "ok");
        Assert.Equal("\"ok\"",
            Result(engine, "fetch(new Request('BASE/put', { method: 'PUT', body: ReadableStream.from([new TextEncoder().encode('from a request')]), duplex: 'half' })).then(r => r.text())"));
        Assert.Equal("from a request", Assert.Single(_server.Requests, r => r.Path == "/put").Body);
    }

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void AnEmptyBody_IsAnEmptyStream_AndANoContentBodyIsNull(string engine)
    {
        _server.MapText("/empty", "").MapStatus("/none", 204);
        Assert.Equal("[true,null]",
            Result(engine, "(async () => { const empty = await fetch('BASE/empty'); const none = await fetch('BASE/none'); return [(await empty.body.getReader().read()).done, none.body]; })()"));
    }
}
