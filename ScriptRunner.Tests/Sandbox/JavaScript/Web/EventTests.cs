namespace ScriptRunner.Tests.Sandbox.JavaScript.Web;

/// <summary><c>Event</c>, <c>CustomEvent</c> and <c>EventTarget</c>, after what WPT's dom/events suite checks.</summary>
public sealed class EventTests
{
    private static string Eval(string engine, string code) => JsHarness.On(engine).Json(JsHarness.On(engine).Execute(code));

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void Event_Defaults(string engine) =>
        Assert.Equal("[\"x\",false,false,false,0,null,null,false,false,\"number\",true]",
            Eval(engine, "const e = new Event('x'); [e.type, e.bubbles, e.cancelable, e.composed, e.eventPhase, e.target, e.currentTarget, e.defaultPrevented, e.isTrusted, typeof e.timeStamp, e.returnValue]"));

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void Event_InitDictionary_SetsBubblesCancelableComposed_AndTypeIsAString(string engine) =>
        Assert.Equal("[true,true,true,\"null\",\"undefined\"]",
            Eval(engine, "const e = new Event('x', { bubbles: 1, cancelable: 'yes', composed: {} }); [e.bubbles, e.cancelable, e.composed, new Event(null).type, new Event(undefined).type]"));

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void Event_TypeThatIsASymbol_IsTypeError(string engine) =>
        Assert.Equal("[\"TypeError\",\"TypeError\"]",
            Eval(engine, "const name = (f) => { try { f(); return 'none'; } catch (e) { return e.name; } }; [name(() => new Event(Symbol('x'))), name(() => new EventTarget().addEventListener(Symbol('x'), () => {}))]"));

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void Event_WithoutType_IsTypeError(string engine) =>
        Assert.Equal("[\"TypeError\",\"Failed to construct 'Event': 1 argument required, but only 0 present.\"]",
            Eval(engine, "try { new Event(); } catch (e) { [e.name, e.message] }"));

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void Event_IsTrusted_IsAnOwnUnforgeableGetterSharedByEveryEvent(string engine) =>
        Assert.Equal("[\"function\",false,true,false]",
            Eval(engine, "const a = Object.getOwnPropertyDescriptor(new Event('a'), 'isTrusted'); const b = Object.getOwnPropertyDescriptor(new Event('b'), 'isTrusted'); [typeof a.get, a.configurable, a.get === b.get, a.get.call(new Event('c'))]"));

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void Event_PhaseConstants_AreOnTheConstructorAndPrototype(string engine) =>
        Assert.Equal("[0,1,2,3,0,2]", Eval(engine, "[Event.NONE, Event.CAPTURING_PHASE, Event.AT_TARGET, Event.BUBBLING_PHASE, new Event('x').NONE, Event.prototype.AT_TARGET]"));

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void PreventDefault_OnlyCancelsACancelableEvent_AndDispatchReturnsFalse(string engine) =>
        Assert.Equal("[true,false,false,true]",
            Eval(engine, "const t = new EventTarget(); t.addEventListener('x', e => e.preventDefault()); const a = new Event('x'); const b = new Event('x', { cancelable: true }); [t.dispatchEvent(a), a.defaultPrevented, t.dispatchEvent(b), b.defaultPrevented]"));

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void ReturnValue_SetFalse_CancelsAndSetTrue_DoesNotUncancel(string engine) =>
        Assert.Equal("[false,true,false]", Eval(engine, "const e = new Event('x', { cancelable: true }); e.returnValue = false; const a = e.returnValue; e.returnValue = true; [a, e.defaultPrevented, e.returnValue]"));

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void CancelBubble_SetTrueStopsPropagation_AndSetFalseIsIgnored(string engine) =>
        Assert.Equal("[true,true]", Eval(engine, "const e = new Event('x'); e.cancelBubble = true; e.cancelBubble = false; const a = e.cancelBubble; const f = new Event('y'); f.stopPropagation(); [a, f.cancelBubble]"));

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void Dispatch_SetsTargetCurrentTargetAndPhase_ThenResetsAllButTarget(string engine) =>
        Assert.Equal("[[true,true,2,true,1],true,null,0,0]",
            Eval(engine, "const t = new EventTarget(); let seen; t.addEventListener('x', function (e) { seen = [e.target === t, e.currentTarget === t, e.eventPhase, this === t, e.composedPath().length]; }); const e = new Event('x'); t.dispatchEvent(e); [seen, e.target === t, e.currentTarget, e.eventPhase, e.composedPath().length]"));

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void Dispatch_RunsCaptureListenersFirst_ThenTheOthers_InOrderAdded(string engine) =>
        Assert.Equal("[\"c1\",\"c2\",\"b1\",\"b2\"]",
            Eval(engine, "const t = new EventTarget(); const log = []; t.addEventListener('x', () => log.push('b1')); t.addEventListener('x', () => log.push('c1'), true); t.addEventListener('x', () => log.push('b2'), { capture: false }); t.addEventListener('x', () => log.push('c2'), { capture: true }); t.dispatchEvent(new Event('x')); log"));

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void Dispatch_OfAnEventBeingDispatched_IsInvalidStateError(string engine) =>
        Assert.Equal("[\"InvalidStateError\",true]",
            Eval(engine, "const t = new EventTarget(); let r; t.addEventListener('x', e => { try { t.dispatchEvent(e); } catch (err) { r = [err.name, err instanceof DOMException]; } }); t.dispatchEvent(new Event('x')); r"));

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void Dispatch_OfANonEvent_IsTypeError(string engine) =>
        Assert.Equal("[\"TypeError\",\"Failed to execute 'dispatchEvent' on 'EventTarget': parameter 1 is not of type 'Event'.\"]",
            Eval(engine, "try { new EventTarget().dispatchEvent({ type: 'x' }); } catch (e) { [e.name, e.message] }"));

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void Dispatch_AnEventCanBeDispatchedAgain(string engine) =>
        Assert.Equal("2", Eval(engine, "const t = new EventTarget(); let n = 0; t.addEventListener('x', () => n++); const e = new Event('x'); t.dispatchEvent(e); t.dispatchEvent(e); n"));

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void AddEventListener_SameListenerTwice_IsOneListener_ButCaptureMakesItAnother(string engine) =>
        Assert.Equal("3", Eval(engine, "const t = new EventTarget(); let n = 0; const f = () => n++; t.addEventListener('x', f); t.addEventListener('x', f); t.addEventListener('x', f, true); t.addEventListener('x', f, { capture: true, once: true }); t.addEventListener('y', f); t.dispatchEvent(new Event('x')); t.dispatchEvent(new Event('y')); n"));

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void AddEventListener_NullCallback_IsIgnored_AndTooFewArguments_IsTypeError(string engine) =>
        Assert.Equal("[true,\"TypeError\",\"Failed to execute 'addEventListener' on 'EventTarget': 2 arguments required, but only 1 present.\"]",
            Eval(engine, "const t = new EventTarget(); t.addEventListener('x', null); const ok = t.dispatchEvent(new Event('x')); try { t.addEventListener('x'); } catch (e) { [ok, e.name, e.message] }"));

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void Once_ListenerRunsOnce_EvenWhenTheEventIsNested(string engine) =>
        Assert.Equal("[1,1]", Eval(engine, "const t = new EventTarget(); let n = 0, m = 0; t.addEventListener('x', () => { n++; t.dispatchEvent(new Event('x')); }, { once: true }); t.addEventListener('y', () => m++, { once: true }); t.dispatchEvent(new Event('x')); t.dispatchEvent(new Event('x')); t.dispatchEvent(new Event('y')); t.dispatchEvent(new Event('y')); [n, m]"));

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void Passive_ListenerCannotCancel(string engine) =>
        Assert.Equal("[true,false,false,true]",
            Eval(engine, "const t = new EventTarget(); let inside; t.addEventListener('x', e => { e.preventDefault(); inside = e.defaultPrevented; }, { passive: true }); const e = new Event('x', { cancelable: true }); const r = t.dispatchEvent(e); const u = new EventTarget(); u.addEventListener('x', e => e.preventDefault(), { passive: false }); [r, inside, e.defaultPrevented, !u.dispatchEvent(new Event('x', { cancelable: true }))]"));

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void Signal_RemovesTheListenerWhenAborted(string engine) =>
        Assert.Equal("1", Eval(engine, "const t = new EventTarget(); const c = new AbortController(); let n = 0; t.addEventListener('x', () => n++, { signal: c.signal }); t.dispatchEvent(new Event('x')); c.abort(); t.dispatchEvent(new Event('x')); n"));

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void Signal_AlreadyAborted_AddsNothing(string engine) =>
        Assert.Equal("0", Eval(engine, "const t = new EventTarget(); let n = 0; t.addEventListener('x', () => n++, { signal: AbortSignal.abort() }); t.dispatchEvent(new Event('x')); n"));

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void Signal_AbortedDuringDispatch_StopsTheListenerBeforeItRuns(string engine) =>
        Assert.Equal("[\"first\"]", Eval(engine, "const t = new EventTarget(); const c = new AbortController(); const log = []; t.addEventListener('x', () => { log.push('first'); c.abort(); }); t.addEventListener('x', () => log.push('second'), { signal: c.signal }); t.dispatchEvent(new Event('x')); log"));

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void Signal_ThatIsNotAnAbortSignal_IsTypeError(string engine) =>
        Assert.Equal("\"TypeError\"", Eval(engine, "try { new EventTarget().addEventListener('x', () => {}, { signal: {} }); } catch (e) { e.name }"));

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void RemoveEventListener_RemovesOnlyTheMatchingCaptureFlag(string engine) =>
        Assert.Equal("[\"capture\"]", Eval(engine, "const t = new EventTarget(); const log = []; const f = (e) => log.push(e.eventPhase === 2 && log.length === 0 ? 'capture' : 'bubble'); t.addEventListener('x', f, true); t.addEventListener('x', f); t.removeEventListener('x', f, { capture: false }); t.dispatchEvent(new Event('x')); log"));

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void RemoveEventListener_DuringDispatch_KeepsALaterListenerFromRunning(string engine) =>
        Assert.Equal("[\"a\"]", Eval(engine, "const t = new EventTarget(); const log = []; const b = () => log.push('b'); t.addEventListener('x', () => { log.push('a'); t.removeEventListener('x', b); }); t.addEventListener('x', b); t.dispatchEvent(new Event('x')); log"));

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void AddEventListener_DuringDispatch_IsNotCalledForThatEvent(string engine) =>
        Assert.Equal("[\"a\",\"a\",\"late\"]", Eval(engine, "const t = new EventTarget(); const log = []; const late = () => log.push('late'); t.addEventListener('x', () => { log.push('a'); t.addEventListener('x', late); }); t.dispatchEvent(new Event('x')); t.dispatchEvent(new Event('x')); log"));

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void StopImmediatePropagation_SkipsTheRemainingListeners(string engine) =>
        Assert.Equal("[\"a\"]", Eval(engine, "const t = new EventTarget(); const log = []; t.addEventListener('x', e => { log.push('a'); e.stopImmediatePropagation(); }); t.addEventListener('x', () => log.push('b')); t.dispatchEvent(new Event('x')); log"));

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void StopPropagation_InACaptureListener_SkipsTheNonCaptureListenersOnlyForThatDispatch(string engine) =>
        Assert.Equal("[\"c\",\"c2\",\"c\",\"c2\"]", Eval(engine, "const t = new EventTarget(); const log = []; t.addEventListener('x', e => { log.push('c'); e.stopPropagation(); }, true); t.addEventListener('x', () => log.push('c2'), true); t.addEventListener('x', () => log.push('b')); t.dispatchEvent(new Event('x')); t.dispatchEvent(new Event('x')); log"));

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void HandleEvent_OfAnObjectListener_IsLookedUpAtDispatch_WithTheObjectAsThis(string engine) =>
        Assert.Equal("[true,\"second\"]", Eval(engine, "const t = new EventTarget(); let r; const o = { handleEvent() { r = 'first'; } }; t.addEventListener('x', o); o.handleEvent = function (e) { r = [this === o, 'second']; }; t.dispatchEvent(new Event('x')); r"));

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void AThrowingListener_IsReportedOnStderr_AndTheNextListenerStillRuns(string engine)
    {
        var run = JsHarness.On(engine).Execute("const t = new EventTarget(); let n = 0; t.addEventListener('x', () => { throw new Error('boom'); }); t.addEventListener('x', {}); t.addEventListener('x', () => n++); t.dispatchEvent(new Event('x')); n");
        Assert.Equal("1", JsHarness.On(engine).Json(run));
        Assert.StartsWith("Uncaught Error: boom\n", run.Output.Stderr);
        Assert.Contains("Uncaught TypeError: 'handleEvent' property of the listener is not callable.", run.Output.Stderr);
    }

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void EventTarget_CanBeSubclassed(string engine) =>
        Assert.Equal("[true,\"ping\",\"[object EventTarget]\"]", Eval(engine, "class Bus extends EventTarget { ping() { this.dispatchEvent(new CustomEvent('ping', { detail: 'ping' })); } } const b = new Bus(); let d; b.addEventListener('ping', e => d = e.detail); b.ping(); [b instanceof EventTarget, d, Object.prototype.toString.call(new EventTarget())]"));

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void CustomEvent_DetailDefaultsToNull_AndInitCustomEventSetsIt(string engine) =>
        Assert.Equal("[null,{\"a\":1},true,\"y\",true,7]", Eval(engine, "const a = new CustomEvent('x'); const b = new CustomEvent('x', { detail: { a: 1 } }); const c = new CustomEvent('x'); c.initCustomEvent('y', true, false, 7); [a.detail, b.detail, b instanceof Event, c.type, c.bubbles, c.detail]"));

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void InitEvent_ResetsTheEvent_ButNotWhileItIsDispatched(string engine) =>
        Assert.Equal("[\"x\",\"y\",true,true]", Eval(engine, "const t = new EventTarget(); let inner; t.addEventListener('x', e => { e.initEvent('z'); inner = e.type; }); const e = new Event('x'); t.dispatchEvent(e); const f = new Event('a'); f.initEvent('y', true, true); [inner, f.type, f.bubbles, f.cancelable]"));
}
