using ScriptRunner.Core.Hosting;
using ScriptRunner.Core.Model;

namespace ScriptRunner.Tests.Sandbox.JavaScript.Web.Streams;

/// <summary>
/// Request and Response bodies as ReadableStreams: what WPT's fetch/api body suites check (body, bodyUsed, locking,
/// clone, a stream as a body), and a handler's streamed Response collected into the result.
/// </summary>
public sealed class BodyStreamTests
{
    private static string Result(string engine, string code) => JsHarness.On(engine).Result(code);

    private static JsHarness.Run Handle(string engine, string module, OutputCapture? output = null, TimeSpan? timeout = null) =>
        JsHarness.On(engine).Execute(module, handler: "fetch", requestJson: """{"method":"POST","url":"/upload","body":"payload"}""", output: output, timeout: timeout);

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void ResponseBody_IsAByteStreamOfTheBytes(string engine) =>
        Assert.Equal("""[true,[104,105],true]""",
            Result(engine, "(async () => { const r = new Response('hi'); const reader = r.body.getReader(); const { value } = await reader.read(); return [r.body instanceof ReadableStream, [...value], (await reader.read()).done]; })()"));

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void ResponseBody_IsTheSameStreamEachTime(string engine) =>
        Assert.Equal("true", Result(engine, "const r = new Response('x'); r.body === r.body"));

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void NullBody_IsNull(string engine) =>
        Assert.Equal("[null,null]", Result(engine, "[new Response(null).body, new Request('http://x/').body]"));

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void ResponseBody_ReadsWithABYOBReader(string engine) =>
        Assert.Equal("[1,2]",
            Result(engine, "(async () => { const { value } = await new Response(new Uint8Array([1, 2])).body.getReader({ mode: 'byob' }).read(new Uint8Array(8)); return [...value]; })()"));

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void RequestBody_IsAStream(string engine) =>
        Assert.Equal("\"sent\"",
            Result(engine, "(async () => { const r = new Request('http://x/', { method: 'POST', body: 'sent' }); let t = ''; for await (const c of r.body.pipeThrough(new TextDecoderStream())) t += c; return t; })()"));

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void NewResponse_FromAStream_ReadsAsText(string engine) =>
        Assert.Equal("\"ab\"",
            Result(engine, "new Response(ReadableStream.from([new Uint8Array([97]), new Uint8Array([98])])).text()"));

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void NewResponse_FromAStream_ReadsAsJsonAndBytes(string engine) =>
        Assert.Equal("""[{"a":1},[1,2,3]]""",
            Result(engine, "(async () => [await new Response(new Response('{\"a\":1}').body).json(), [...new Uint8Array(await new Response(ReadableStream.from([new Uint8Array([1, 2]), new Uint8Array([3])])).arrayBuffer())]])()"));

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void BodyUsed_IsTrueOnceTheStreamIsRead(string engine) =>
        Assert.Equal("[false,true]",
            Result(engine, "(async () => { const r = new Response('x'); const before = r.bodyUsed; await r.body.getReader().read(); return [before, r.bodyUsed]; })()"));

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void Text_AfterTheBodyWasRead_RejectsWithATypeError(string engine) =>
        Assert.Equal("""["TypeError","Body is unusable: Body has already been read"]""",
            Result(engine, "(async () => { const r = new Response('x'); await r.text(); try { await r.text(); } catch (e) { return [e.name, e.message]; } })()"));

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void Text_WhileTheStreamIsLocked_RejectsWithATypeError(string engine) =>
        Assert.Equal("""["TypeError","Body is unusable: Body is locked"]""",
            Result(engine, "(async () => { const r = new Response('x'); r.body.getReader(); try { await r.text(); } catch (e) { return [e.name, e.message]; } })()"));

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void Body_AfterText_IsADisturbedStream(string engine) =>
        Assert.Equal("[true,true]",
            Result(engine, "(async () => { const r = new Response('x'); await r.text(); return [r.bodyUsed, (await r.body.getReader().read()).done]; })()"));

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void NewResponse_FromALockedOrReadStream_IsATypeError(string engine) =>
        Assert.Equal("""["TypeError","TypeError"]""",
            Result(engine, "(async () => { const out = []; const locked = new ReadableStream(); locked.getReader(); try { new Response(locked); } catch (e) { out.push(e.name); } const read = ReadableStream.from(['a']); await read.getReader().read(); try { new Response(read); } catch (e) { out.push(e.name); } return out; })()"));

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void Clone_OfAStreamBody_TeesIt(string engine) =>
        Assert.Equal("""["ab","ab"]""",
            Result(engine, "(async () => { const r = new Response(ReadableStream.from([new Uint8Array([97]), new Uint8Array([98])])); const c = r.clone(); return [await r.text(), await c.text()]; })()"));

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void Clone_OfAUsedBody_IsATypeError(string engine) =>
        Assert.Equal("\"TypeError\"",
            Result(engine, "(async () => { const r = new Response(ReadableStream.from([new Uint8Array([97])])); await r.text(); try { r.clone(); } catch (e) { return e.name; } })()"));

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void ANonByteChunk_RejectsTheBodyReadWithATypeError(string engine) =>
        Assert.Equal("\"TypeError\"",
            Result(engine, "new Response(ReadableStream.from(['text'])).text().catch(e => e.name)"));

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void AStreamsError_RejectsTheBodyRead(string engine) =>
        Assert.Equal("\"source failed\"",
            Result(engine, "new Response(new ReadableStream({ start(c) { c.error(new Error('source failed')); } })).text().catch(e => e.message)"));

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void Request_WithAStreamBody_NeedsDuplexHalf(string engine) =>
        Assert.Equal("""["TypeError","streamed"]""",
            Result(engine, "(async () => { const out = []; try { new Request('http://x/', { method: 'POST', body: ReadableStream.from([]) }); } catch (e) { out.push(e.name); } const r = new Request('http://x/', { method: 'POST', body: ReadableStream.from([new TextEncoder().encode('streamed')]), duplex: 'half' }); out.push(await r.text()); return out; })()"));

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void WorkersRequest_BodyIsAStream(string engine)
    {
        var run = Handle(engine, "export default { async fetch(request) { let t = ''; for await (const c of request.body.pipeThrough(new TextDecoderStream())) t += c; return new Response(t.toUpperCase()); } };");
        Assert.Equal("""{"statusCode":200,"headers":{"content-type":"text/plain;charset=UTF-8"},"body":"PAYLOAD"}""", JsHarness.On(engine).Json(run));
    }

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void Handler_StreamedResponse_IsCollectedIntoTheBody(string engine)
    {
        var run = Handle(engine, "export default { fetch() { return new Response(ReadableStream.from(['a', 'b', 'c']).pipeThrough(new TextEncoderStream()), { status: 201, headers: { 'x-kind': 'stream' } }); } };");
        Assert.Equal("""{"statusCode":201,"headers":{"x-kind":"stream"},"body":"abc"}""", JsHarness.On(engine).Json(run));
    }

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void Handler_StreamWrittenInWaitUntil_IsCollected(string engine)
    {
        var run = Handle(engine, """
            export default {
              fetch(request, env, ctx) {
                const { readable, writable } = new TransformStream();
                ctx.waitUntil((async () => {
                  const writer = writable.getWriter();
                  for (const word of ['one ', 'two ', 'three']) { await new Promise(r => setTimeout(r, 1)); await writer.write(new TextEncoder().encode(word)); }
                  await writer.close();
                })());
                return new Response(readable);
              },
            };
            """);
        Assert.Equal("""{"statusCode":200,"headers":{},"body":"one two three"}""", JsHarness.On(engine).Json(run));
    }

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void Handler_AnEndlessStream_IsCutAtTheOutputCap(string engine)
    {
        var output = new OutputCapture(10_000, 1 << 20, 100, 4096);
        var run = Handle(engine, "export default { fetch() { const chunk = new TextEncoder().encode('x'.repeat(4096)); return new Response(new ReadableStream({ pull(c) { c.enqueue(chunk.slice()); } })); } };", output);
        var result = JsHarness.On(engine).Json(run);
        Assert.StartsWith("""{"statusCode":200,"headers":{},"body":"xxxx""", result, StringComparison.Ordinal);
        Assert.EndsWith("""xxx","bodyTruncated":true}""", result, StringComparison.Ordinal);
        Assert.InRange(System.Text.Encoding.UTF8.GetByteCount(run.Outcome.Result!.ToJsonString()), 9_000, 10_000);
    }

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void Handler_ACutBody_CancelsTheStream(string engine)
    {
        var output = new OutputCapture(1_000, 1 << 20, 100, 4096);
        var run = Handle(engine, "export default { fetch() { return new Response(new ReadableStream({ pull(c) { c.enqueue(new Uint8Array(600).fill(65)); }, cancel(reason) { console.log('cancelled: ' + reason.message); } })); } };", output);
        Assert.True(run.Outcome.Success, run.Outcome.Error);
        Assert.Equal("cancelled: the response body passed the output limit\n", run.Output.Stdout);
    }

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void Handler_AStreamThatNeverCloses_EndsAsATimeout(string engine)
    {
        var run = Handle(engine, "export default { fetch() { return new Response(new ReadableStream({ start(c) { c.enqueue(new Uint8Array([65])); } })); } };");
        Assert.Equal((false, ErrorTypes.Timeout), (run.Outcome.Success, run.Outcome.ErrorType));
    }

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void Handler_AStreamKeptOpenByATimer_EndsAtTheDeadline(string engine)
    {
        var run = Handle(engine, "export default { fetch() { return new Response(new ReadableStream({ start(c) { setInterval(() => {}, 10); } })); } };", timeout: TimeSpan.FromMilliseconds(300));
        Assert.Equal((false, ErrorTypes.Timeout, "execution timed out after 300 ms"), (run.Outcome.Success, run.Outcome.ErrorType, run.Outcome.Error));
    }

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void Handler_AStreamThatErrors_FailsTheRunWithItsError(string engine)
    {
        var run = Handle(engine, "export default { fetch() { return new Response(new ReadableStream({ pull(c) { c.error(new RangeError('no more')); } })); } };");
        Assert.Equal((false, ErrorTypes.RuntimeError, "RangeError: no more"), (run.Outcome.Success, run.Outcome.ErrorType, run.Outcome.Error));
    }

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void Handler_AResponseWhoseStreamWasRead_IsAResultError(string engine)
    {
        var run = Handle(engine, "export default { async fetch() { const r = new Response(ReadableStream.from([new Uint8Array([65])])); await r.text(); return r; } };");
        Assert.Equal((false, "the handler returned a Response whose body stream is locked or was already read"), (run.Outcome.Success, run.Outcome.Error));
    }

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void Handler_TextResponse_IsUnchanged(string engine)
    {
        var run = Handle(engine, "export default { fetch() { return new Response('plain', { headers: { 'x-a': '1' } }); } };");
        Assert.Equal("""{"statusCode":200,"headers":{"content-type":"text/plain;charset=UTF-8","x-a":"1"},"body":"plain"}""", JsHarness.On(engine).Json(run));
    }

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void NothingLeaks_BetweenExecutions(string engine)
    {
        var sandbox = JsEngines.Sandbox(engine);
        var first = JsHarness.On(engine).Execute("globalThis.leak = new ReadableStream({ start(c) { c.enqueue(1); } }); const r = leak.getReader(); r.read(); r.read(); new CompressionStream('gzip').writable.getWriter().write(new Uint8Array(10)); 'first'", sandbox: sandbox);
        Assert.True(first.Outcome.Success, first.Outcome.Error);
        Assert.Equal("""["undefined",false]""", JsHarness.On(engine).Result("[typeof leak, new ReadableStream().locked]", sandbox: sandbox));
    }
}
