namespace ScriptRunner.Tests.Sandbox.JavaScript.Web.Streams;

/// <summary>TransformStream: what WPT's streams/transform-streams suites check.</summary>
public sealed class TransformStreamTests
{
    private static string Result(string engine, string code) => JsHarness.On(engine).Result(code);

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void Identity_PassesChunksThrough(string engine) =>
        Assert.Equal("""["a","b"]""",
            Result(engine, "(async () => { const t = new TransformStream(); const w = t.writable.getWriter(); w.write('a'); w.write('b'); w.close(); const o = []; for await (const v of t.readable) o.push(v); return o; })()"));

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void TransformAndFlush_ShapeTheOutput(string engine) =>
        Assert.Equal("""["A","A","B","B","end"]""",
            Result(engine, "(async () => { const t = new TransformStream({ transform(c, ctl) { ctl.enqueue(c.toUpperCase()); ctl.enqueue(c.toUpperCase()); }, flush(ctl) { ctl.enqueue('end'); } }); const o = []; const done = (async () => { for await (const v of t.readable) o.push(v); })(); const w = t.writable.getWriter(); await w.write('a'); await w.write('b'); await w.close(); await done; return o; })()"));

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void TransformError_ErrorsBothSides(string engine) =>
        Assert.Equal("""["bad chunk","bad chunk"]""",
            Result(engine, "(async () => { const t = new TransformStream({ transform() { throw new Error('bad chunk'); } }); const read = t.readable.getReader().read(); const out = []; try { await t.writable.getWriter().write('x'); } catch (e) { out.push(e.message); } try { await read; } catch (e) { out.push(e.message); } return out; })()"));

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void Terminate_ClosesTheReadableAndErrorsTheWritable(string engine) =>
        Assert.Equal("""[true,"TypeError"]""",
            Result(engine, "(async () => { let ctl; const t = new TransformStream({ start(c) { ctl = c; } }); ctl.terminate(); const r = await t.readable.getReader().read(); let e2; try { await t.writable.getWriter().write('x'); } catch (e) { e2 = e.name; } return [r.done, e2]; })()"));

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void Backpressure_HoldsWritesUntilRead(string engine) =>
        Assert.Equal("[0,1]",
            Result(engine, "(async () => { let calls = 0; const t = new TransformStream({ transform(c, ctl) { calls++; ctl.enqueue(c); } }, undefined, { highWaterMark: 0 }); const w = t.writable.getWriter(); w.write('x'); await new Promise(r => setTimeout(r, 5)); const before = calls; await t.readable.getReader().read(); return [before, calls]; })()"));

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void ReadableCancel_ErrorsTheWritable(string engine) =>
        Assert.Equal("\"gone\"",
            Result(engine, "(async () => { const t = new TransformStream(); await t.readable.cancel('gone'); try { await t.writable.getWriter().write('x'); } catch (e) { return e; } })()"));

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void Constructor_RejectsReadableOrWritableTypes(string engine) =>
        Assert.Equal("""["RangeError","RangeError"]""",
            Result(engine, "const n = []; for (const t of [{ readableType: 'bytes' }, { writableType: 'bytes' }]) { try { new TransformStream(t); } catch (e) { n.push(e.name); } } n"));
}
