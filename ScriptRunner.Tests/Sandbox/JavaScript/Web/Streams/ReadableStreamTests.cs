using ScriptRunner.Core.Execution;
using ScriptRunner.Core.Model;

namespace ScriptRunner.Tests.Sandbox.JavaScript.Web.Streams;

/// <summary>
/// ReadableStream with a default controller: what WPT's streams/readable-streams suites check (construction, the
/// default reader, close and error, cancel, locking, tee, async iteration and ReadableStream.from).
/// </summary>
public sealed class ReadableStreamTests
{
    private static string Result(string engine, string code) => JsHarness.On(engine).Result(code);

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void Globals_AreTheStreamClasses(string engine) =>
        Assert.Equal("""["function","function","function","function","function","function","function","function","function","function","function","function","function"]""",
            Result(engine, "[ReadableStream, ReadableStreamDefaultReader, ReadableStreamBYOBReader, ReadableStreamDefaultController, ReadableByteStreamController, ReadableStreamBYOBRequest, WritableStream, WritableStreamDefaultWriter, WritableStreamDefaultController, TransformStream, TransformStreamDefaultController, CountQueuingStrategy, ByteLengthQueuingStrategy].map(c => typeof c)"));

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void Reader_ReadsEnqueuedChunksThenDone(string engine) =>
        Assert.Equal("""[{"value":"a","done":false},{"value":"b","done":false},{"done":true}]""",
            Result(engine, "(async () => { const r = new ReadableStream({ start(c) { c.enqueue('a'); c.enqueue('b'); c.close(); } }).getReader(); return [await r.read(), await r.read(), await r.read()]; })()"));

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void Pull_IsCalledOnDemand(string engine) =>
        Assert.Equal("[[0,1,2],3]",
            Result(engine, "(async () => { let n = 0; const r = new ReadableStream({ pull(c) { c.enqueue(n++); if (n === 3) c.close(); } }, { highWaterMark: 0 }).getReader(); const got = []; for (;;) { const { value, done } = await r.read(); if (done) break; got.push(value); } return [got, n]; })()"));

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void Error_RejectsPendingAndLaterReads(string engine) =>
        Assert.Equal("""["boom","boom","boom"]""",
            Result(engine, "(async () => { let ctl; const r = new ReadableStream({ start(c) { ctl = c; } }).getReader(); const p = r.read(); ctl.error(new Error('boom')); const out = []; for (const q of [p, r.read(), r.closed]) { try { await q; } catch (e) { out.push(e.message); } } return out; })()"));

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void Closed_ResolvesWhenTheStreamCloses(string engine) =>
        Assert.Equal("\"closed\"",
            Result(engine, "(async () => { const r = new ReadableStream({ start(c) { c.close(); } }).getReader(); await r.closed; return 'closed'; })()"));

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void Cancel_CallsTheSourceWithTheReasonAndEndsReads(string engine) =>
        Assert.Equal("""["why",{"done":true}]""",
            Result(engine, "(async () => { let reason; const r = new ReadableStream({ start(c) { c.enqueue(1); }, cancel(x) { reason = x; } }).getReader(); await r.cancel('why'); return [reason, await r.read()]; })()"));

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void ReadAfterCancel_IsDone(string engine) =>
        Assert.Equal("""[true,true]""",
            Result(engine, "(async () => { const s = new ReadableStream({ start(c) { c.enqueue(1); } }); await s.cancel(); const r = s.getReader(); const a = await r.read(); return [a.done, a.value === undefined]; })()"));

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void GetReader_OnALockedStream_IsATypeError(string engine) =>
        Assert.Equal("""[true,"TypeError","This stream has already been locked for exclusive reading by another reader"]""",
            Result(engine, "const s = new ReadableStream(); s.getReader(); try { s.getReader(); } catch (e) { [s.locked, e.name, e.message] }"));

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void Cancel_OnALockedStream_RejectsWithATypeError(string engine) =>
        Assert.Equal("""["TypeError","Cannot cancel a stream that already has a reader"]""",
            Result(engine, "const s = new ReadableStream(); s.getReader(); s.cancel().catch(e => [e.name, e.message])"));

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void ReleaseLock_UnlocksAndRejectsTheOldReadersClosed(string engine) =>
        Assert.Equal("""[false,"TypeError",true]""",
            Result(engine, "(async () => { const s = new ReadableStream(); const r = s.getReader(); r.releaseLock(); let name; try { await r.closed; } catch (e) { name = e.name; } let again; try { await r.read(); } catch (e) { again = e instanceof TypeError; } return [s.locked, name, again]; })()"));

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void Enqueue_AfterClose_IsATypeError(string engine) =>
        Assert.Equal("\"TypeError\"",
            Result(engine, "let r; new ReadableStream({ start(c) { c.close(); try { c.enqueue(1); } catch (e) { r = e.name; } } }); r"));

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void Constructor_RejectsABadUnderlyingSourceType(string engine) =>
        Assert.Equal("\"TypeError\"",
            Result(engine, "try { new ReadableStream({ type: 'nope' }); } catch (e) { e.name }"));

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void StartThrowing_ErrorsTheConstructor(string engine) =>
        Assert.Equal("\"start failed\"",
            Result(engine, "try { new ReadableStream({ start() { throw new Error('start failed'); } }); } catch (e) { e.message }"));

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void DesiredSize_FollowsTheStrategy(string engine) =>
        Assert.Equal("[3,1,-1]",
            Result(engine, "let ctl; new ReadableStream({ start(c) { ctl = c; } }, { highWaterMark: 3 }); const sizes = [ctl.desiredSize]; ctl.enqueue('a'); ctl.enqueue('b'); sizes.push(ctl.desiredSize); ctl.enqueue('c'); ctl.enqueue('d'); sizes.push(ctl.desiredSize); sizes"));

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void Tee_GivesBothBranchesEveryChunk(string engine) =>
        Assert.Equal("""[["a","b"],["a","b"]]""",
            Result(engine, "(async () => { const [x, y] = new ReadableStream({ start(c) { c.enqueue('a'); c.enqueue('b'); c.close(); } }).tee(); const all = async (s) => { const o = []; for await (const v of s) o.push(v); return o; }; return [await all(x), await all(y)]; })()"));

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void Tee_CancelsTheSourceOnlyWhenBothBranchesCancel(string engine) =>
        Assert.Equal("""[false,true,["r1","r2"]]""",
            Result(engine, "(async () => { let reason; const [x, y] = new ReadableStream({ cancel(r) { reason = r; } }).tee(); const p = x.cancel('r1'); const first = reason !== undefined; await y.cancel('r2'); await p; return [first, true, reason]; })()"));

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void Tee_LocksTheOriginal(string engine) =>
        Assert.Equal("true", Result(engine, "const s = new ReadableStream(); s.tee(); s.locked"));

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void AsyncIteration_ReadsEveryChunk(string engine) =>
        Assert.Equal("[1,2,3]",
            Result(engine, "(async () => { const o = []; for await (const v of new ReadableStream({ start(c) { [1, 2, 3].forEach(x => c.enqueue(x)); c.close(); } })) o.push(v); return o; })()"));

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void AsyncIteration_BreakCancelsTheStream(string engine) =>
        Assert.Equal("""[1,true,false]""",
            Result(engine, "(async () => { let cancelled = false; const s = new ReadableStream({ start(c) { c.enqueue(1); c.enqueue(2); }, cancel() { cancelled = true; } }); let first; for await (const v of s) { first = v; break; } return [first, cancelled, s.locked]; })()"));

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void AsyncIteration_WithPreventCancel_LeavesTheStreamOpen(string engine) =>
        Assert.Equal("""[false,{"value":2,"done":false}]""",
            Result(engine, "(async () => { let cancelled = false; const s = new ReadableStream({ start(c) { c.enqueue(1); c.enqueue(2); }, cancel() { cancelled = true; } }); for await (const v of s.values({ preventCancel: true })) break; return [cancelled, await s.getReader().read()]; })()"));

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void AsyncIteration_ThrowsTheStreamsError(string engine) =>
        Assert.Equal("\"bad\"",
            Result(engine, "(async () => { try { for await (const v of new ReadableStream({ start(c) { c.error(new Error('bad')); } })) {} } catch (e) { return e.message; } })()"));

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void From_TakesAnArrayAnIterableAndAnAsyncIterable(string engine) =>
        Assert.Equal("""[[1,2],["x","y"],[3,4]]""",
            Result(engine, "(async () => { const all = async (s) => { const o = []; for await (const v of s) o.push(v); return o; }; async function* gen() { yield 3; yield 4; } function* sync() { yield 'x'; yield 'y'; } return [await all(ReadableStream.from([1, 2])), await all(ReadableStream.from(sync())), await all(ReadableStream.from(gen()))]; })()"));

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void From_ANonIterable_IsATypeError(string engine) =>
        Assert.Equal("\"TypeError\"", Result(engine, "try { ReadableStream.from(42); } catch (e) { e.name }"));

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void From_CancelReturnsTheIterator(string engine) =>
        Assert.Equal("true",
            Result(engine, "(async () => { let returned = false; const it = { [Symbol.asyncIterator]() { return { next: async () => ({ value: 1, done: false }), return: async () => { returned = true; return { done: true }; } }; } }; await ReadableStream.from(it).cancel(); return returned; })()"));

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void ToStringTags_NameTheClasses(string engine) =>
        Assert.Equal("""["[object ReadableStream]","[object ReadableStreamDefaultReader]"]""",
            Result(engine, "const s = new ReadableStream(); [Object.prototype.toString.call(s), Object.prototype.toString.call(s.getReader())]"));

    // Jint counts every byte the run allocates, queued chunks included. (V8 holds typed-array bytes outside its heap:
    // there the isolate's array-buffer limit bounds them; see docs/streams.md.)
    [Fact]
    public void QueuedChunks_CountAgainstTheMemoryCap_OnJint()
    {
        var run = JsHarness.On(EngineNames.Jint).Execute("let ctl; new ReadableStream({ start(c) { ctl = c; } }, { highWaterMark: Infinity }); for (let i = 0; i < 1000; i++) ctl.enqueue(new Uint8Array(1 << 20));", memoryBytes: 64L << 20);
        Assert.Equal((false, ErrorTypes.MemoryLimit), (run.Outcome.Success, run.Outcome.ErrorType));
    }
}
