using System.Diagnostics;
using ScriptRunner.Core.Hosting;
using ScriptRunner.Core.Options;
using ScriptRunner.Tests.Support;

namespace ScriptRunner.Tests.Sandbox.JavaScript.Web;

/// <summary><c>fetch</c> with a signal against a real local server, after what WPT's fetch/api/abort suite checks.</summary>
public sealed class FetchAbortTests : IDisposable
{
    private static readonly TimeSpan SlowAnswer = TimeSpan.FromSeconds(8);
    private readonly LoopbackServer _server = new();
    private readonly SandboxFetcherFactory _fetchers = new(new SandboxFetchOptions { AllowPrivateNetworks = true });

    public void Dispose()
    {
        _fetchers.Dispose();
        _server.Dispose();
    }

    private JsHarness.Run Run(string engine, string code, IReadOnlyDictionary<string, string>? env = null) =>
        JsHarness.On(engine).Execute(code.Replace("BASE/", _server.Url("/").AbsoluteUri, StringComparison.Ordinal), env: env,
            fetcher: _fetchers.Create(CancellationToken.None), timeout: TimeSpan.FromSeconds(20));

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void AnAbortedSignal_RejectsWithAnAbortError_WithoutSendingTheRequest(string engine)
    {
        _server.MapText("/x", "x");
        var run = Run(engine, "const c = new AbortController(); c.abort(); fetch('BASE/x', { signal: c.signal }).then(() => 'resolved', e => [e.name, e instanceof DOMException])");
        Assert.Equal("[\"AbortError\",true]", JsHarness.On(engine).Json(run));
        Assert.Equal(0, _server.CountRequests("/x"));
    }

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void AnAbortedSignal_RejectsWithItsOwnReason(string engine)
    {
        var run = Run(engine, "fetch('BASE/x', { signal: AbortSignal.abort({ code: 7 }) }).catch(e => e)");
        Assert.Equal("{\"code\":7}", JsHarness.On(engine).Json(run));
    }

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void ASeedStyleOptionsObject_MayCarryTheSignal(string engine)
    {
        var run = Run(engine, "fetch({ url: 'BASE/x', signal: AbortSignal.abort() }).catch(e => e.name)");
        Assert.Equal("\"AbortError\"", JsHarness.On(engine).Json(run));
    }

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void ARequestsAbortedSignal_RejectsTheFetchOfThatRequest(string engine)
    {
        var run = Run(engine, "const c = new AbortController(); const r = new Request('BASE/x', { signal: c.signal }); c.abort(); fetch(r).catch(e => e.name)");
        Assert.Equal("\"AbortError\"", JsHarness.On(engine).Json(run));
    }

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void AbortRightAfterTheCall_RejectsThePendingFetch(string engine)
    {
        _server.MapText("/quick", "quick");
        var run = Run(engine, "const c = new AbortController(); const p = fetch('BASE/quick', { signal: c.signal }); c.abort(); p.then(() => 'resolved', e => e.name)");
        Assert.Equal("\"AbortError\"", JsHarness.On(engine).Json(run));
    }

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void ASignalThatNeverAborts_LeavesTheFetchAlone_AndALaterAbortIsHarmless(string engine)
    {
        _server.MapText("/ok", "fine");
        var run = Run(engine, "(async () => { const c = new AbortController(); const r = await fetch('BASE/ok', { signal: c.signal }); c.abort(); return [r.status, await r.text()]; })()");
        Assert.Equal("[200,\"fine\"]", JsHarness.On(engine).Json(run));
    }

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void ATimeout_CancelsTheHostRequestAtThatTime_AndRejectsWithATimeoutError(string engine)
    {
        _server.MapDelay("/slow", SlowAnswer);
        var watch = Stopwatch.StartNew();
        var run = Run(engine, "const s = AbortSignal.timeout(300); const t = performance.now(); fetch('BASE/slow', { signal: s }).then(() => 'resolved', e => [e.name, e.message, e === s.reason, s.aborted, performance.now() - t >= 290 && performance.now() - t < 4000])");
        Assert.Equal("[\"TimeoutError\",\"signal timed out\",true,true,true]", JsHarness.On(engine).Json(run));
        Assert.True(watch.Elapsed < SlowAnswer, $"took {watch.Elapsed}");
    }

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void ATimeoutAmongOtherSignals_StillCancelsTheHostRequest(string engine)
    {
        _server.MapDelay("/slow", SlowAnswer);
        var watch = Stopwatch.StartNew();
        var run = Run(engine, "const c = new AbortController(); const t = performance.now(); fetch('BASE/slow', { signal: AbortSignal.any([c.signal, AbortSignal.timeout(5000), AbortSignal.timeout(200)]) }).catch(e => [e.name, performance.now() - t < 4000])");
        Assert.Equal("[\"TimeoutError\",true]", JsHarness.On(engine).Json(run));
        Assert.True(watch.Elapsed < SlowAnswer, $"took {watch.Elapsed}");
    }

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void ATimeoutThatHasNotPassed_LetsTheAnswerThrough(string engine)
    {
        _server.MapText("/ok", "in time");
        var run = Run(engine, "const s = AbortSignal.timeout(5000); fetch('BASE/ok', { signal: s }).then(r => r.text()).then(t => [t, s.aborted])");
        Assert.Equal("[\"in time\",false]", JsHarness.On(engine).Json(run));
    }

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void ASignalThatIsNotAnAbortSignal_IsTypeError(string engine)
    {
        var run = Run(engine, "fetch('BASE/x', { signal: 'soon' }).catch(e => [e.name, e.message])");
        Assert.Equal("[\"TypeError\",\"Failed to read the 'signal' property from 'RequestInit': Failed to convert value to 'AbortSignal'.\"]", JsHarness.On(engine).Json(run));
    }

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void Sample_FetchTimeout_AnswersA504WhenTheUpstreamIsTooSlow(string engine)
    {
        _server.MapDelay("/slow", SlowAnswer);
        var run = Run(engine, Sample("fetch-timeout.mjs"), new Dictionary<string, string> { ["UPSTREAM_URL"] = _server.Url("/slow").AbsoluteUri, ["TIMEOUT_MS"] = "250" });
        var result = System.Text.Json.Nodes.JsonNode.Parse(JsHarness.On(engine).Json(run))!;
        Assert.Equal(504, (int)result["statusCode"]!);
        Assert.StartsWith("{\"error\":\"upstream did not answer within 250 ms\",\"waited\":", (string)result["body"]!);
    }

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void Sample_FetchTimeout_PassesAQuickAnswerThrough(string engine)
    {
        _server.MapText("/fast", "upstream says hi");
        var run = Run(engine, Sample("fetch-timeout.mjs"), new Dictionary<string, string> { ["UPSTREAM_URL"] = _server.Url("/fast").AbsoluteUri });
        Assert.Equal("{\"statusCode\":200,\"headers\":{\"content-type\":\"text/plain;charset=UTF-8\"},\"body\":\"upstream says hi\"}", JsHarness.On(engine).Json(run));
    }

    internal static string Sample(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Samples", "js", name));
}
