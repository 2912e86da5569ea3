using System.Diagnostics;
using ScriptRunner.Core.Model;

namespace ScriptRunner.Tests.Sandbox.JavaScript;

/// <summary>Promises, timers and microtasks within one execution's deadline.</summary>
public sealed class EventLoopTests
{
    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void Timers_FireInDueOrderThenTheHandlerSettles(string engine)
    {
        var run = JsHarness.On(engine).Execute("setTimeout(() => console.log('b'), 200); setTimeout(() => console.log('a'), 1); new Promise(r => setTimeout(() => r('done'), 300))");
        Assert.Equal("\"done\"", JsHarness.On(engine).Json(run));
        Assert.Equal("a\nb\n", run.Output.Stdout);
    }

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void Timers_ReceiveTheirArguments(string engine) => Assert.Equal("5", JsHarness.On(engine).Result("new Promise(r => setTimeout((a, b) => r(a + b), 1, 2, 3))"));

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void ClearTimeout_StopsATimer(string engine)
    {
        var run = JsHarness.On(engine).Execute("const t = setTimeout(() => console.log('never'), 5); clearTimeout(t); new Promise(r => setTimeout(r, 20, 'ok'))");
        Assert.Equal("\"ok\"", JsHarness.On(engine).Json(run));
        Assert.Equal("", run.Output.Stdout);
    }

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void SetInterval_RepeatsUntilCleared(string engine) =>
        Assert.Equal("3", JsHarness.On(engine).Result("new Promise(r => { let n = 0; const i = setInterval(() => { if (++n === 3) { clearInterval(i); r(n); } }, 1); })"));

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void Microtasks_RunBeforeTimers(string engine)
    {
        var run = JsHarness.On(engine).Execute("setTimeout(() => console.log('timer'), 0); queueMicrotask(() => console.log('micro')); Promise.resolve().then(() => console.log('then')); new Promise(r => setTimeout(r, 5))");
        Assert.Equal("micro\nthen\ntimer\n", run.Output.Stdout);
    }

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void PendingTimers_AreDroppedWhenTheHandlerSettles(string engine)
    {
        var watch = Stopwatch.StartNew();
        var run = JsHarness.On(engine).Execute("export default () => { setTimeout(() => console.log('late'), 3000); return 'now'; }");
        Assert.Equal("{\"statusCode\":200,\"headers\":{},\"body\":\"now\"}", JsHarness.On(engine).Json(run));
        Assert.Equal("", run.Output.Stdout);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(2), $"took {watch.Elapsed}");
    }

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void NeverSettlingPromise_WithNothingPending_IsTimeoutAtOnce(string engine)
    {
        var watch = Stopwatch.StartNew();
        var run = JsHarness.On(engine).Execute("export default () => new Promise(() => {});", timeout: TimeSpan.FromSeconds(10));
        Assert.Equal(ErrorTypes.Timeout, run.Outcome.ErrorType);
        Assert.Equal("execution timed out: the promise it waits for never settled (no timer or pending job was left to settle it)", run.Outcome.Error);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"took {watch.Elapsed}");
    }

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void NeverSettlingPromise_WithATimerBeyondTheDeadline_IsTimeoutAtTheDeadline(string engine)
    {
        var run = JsHarness.On(engine).Execute("new Promise(r => setTimeout(r, 60000))", timeout: TimeSpan.FromMilliseconds(300));
        Assert.Equal(ErrorTypes.Timeout, run.Outcome.ErrorType);
        Assert.Equal("execution timed out after 300 ms", run.Outcome.Error);
    }

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void UnhandledRejection_IsWrittenToStderrAndTheRunSucceeds(string engine)
    {
        var run = JsHarness.On(engine).Execute("Promise.reject(new TypeError('nobody caught me')); Promise.reject('text').catch(() => {}); 7");
        Assert.Equal("7", JsHarness.On(engine).Json(run));
        Assert.Equal("Uncaught (in promise) TypeError: nobody caught me\n    at main.js:1:16\n", run.Output.Stderr);
    }

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void ThrowInTimerCallback_IsWrittenToStderr(string engine)
    {
        var run = JsHarness.On(engine).Execute("setTimeout(() => { throw new Error('in timer'); }, 1); new Promise(r => setTimeout(r, 10, 'after'))");
        Assert.Equal("\"after\"", JsHarness.On(engine).Json(run));
        Assert.StartsWith("Uncaught Error: in timer\n", run.Output.Stderr);
    }

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void WaitUntil_IsAwaitedBeforeTheAnswer(string engine)
    {
        var run = JsHarness.On(engine).Execute("export default { fetch(req, env, ctx) { ctx.waitUntil(new Promise(r => setTimeout(() => { console.log('background'); r(); }, 10))); return new Response('ok'); } };");
        Assert.Equal("background\n", run.Output.Stdout);
    }
}
