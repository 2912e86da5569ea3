namespace ScriptRunner.Tests.Sandbox.JavaScript.Web.Streams;

/// <summary>Readable byte streams and the BYOB reader: what WPT's streams/readable-byte-streams suites check.</summary>
public sealed class ByteStreamTests
{
    private static string Result(string engine, string code) => JsHarness.On(engine).Result(code);

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void ByteStream_HasAByteControllerAndADefaultReader(string engine) =>
        Assert.Equal("""[true,[1,2,3]]""",
            Result(engine, "(async () => { let ctl; const s = new ReadableStream({ type: 'bytes', start(c) { ctl = c; c.enqueue(new Uint8Array([1, 2, 3])); c.close(); } }); const { value } = await s.getReader().read(); return [ctl instanceof ReadableByteStreamController, [...value]]; })()"));

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void ByobReader_FillsTheGivenView(string engine) =>
        Assert.Equal("""[[1,2,3,4],4,false]""",
            Result(engine, "(async () => { const s = new ReadableStream({ type: 'bytes', start(c) { c.enqueue(new Uint8Array([1, 2, 3, 4, 5, 6])); } }); const r = s.getReader({ mode: 'byob' }); const { value, done } = await r.read(new Uint8Array(4)); return [[...value], value.byteLength, done]; })()"));

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void ByobReader_PullsIntoTheViewThroughTheRequest(string engine) =>
        Assert.Equal("""[[7,8,0],2,8]""",
            Result(engine, "(async () => { let size; const s = new ReadableStream({ type: 'bytes', pull(c) { const v = c.byobRequest.view; size = v.byteLength; v[0] = 7; v[1] = 8; c.byobRequest.respond(2); } }); const r = s.getReader({ mode: 'byob' }); const { value } = await r.read(new Uint8Array(8)); return [[...new Uint8Array(value.buffer, 0, 3)], value.byteLength, size]; })()"));

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void ByobReader_ReadTransfersTheViewsBuffer(string engine) =>
        Assert.Equal("0",
            Result(engine, "(async () => { const s = new ReadableStream({ type: 'bytes', start(c) { c.enqueue(new Uint8Array([1])); } }); const view = new Uint8Array(4); await s.getReader({ mode: 'byob' }).read(view); return view.byteLength; })()"));

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void ByobReader_MinOption_WaitsForEnoughBytes(string engine) =>
        Assert.Equal("""[4,[1,2,3,4]]""",
            Result(engine, "(async () => { const s = new ReadableStream({ type: 'bytes', start(c) { c.enqueue(new Uint8Array([1, 2])); c.enqueue(new Uint8Array([3, 4])); } }); const { value } = await s.getReader({ mode: 'byob' }).read(new Uint8Array(4), { min: 4 }); return [value.byteLength, [...value]]; })()"));

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void ByobReader_OnADefaultStream_IsATypeError(string engine) =>
        Assert.Equal("\"TypeError\"", Result(engine, "try { new ReadableStream().getReader({ mode: 'byob' }); } catch (e) { e.name }"));

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void ByobRead_OfAnEmptyView_RejectsWithATypeError(string engine) =>
        Assert.Equal("\"TypeError\"",
            Result(engine, "new ReadableStream({ type: 'bytes' }).getReader({ mode: 'byob' }).read(new Uint8Array(0)).catch(e => e.name)"));

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void ByobRead_AfterClose_IsDoneWithAnEmptyView(string engine) =>
        Assert.Equal("""[true,0]""",
            Result(engine, "(async () => { const s = new ReadableStream({ type: 'bytes', start(c) { c.close(); } }); const { done, value } = await s.getReader({ mode: 'byob' }).read(new Uint8Array(4)); return [done, value.byteLength]; })()"));

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void Enqueue_OfANonView_IsATypeError(string engine) =>
        Assert.Equal("\"TypeError\"",
            Result(engine, "let r; new ReadableStream({ type: 'bytes', start(c) { try { c.enqueue('text'); } catch (e) { r = e.name; } } }); r"));

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void AutoAllocateChunkSize_GivesADefaultReaderABuffer(string engine) =>
        Assert.Equal("""[16,[9]]""",
            Result(engine, "(async () => { let size; const s = new ReadableStream({ type: 'bytes', autoAllocateChunkSize: 16, pull(c) { const v = c.byobRequest.view; size = v.byteLength; v[0] = 9; c.byobRequest.respond(1); } }); const { value } = await s.getReader().read(); return [size, [...value]]; })()"));

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void RespondWithNewView_Answers(string engine) =>
        Assert.Equal("[5,6]",
            Result(engine, "(async () => { const s = new ReadableStream({ type: 'bytes', pull(c) { const v = c.byobRequest.view; const w = new Uint8Array(v.buffer, v.byteOffset, 2); w.set([5, 6]); c.byobRequest.respondWithNewView(w); } }); const { value } = await s.getReader({ mode: 'byob' }).read(new Uint8Array(4)); return [...value]; })()"));

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void Tee_OfAByteStream_GivesByteStreams(string engine) =>
        Assert.Equal("""[[1,2],[1,2]]""",
            Result(engine, "(async () => { const [a, b] = new ReadableStream({ type: 'bytes', start(c) { c.enqueue(new Uint8Array([1, 2])); c.close(); } }).tee(); const ra = await a.getReader({ mode: 'byob' }).read(new Uint8Array(2)); const rb = await b.getReader().read(); return [[...ra.value], [...rb.value]]; })()"));
}
