using System.Diagnostics;

namespace ScriptRunner.Tests.Sandbox.JavaScript.Web;

/// <summary><c>AbortController</c> and <c>AbortSignal</c>, after what WPT's dom/abort suite checks.</summary>
public sealed class AbortTests
{
    private static string Eval(string engine, string code) => JsHarness.On(engine).Json(JsHarness.On(engine).Execute(code));

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void NewController_HasANonAbortedSignalWithoutReason(string engine) =>
        Assert.Equal("[false,null,true,true,\"[object AbortSignal]\"]",
            Eval(engine, "const c = new AbortController(); [c.signal.aborted, c.signal.reason === undefined ? null : 'set', c.signal === c.signal, c.signal instanceof EventTarget, Object.prototype.toString.call(c.signal)]"));

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void Abort_FiresOneTrustedAbortEventSynchronously_AndASecondAbortDoesNothing(string engine) =>
        Assert.Equal("[[\"abort\",true,true,false,false],1,true]",
            Eval(engine, "const c = new AbortController(); let seen, n = 0; c.signal.addEventListener('abort', e => { n++; seen = [e.type, e.isTrusted, e.target === c.signal, e.bubbles, e.cancelable]; }); c.abort(); c.abort('again'); [seen, n, c.signal.reason.name === 'AbortError']"));

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void Abort_WithoutReason_IsAnAbortErrorDOMException(string engine) =>
        Assert.Equal("[true,\"AbortError\",\"signal is aborted without reason\",true]",
            Eval(engine, "const c = new AbortController(); c.abort(); const r = c.signal.reason; [r instanceof DOMException, r.name, r.message, r instanceof Error]"));

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void Abort_WithAReason_KeepsItAsGiven_AndUndefinedMeansTheDefault(string engine) =>
        Assert.Equal("[true,null,\"AbortError\"]",
            Eval(engine, "const r = { why: 1 }; const a = new AbortController(); a.abort(r); const b = new AbortController(); b.abort(null); const c = new AbortController(); c.abort(undefined); [a.signal.reason === r, b.signal.reason, c.signal.reason.name]"));

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void OnAbort_IsCalledWithTheSignalAsThis_BeforeLaterListeners_AndNullRemovesIt(string engine) =>
        Assert.Equal("[[\"handler\",\"listener\"],true,0]",
            Eval(engine, "const c = new AbortController(); const log = []; let self; c.signal.onabort = function (e) { self = this === c.signal; log.push('handler'); }; c.signal.addEventListener('abort', () => log.push('listener')); c.abort(); const d = new AbortController(); let n = 0; d.signal.onabort = () => n++; d.signal.onabort = null; d.abort(); [log, self, n]"));

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void ThrowIfAborted_ThrowsTheReason_AndIsQuietOtherwise(string engine) =>
        Assert.Equal("[\"quiet\",\"why\"]",
            Eval(engine, "const c = new AbortController(); c.signal.throwIfAborted(); c.abort('why'); try { c.signal.throwIfAborted(); } catch (e) { ['quiet', e] }"));

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void AbortSignal_IsNotConstructible(string engine) =>
        Assert.Equal("[\"TypeError\",\"Failed to construct 'AbortSignal': Illegal constructor\"]", Eval(engine, "try { new AbortSignal(); } catch (e) { [e.name, e.message] }"));

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void AbortSignalAbort_IsAlreadyAborted_WithTheDefaultOrGivenReason(string engine) =>
        Assert.Equal("[true,\"AbortError\",\"mine\"]", Eval(engine, "const s = AbortSignal.abort(); [s.aborted, s.reason.name, AbortSignal.abort('mine').reason]"));

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void AbortSignalTimeout_AbortsWithATimeoutErrorOnTheExecutionsTimers(string engine) =>
        Assert.Equal("[false,true,\"TimeoutError\",\"signal timed out\",true]",
            Eval(engine, "(async () => { const s = AbortSignal.timeout(20); const before = s.aborted; await new Promise(r => s.addEventListener('abort', r)); return [before, s.aborted, s.reason.name, s.reason.message, s.reason instanceof DOMException]; })()"));

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void AbortSignalTimeout_OfZero_AbortsOnATimerTurn_NotAtOnce(string engine) =>
        Assert.Equal("[false,false,true]",
            Eval(engine, "(async () => { const s = AbortSignal.timeout(0); const now = s.aborted; await Promise.resolve(); const micro = s.aborted; await new Promise(r => setTimeout(r, 0)); return [now, micro, s.aborted]; })()"));

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void AbortSignalTimeout_DoesNotKeepTheExecutionAlive(string engine)
    {
        var watch = Stopwatch.StartNew();
        Assert.Equal("false", Eval(engine, "AbortSignal.timeout(60000).aborted"));
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"took {watch.Elapsed}");
    }

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void AbortSignalTimeout_OutOfRange_IsTypeError(string engine) =>
        Assert.Equal("[\"TypeError\",\"TypeError\",\"Failed to execute 'timeout' on 'AbortSignal': Value is outside the 'unsigned long long' value range.\"]",
            Eval(engine, "const name = (f) => { try { f(); return 'none'; } catch (e) { return e.name; } }; [name(() => AbortSignal.timeout(-1)), name(() => AbortSignal.timeout(Infinity)), (() => { try { AbortSignal.timeout(NaN); } catch (e) { return e.message; } })()]"));

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void Any_OfNothing_NeverAborts(string engine) =>
        Assert.Equal("[false,true]", Eval(engine, "const s = AbortSignal.any([]); [s.aborted, s instanceof AbortSignal]"));

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void Any_AbortsWhenTheFirstSourceAborts_WithItsReason(string engine) =>
        Assert.Equal("[false,true,\"first\",\"first\"]",
            Eval(engine, "const a = new AbortController(), b = new AbortController(); const s = AbortSignal.any([a.signal, b.signal]); const before = s.aborted; a.abort('first'); b.abort('second'); [before, s.aborted, s.reason, a.signal.reason]"));

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void Any_WithAnAbortedSource_IsAbortedAtOnce(string engine) =>
        Assert.Equal("[true,\"gone\"]", Eval(engine, "const s = AbortSignal.any([new AbortController().signal, AbortSignal.abort('gone')]); [s.aborted, s.reason]"));

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void Any_FiresTheSourcesAbortEventBeforeTheDependents(string engine) =>
        Assert.Equal("[\"source\",\"dependent\",\"nested\"]",
            Eval(engine, "const c = new AbortController(); const log = []; const d = AbortSignal.any([c.signal]); const n = AbortSignal.any([d]); n.onabort = () => log.push('nested'); d.onabort = () => log.push('dependent'); c.signal.onabort = () => log.push('source'); c.abort(); log"));

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void Any_OfADependentSignal_FollowsTheOriginalSources(string engine) =>
        Assert.Equal("[true,\"r\"]", Eval(engine, "const c = new AbortController(); const n = AbortSignal.any([AbortSignal.any([c.signal])]); c.abort('r'); [n.aborted, n.reason]"));

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void Any_FollowsATimeout(string engine) =>
        Assert.Equal("\"TimeoutError\"", Eval(engine, "(async () => { const s = AbortSignal.any([new AbortController().signal, AbortSignal.timeout(10)]); await new Promise(r => s.onabort = r); return s.reason.name; })()"));

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void Any_OfSomethingElse_IsTypeError(string engine) =>
        Assert.Equal("[\"TypeError\",\"TypeError\"]", Eval(engine, "const name = (f) => { try { f(); return 'none'; } catch (e) { return e.name; } }; [name(() => AbortSignal.any([{}])), name(() => AbortSignal.any(5))]"));

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void RequestSignal_IsAnAbortSignalThatFollowsTheGivenOne(string engine) =>
        Assert.Equal("[true,false,false,true,\"why\",false]",
            Eval(engine, "const c = new AbortController(); const r = new Request('http://x/', { signal: c.signal }); const s = r.signal; const before = s.aborted; c.abort('why'); [s instanceof AbortSignal, s === c.signal, before, s.aborted, s.reason, new Request('http://y/').signal.aborted]"));

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void RequestSignal_ThatIsNotAnAbortSignal_IsTypeError(string engine) =>
        Assert.Equal("[\"TypeError\",\"Failed to read the 'signal' property from 'RequestInit': Failed to convert value to 'AbortSignal'.\"]",
            Eval(engine, "try { new Request('http://x/', { signal: {} }); } catch (e) { [e.name, e.message] }"));

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void NothingLeaksIntoTheNextExecution(string engine)
    {
        var sandbox = JsEngines.Sandbox(engine);
        JsHarness.Execute("globalThis.c = new AbortController(); c.signal.addEventListener('abort', () => console.log('leak')); performance.mark('m'); 1", sandbox: sandbox, engine: engine);
        var run = JsHarness.Execute("[typeof globalThis.c, performance.getEntries().length]", sandbox: sandbox, engine: engine);
        Assert.Equal("[\"undefined\",0]", JsHarness.Json(run));
        Assert.Equal("", run.Output.Stdout);
    }
}
