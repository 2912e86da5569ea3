using Moq;
using ScriptRunner.Core.Hosting;
using ScriptRunner.Core.Model;

namespace ScriptRunner.Tests.Sandbox.JavaScript;

public sealed class FetchTests
{
    private static readonly SandboxFetchResponse JsonResponse = new(200, "OK",
        new Dictionary<string, string> { ["Content-Type"] = "application/json" }, "{\"hello\":\"world\"}");

    [Fact]
    public void Fetch_WithUrl_SendsGetAndReturnsResponse()
    {
        var fetcher = new Mock<ISandboxFetcher>();
        fetcher.Setup(f => f.Send(It.IsAny<SandboxFetchRequest>(), It.IsAny<CancellationToken>())).Returns(JsonResponse);
        var run = JsHarness.Execute("var r = fetch('https://api.test/x'); [r.ok, r.status, r.statusText, r.headers['content-type'], r.headers.get('Content-Type'), r.body, r.text(), r.json().hello]", fetcher: fetcher.Object);
        Assert.Equal("[true,200,\"OK\",\"application/json\",\"application/json\",\"{\\\"hello\\\":\\\"world\\\"}\",\"{\\\"hello\\\":\\\"world\\\"}\",\"world\"]", run.Outcome.Result!.ToJsonString(JsHarness.Relaxed));
        fetcher.Verify(f => f.Send(It.Is<SandboxFetchRequest>(r => r.Url == "https://api.test/x" && r.Method == "GET" && r.Body == null && r.Headers.Count == 0), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public void Fetch_WithOptionsObject_SendsMethodHeadersAndBody()
    {
        SandboxFetchRequest? sent = null;
        var fetcher = new Mock<ISandboxFetcher>();
        fetcher.Setup(f => f.Send(It.IsAny<SandboxFetchRequest>(), It.IsAny<CancellationToken>()))
            .Callback<SandboxFetchRequest, CancellationToken>((r, _) => sent = r)
            .Returns(new SandboxFetchResponse(201, "Created", new Dictionary<string, string>(), ""));
        var run = JsHarness.Execute("fetch({ url: 'https://api.test/items', method: 'post', headers: { 'X-Key': 'k' }, body: 'raw' }).status", fetcher: fetcher.Object);
        Assert.Equal("201", run.Outcome.Result!.ToJsonString(JsHarness.Relaxed));
        Assert.Equal("POST", sent!.Method);
        Assert.Equal("k", sent.Headers["X-Key"]);
        Assert.Equal("raw", sent.Body);
    }

    [Fact]
    public void Fetch_WithUrlAndInit_SerializesObjectBodyAsJson()
    {
        SandboxFetchRequest? sent = null;
        var fetcher = new Mock<ISandboxFetcher>();
        fetcher.Setup(f => f.Send(It.IsAny<SandboxFetchRequest>(), It.IsAny<CancellationToken>()))
            .Callback<SandboxFetchRequest, CancellationToken>((r, _) => sent = r)
            .Returns(new SandboxFetchResponse(404, "Not Found", new Dictionary<string, string>(), "nope"));
        var run = JsHarness.Execute("var r = fetch('https://api.test/a', { method: 'PUT', body: { n: 1 } }); [r.ok, r.status]", fetcher: fetcher.Object);
        Assert.Equal("[false,404]", run.Outcome.Result!.ToJsonString(JsHarness.Relaxed));
        Assert.Equal("{\"n\":1}", sent!.Body);
        Assert.Equal("application/json", sent.Headers["content-type"]);
    }

    [Fact]
    public void Fetch_AcceptsUrlObject()
    {
        var fetcher = new Mock<ISandboxFetcher>();
        fetcher.Setup(f => f.Send(It.Is<SandboxFetchRequest>(r => r.Url == "https://api.test/p?q=1"), It.IsAny<CancellationToken>())).Returns(JsonResponse);
        var run = JsHarness.Execute("fetch(new URL('https://api.test/p?q=1')).status", fetcher: fetcher.Object);
        Assert.Equal("200", run.Outcome.Result!.ToJsonString(JsHarness.Relaxed));
    }

    [Fact]
    public void Fetch_RefusedIsCatchableErrorWithCode()
    {
        var fetcher = new Mock<ISandboxFetcher>();
        fetcher.Setup(f => f.Send(It.IsAny<SandboxFetchRequest>(), It.IsAny<CancellationToken>()))
            .Throws(new SandboxFetchException(SandboxFetchError.PolicyRefused, "host not allowed: evil.test"));
        var run = JsHarness.Execute("try { fetch('https://evil.test/'); } catch (e) { [e instanceof Error, e.message, e.code, e.name]; }", fetcher: fetcher.Object);
        Assert.Equal("[true,\"host not allowed: evil.test\",\"PolicyRefused\",\"FetchError\"]", run.Outcome.Result!.ToJsonString(JsHarness.Relaxed));
    }

    [Fact]
    public void Fetch_UncaughtFailureIsRuntimeError()
    {
        var fetcher = new Mock<ISandboxFetcher>();
        fetcher.Setup(f => f.Send(It.IsAny<SandboxFetchRequest>(), It.IsAny<CancellationToken>()))
            .Throws(new SandboxFetchException(SandboxFetchError.NetworkError, "connection refused"));
        var run = JsHarness.Execute("fetch('https://down.test/')", fetcher: fetcher.Object);
        Assert.Equal(ErrorTypes.RuntimeError, run.Outcome.ErrorType);
        Assert.Equal("FetchError: connection refused", run.Outcome.Error);
    }

    [Fact]
    public void Fetch_WithoutUrlIsTypeError()
    {
        var run = JsHarness.Execute("fetch({ method: 'GET' })", fetcher: Mock.Of<ISandboxFetcher>());
        Assert.Equal("TypeError: fetch: options.url is required", run.Outcome.Error);
    }

    [Fact]
    public void Fetch_PassesTheRunsCancellationToken()
    {
        // The token handed to the fetcher must be the run's: cancelling the caller's token while the fetch is in
        // flight cancels it.
        using var caller = new CancellationTokenSource();
        bool? cancelledBefore = null, cancelledAfter = null;
        var fetcher = new Mock<ISandboxFetcher>();
        fetcher.Setup(f => f.Send(It.IsAny<SandboxFetchRequest>(), It.IsAny<CancellationToken>()))
            .Callback<SandboxFetchRequest, CancellationToken>((_, t) =>
            {
                cancelledBefore = t.IsCancellationRequested;
                caller.Cancel();
                cancelledAfter = t.IsCancellationRequested;
            })
            .Returns(JsonResponse);
        var run = JsHarness.Execute("fetch('https://api.test/')", fetcher: fetcher.Object, timeout: TimeSpan.FromSeconds(60), cancellation: caller.Token);
        Assert.False(cancelledBefore);
        Assert.True(cancelledAfter);
        Assert.Equal(ErrorTypes.Timeout, run.Outcome.ErrorType);
    }
}
