using ScriptRunner.Core.Hosting;
using ScriptRunner.Core.Options;
using ScriptRunner.Tests.Support;

namespace ScriptRunner.Tests.Sandbox.JavaScript;

/// <summary><c>fetch</c> against a real local HTTP server, through the real sandbox fetch policy.</summary>
public sealed class FetchTests : IDisposable
{
    private readonly LoopbackServer _server = new();
    private readonly SandboxFetcherFactory _allowingLoopback = new(new SandboxFetchOptions { AllowPrivateNetworks = true });
    private readonly SandboxFetcherFactory _defaultPolicy = new(new SandboxFetchOptions());

    public void Dispose()
    {
        _allowingLoopback.Dispose();
        _defaultPolicy.Dispose();
        _server.Dispose();
    }

    private JsHarness.Run Run(string engine, string code, SandboxFetcherFactory? policy = null) =>
        JsHarness.On(engine).Execute(code.Replace("BASE/", _server.Url("/").AbsoluteUri, StringComparison.Ordinal), fetcher: (policy ?? _allowingLoopback).Create(CancellationToken.None));

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void Fetch_Get_ResolvesToAResponseWithStatusHeadersAndJson(string engine)
    {
        _server.MapText("/api/hello", "{\"hello\":\"world\"}", "application/json");
        var run = Run(engine, "(async () => { const r = await fetch('BASE/api/hello'); return [r.ok, r.status, r.statusText, r.headers.get('Content-Type'), r.url === 'BASE/api/hello', (await r.json()).hello]; })()");
        Assert.Equal("[true,200,\"OK\",\"application/json\",true,\"world\"]", JsHarness.On(engine).Json(run));
    }

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void Fetch_WithRequestObject_SendsMethodHeadersAndBody(string engine)
    {
        _server.MapText("/items", "created", status: 201);
        var run = Run(engine, "(async () => { const r = await fetch(new Request('BASE/items', { method: 'PUT', headers: { 'X-Key': 'k' }, body: 'raw' })); return [r.status, await r.text()]; })()");
        Assert.Equal("[201,\"created\"]", JsHarness.On(engine).Json(run));
        var sent = Assert.Single(_server.Requests, r => r.Path == "/items");
        Assert.Equal(("PUT", "k", "raw"), (sent.Method, sent.Headers["X-Key"], sent.Body));
    }

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void Fetch_WithSeedOptionsObject_SendsAnObjectBodyAsJson(string engine)
    {
        _server.MapText("/json", "ok");
        var run = Run(engine, "fetch({ url: 'BASE/json', method: 'post', body: { n: 1 } }).then(r => r.text())");
        Assert.Equal("\"ok\"", JsHarness.On(engine).Json(run));
        var sent = Assert.Single(_server.Requests, r => r.Path == "/json");
        Assert.Equal(("POST", "{\"n\":1}", "application/json"), (sent.Method, sent.Body, sent.Headers["Content-Type"]));
    }

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void Fetch_AcceptsUrlObjectAndInit(string engine)
    {
        _server.MapText("/q", "query");
        var run = Run(engine, "const u = new URL('BASE/q'); u.searchParams.set('a', 'b c'); fetch(u, { headers: new Headers({ 'X-T': '1' }) }).then(r => r.text())");
        Assert.Equal("\"query\"", JsHarness.On(engine).Json(run));
        var sent = Assert.Single(_server.Requests, r => r.Path == "/q");
        Assert.Equal(("?a=b+c", "1"), (sent.Query, sent.Headers["X-T"]));
    }

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void Fetch_FollowsRedirects(string engine)
    {
        _server.MapRedirect("/old", "/new").MapText("/new", "moved here");
        var run = Run(engine, "fetch('BASE/old').then(async r => [r.status, await r.text()])");
        Assert.Equal("[200,\"moved here\"]", JsHarness.On(engine).Json(run));
    }

    [Fact]
    public void Fetch_ResponseUrlIsTheFinalUrlAfterRedirects()
    {
        _server.MapRedirect("/old", "/new").MapText("/new", "moved here");
        var run = Run("jint", "fetch('BASE/old').then(r => [r.url, r.redirected])");
        Assert.Equal($"[\"{_server.Url("/new").AbsoluteUri}\",true]", JsHarness.Json(run));
    }

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void Fetch_ErrorStatus_IsAResponseNotARejection(string engine)
    {
        _server.MapStatus("/missing", 404, "nope");
        var run = Run(engine, "fetch('BASE/missing').then(async r => [r.ok, r.status, await r.text()])");
        Assert.Equal("[false,404,\"nope\"]", JsHarness.On(engine).Json(run));
    }

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void Fetch_RefusedByPolicy_RejectsWithACatchableFetchError(string engine)
    {
        var run = Run(engine, "fetch('BASE/x').catch(e => [e instanceof Error, e.name, e.code, e.message.includes('127.0.0.1')])", _defaultPolicy);
        Assert.Equal("[true,\"FetchError\",\"PolicyRefused\",true]", JsHarness.On(engine).Json(run));
        Assert.Empty(_server.Requests);
    }

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void Fetch_UncaughtRejection_InAHandler_IsRuntimeError(string engine)
    {
        var run = Run(engine, "export default async () => (await fetch('BASE/x')).status;", _defaultPolicy);
        Assert.Equal("RuntimeError", run.Outcome.ErrorType);
        Assert.StartsWith("FetchError: fetch to ", run.Outcome.Error);
        Assert.Contains("127.0.0.1", run.Outcome.Error);
    }

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void Fetch_WithoutUrl_RejectsWithTypeError(string engine) =>
        Assert.Equal("TypeError: fetch: options.url is required", Run(engine, "fetch({ method: 'GET' })").Outcome.Error);
}
