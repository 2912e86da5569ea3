namespace ScriptRunner.Tests.Sandbox.JavaScript.Web.Streams;

/// <summary>
/// pipeTo and pipeThrough with their options: what WPT's streams/piping suites check. The abort signal here is a
/// small AbortSignal-like object (aborted, reason, addEventListener, removeEventListener), as pipeTo accepts any.
/// </summary>
public sealed class PipeTests
{
    private const string Signal = """
        function signalLike() {
          const listeners = new Set();
          const signal = { aborted: false, reason: undefined, addEventListener(type, fn) { listeners.add(fn); }, removeEventListener(type, fn) { listeners.delete(fn); } };
          return { signal, listeners, abort(reason) { signal.aborted = true; signal.reason = reason; for (const fn of [...listeners]) fn(); } };
        }
        """;

    private const string Helpers = """
        const source = (chunks, extra = {}) => new ReadableStream({ start(c) { for (const x of chunks) c.enqueue(x); if (!extra.open) c.close(); }, cancel: extra.cancel });
        const sink = (log, extra = {}) => new WritableStream({ write(c) { log.push(c); }, close() { log.push('close'); }, abort(r) { log.push('abort:' + r); } });
        """;

    private static string Result(string engine, string code) => JsHarness.On(engine).Result(Signal + Helpers + code);

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void PipeTo_WritesEveryChunkAndCloses(string engine) =>
        Assert.Equal("""["a","b","close"]""",
            Result(engine, "(async () => { const log = []; await source(['a', 'b']).pipeTo(sink(log)); return log; })()"));

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void PipeTo_PreventClose_LeavesTheWritableOpen(string engine) =>
        Assert.Equal("""[["a"],false]""",
            Result(engine, "(async () => { const log = []; const w = sink(log); await source(['a']).pipeTo(w, { preventClose: true }); return [log, w.locked]; })()"));

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void PipeTo_ASourceError_AbortsTheWritable(string engine) =>
        Assert.Equal("""["abort:Error: src","src"]""",
            Result(engine, "(async () => { const log = []; let err; try { await new ReadableStream({ start(c) { c.error(new Error('src')); } }).pipeTo(sink(log)); } catch (e) { err = e.message; } return [...log, err]; })()"));

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void PipeTo_PreventAbort_LeavesTheWritableAlone(string engine) =>
        Assert.Equal("""[[],"src"]""",
            Result(engine, "(async () => { const log = []; let err; try { await new ReadableStream({ start(c) { c.error(new Error('src')); } }).pipeTo(sink(log), { preventAbort: true }); } catch (e) { err = e.message; } return [log, err]; })()"));

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void PipeTo_ADestinationError_CancelsTheSource(string engine) =>
        Assert.Equal("""["dest","dest"]""",
            Result(engine, "(async () => { let cancelled; const w = new WritableStream({ write() { throw new Error('dest'); } }); let err; try { await source(['a'], { open: true, cancel(r) { cancelled = r.message; } }).pipeTo(w); } catch (e) { err = e.message; } return [cancelled, err]; })()"));

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void PipeTo_PreventCancel_LeavesTheSourceOpen(string engine) =>
        Assert.Equal("""[false,false]""",
            Result(engine, "(async () => { let cancelled = false; const r = source(['a'], { open: true, cancel() { cancelled = true; } }); const w = new WritableStream({ write() { throw new Error('dest'); } }); await r.pipeTo(w, { preventCancel: true }).catch(() => {}); return [cancelled, r.locked]; })()"));

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void PipeTo_SignalAbort_RejectsWithTheReasonAndAbortsBothEnds(string engine) =>
        Assert.Equal("""[["a","abort:stop"],"stop",true,0]""",
            Result(engine, "(async () => { const log = []; let cancelled = false; const c = signalLike(); const r = source(['a'], { open: true, cancel() { cancelled = true; } }); const p = r.pipeTo(sink(log), { signal: c.signal }); await new Promise(res => setTimeout(res, 5)); c.abort('stop'); let err; try { await p; } catch (e) { err = e; } return [log, err, cancelled, c.listeners.size]; })()"));

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void PipeTo_AnAlreadyAbortedSignal_RejectsAtOnce(string engine) =>
        Assert.Equal("""["early",[]]""",
            Result(engine, "(async () => { const log = []; const c = signalLike(); c.abort('early'); let err; try { await source(['a']).pipeTo(sink(log), { signal: c.signal, preventAbort: true }); } catch (e) { err = e; } return [err, log]; })()"));

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void PipeTo_WithoutAReason_RejectsWithAnAbortError(string engine) =>
        Assert.Equal("""["AbortError",true]""",
            Result(engine, "(async () => { const c = signalLike(); c.abort(undefined); try { await source(['a']).pipeTo(new WritableStream(), { signal: c.signal }); } catch (e) { return [e.name, e instanceof DOMException]; } })()"));

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void PipeTo_ASignalThatIsNotOne_IsATypeError(string engine) =>
        Assert.Equal("\"TypeError\"",
            Result(engine, "source([]).pipeTo(new WritableStream(), { signal: {} }).catch(e => e.name)"));

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void PipeTo_FromALockedStream_RejectsWithATypeError(string engine) =>
        Assert.Equal("\"TypeError\"",
            Result(engine, "const r = source(['a']); r.getReader(); r.pipeTo(new WritableStream()).catch(e => e.name)"));

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void PipeThrough_ReturnsTheTransformsReadable(string engine) =>
        Assert.Equal("""["A","B"]""",
            Result(engine, "(async () => { const o = []; for await (const v of source(['a', 'b']).pipeThrough(new TransformStream({ transform(c, ctl) { ctl.enqueue(c.toUpperCase()); } }))) o.push(v); return o; })()"));

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void PipeThrough_ALockedWritable_IsATypeError(string engine) =>
        Assert.Equal("\"TypeError\"",
            Result(engine, "const t = new TransformStream(); t.writable.getWriter(); try { source([]).pipeThrough(t); } catch (e) { e.name }"));

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void PipeThrough_ChainsSeveralTransforms(string engine) =>
        Assert.Equal("[4,6]",
            Result(engine, "(async () => { const map = (f) => new TransformStream({ transform(c, ctl) { ctl.enqueue(f(c)); } }); const o = []; for await (const v of ReadableStream.from([1, 2]).pipeThrough(map(x => x + 1)).pipeThrough(map(x => x * 2))) o.push(v); return o; })()"));
}
