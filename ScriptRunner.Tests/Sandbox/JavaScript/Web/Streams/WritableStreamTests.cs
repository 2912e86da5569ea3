namespace ScriptRunner.Tests.Sandbox.JavaScript.Web.Streams;

/// <summary>WritableStream and its writer: what WPT's streams/writable-streams suites check.</summary>
public sealed class WritableStreamTests
{
    private static string Result(string engine, string code) => JsHarness.On(engine).Result(code);

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void Writer_WritesInOrderThenCloses(string engine) =>
        Assert.Equal("""["a","b","close"]""",
            Result(engine, "(async () => { const log = []; const w = new WritableStream({ write(c) { log.push(c); }, close() { log.push('close'); } }).getWriter(); w.write('a'); w.write('b'); await w.close(); return log; })()"));

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void Write_WaitsForTheSinksPromise(string engine) =>
        Assert.Equal("""["start a","end a","start b","end b"]""",
            Result(engine, "(async () => { const log = []; const w = new WritableStream({ write(c) { log.push('start ' + c); return new Promise(r => setTimeout(() => { log.push('end ' + c); r(); }, 5)); } }).getWriter(); w.write('a'); await w.write('b'); return log; })()"));

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void DesiredSizeAndReady_ReflectBackpressure(string engine) =>
        Assert.Equal("[1,0,1]",
            Result(engine, "(async () => { let release; const w = new WritableStream({ write() { return new Promise(r => { release = r; }); } }).getWriter(); const sizes = [w.desiredSize]; w.write('x'); sizes.push(w.desiredSize); await Promise.resolve(); release(); await w.ready; sizes.push(w.desiredSize); return sizes; })()"));

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void Abort_CallsTheSinkAndErrorsTheWriter(string engine) =>
        Assert.Equal("""["stop","stop"]""",
            Result(engine, "(async () => { let reason; const w = new WritableStream({ abort(r) { reason = r; } }).getWriter(); await w.abort('stop'); let closed; try { await w.closed; } catch (e) { closed = e; } return [reason, closed]; })()"));

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void SinkWriteError_ErrorsTheStream(string engine) =>
        Assert.Equal("""["sink failed","sink failed"]""",
            Result(engine, "(async () => { const w = new WritableStream({ write() { throw new Error('sink failed'); } }).getWriter(); const out = []; try { await w.write('x'); } catch (e) { out.push(e.message); } try { await w.write('y'); } catch (e) { out.push(e.message); } return out; })()"));

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void GetWriter_OnALockedStream_IsATypeError(string engine) =>
        Assert.Equal("""["TypeError","This stream has already been locked for exclusive writing by another writer"]""",
            Result(engine, "const s = new WritableStream(); s.getWriter(); try { s.getWriter(); } catch (e) { [e.name, e.message] }"));

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void Write_AfterClose_RejectsWithATypeError(string engine) =>
        Assert.Equal("\"TypeError\"",
            Result(engine, "(async () => { const w = new WritableStream().getWriter(); w.close(); try { await w.write('late'); } catch (e) { return e.name; } })()"));

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void ControllerError_ErrorsTheStream(string engine) =>
        Assert.Equal("\"by controller\"",
            Result(engine, "(async () => { let ctl; const w = new WritableStream({ start(c) { ctl = c; } }).getWriter(); ctl.error(new Error('by controller')); try { await w.closed; } catch (e) { return e.message; } })()"));

    // The controller's signal comes from the global AbortController (here a minimal one the script defines).
    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void ControllerSignal_AbortsOnAbort(string engine) =>
        Assert.Equal("""[true,"why"]""",
            Result(engine, "globalThis.AbortController = class { constructor() { const s = this.signal = { aborted: false, reason: undefined }; this.abort = (r) => { s.aborted = true; s.reason = r; }; } }; (async () => { let ctl; const s = new WritableStream({ start(c) { ctl = c; } }); await s.abort('why'); return [ctl.signal.aborted, ctl.signal.reason]; })()"));

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void Close_OfALockedStream_RejectsWithATypeError(string engine) =>
        Assert.Equal("\"TypeError\"",
            Result(engine, "const s = new WritableStream(); s.getWriter(); s.close().catch(e => e.name)"));
}
