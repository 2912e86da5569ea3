using System.Text.Json;
using Microsoft.AspNetCore.Http;
using ScriptRunner.Core.Hosting;
using ScriptRunner.Core.Options;
using ScriptRunner.Tests.Support;

namespace ScriptRunner.Tests.Sandbox.JavaScript.Web;

/// <summary>
/// Request and Response bodies made of strings, blobs, form data, URLSearchParams and buffers, and their formData(),
/// after what WPT's fetch/api (request-init-contenttype, response-init-contenttype, body/formdata) checks.
/// </summary>
public sealed class FormBodyTests : IDisposable
{
    private const string Multipart = "--XyZ\\r\\nContent-Disposition: form-data; name=\\\"field\\\"\\r\\n\\r\\nvalue one\\r\\n--XyZ\\r\\nContent-Disposition: form-data; name=\\\"up\\\"; filename=\\\"a.txt\\\"\\r\\nContent-Type: text/csv\\r\\n\\r\\nx,y\\r\\n1,2\\r\\n--XyZ--\\r\\n";

    private readonly LoopbackServer _server = new();
    private readonly SandboxFetcherFactory _fetchers = new(new SandboxFetchOptions { AllowPrivateNetworks = true });

    public void Dispose()
    {
        _fetchers.Dispose();
        _server.Dispose();
    }

    private static string Eval(string engine, string code) => JsHarness.On(engine).Json(JsHarness.On(engine).Execute(code));

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void ContentType_FollowsTheBodyKind(string engine) =>
        Assert.Equal("[\"text/plain;charset=UTF-8\",\"image/png\",null,true,\"application/x-www-form-urlencoded;charset=UTF-8\",null,null,null,null]",
            Eval(engine, "const ct = (body) => new Request('http://x/', { method: 'POST', body }).headers.get('content-type'); [ct('s'), ct(new Blob([], { type: 'image/png' })), ct(new Blob([])), /^multipart\\/form-data; boundary=.+$/.test(ct(new FormData())), ct(new URLSearchParams('a=1')), ct(new ArrayBuffer(1)), ct(new Uint8Array(1)), ct(new DataView(new ArrayBuffer(1))), ct(undefined)]"));

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void ContentType_IsTheSameForResponses_AndAGivenHeaderWins(string engine) =>
        Assert.Equal("[\"image/gif\",\"application/x-www-form-urlencoded;charset=UTF-8\",\"text/mine\",true]",
            Eval(engine, "[new Response(new Blob([], { type: 'image/gif' })).headers.get('content-type'), new Response(new URLSearchParams('a=1')).headers.get('content-type'), new Response(new FormData(), { headers: { 'Content-Type': 'text/mine' } }).headers.get('content-type'), new Response(new FormData()).headers.get('content-type').startsWith('multipart/form-data; boundary=')]"));

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void FormDataBody_IsMultipartWithTheHeaderBoundary_AndEscapedNames(string engine) =>
        Assert.Equal("true",
            Eval(engine, "(async () => { const f = new FormData(); f.append('a\"b\\nc', 'line1\\nline2'); f.append('file', new Blob(['data']), 'x\"y.txt'); const r = new Response(f); const boundary = r.headers.get('content-type').split('boundary=')[1]; const text = await r.text(); return text === `--${boundary}\\r\\nContent-Disposition: form-data; name=\"a%22b%0D%0Ac\"\\r\\n\\r\\nline1\\r\\nline2\\r\\n--${boundary}\\r\\nContent-Disposition: form-data; name=\"file\"; filename=\"x%22y.txt\"\\r\\nContent-Type: application/octet-stream\\r\\n\\r\\ndata\\r\\n--${boundary}--\\r\\n`; })()"));

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void FormData_RoundTripsThroughABody(string engine) =>
        Assert.Equal("[[\"a\",\"1\"],[\"a\",\"two words\"],[\"quote\\\"d\",\"é\"],[\"f\",\"name.bin\",\"application/octet-stream\",[0,255,10]]]",
            Eval(engine, "(async () => { const f = new FormData(); f.append('a', '1'); f.append('a', 'two words'); f.append('quote\"d', 'é'); f.append('f', new File([new Uint8Array([0, 255, 10])], 'name.bin')); const back = await new Request('http://x/', { method: 'POST', body: f }).formData(); const out = []; for (const [k, v] of back) out.push(typeof v === 'string' ? [k, v] : [k, v.name, v.type, Array.from(await v.bytes())]); return out; })()"));

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void FormData_ParsesAHandWrittenMultipartBody(string engine) =>
        Assert.Equal("[\"value one\",\"a.txt\",\"text/csv\",\"x,y\\r\\n1,2\"]",
            Eval(engine, $"(async () => {{ const f = await new Response('{Multipart}', {{ headers: {{ 'content-type': 'multipart/form-data; boundary=XyZ' }} }}).formData(); const up = f.get('up'); return [f.get('field'), up.name, up.type, await up.text()]; }})()"));

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void FormData_Multipart_QuotedBoundary_PreambleAndEpilogue_AreAccepted_AndAFileWithoutTypeIsTextPlain(string engine) =>
        Assert.Equal("[\"1\",\"text/plain\"]",
            Eval(engine, "(async () => { const body = 'preamble\\r\\n--b b\\r\\nContent-Disposition: form-data; name=a\\r\\n\\r\\n1\\r\\n--b b\\r\\ncontent-disposition: form-data; filename=\"f\"; name=\"g\"\\r\\n\\r\\n\\r\\n--b b--\\r\\nepilogue'; const f = await new Response(body, { headers: { 'content-type': 'multipart/form-data; boundary=\"b b\"' } }).formData(); return [f.get('a'), f.get('g').type]; })()"));

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void FormData_OfAMegabyteTextUpload_ParsesUnderA64MbCap(string engine)
    {
        var run = JsHarness.On(engine).Execute("(async () => { const body = '--b\\r\\nContent-Disposition: form-data; name=\"note\"\\r\\n\\r\\n' + 'é'.repeat(1000) + '\\r\\n--b\\r\\nContent-Disposition: form-data; name=\"f\"; filename=\"x.txt\"\\r\\n\\r\\n' + 'y'.repeat(1 << 20) + '\\r\\n--b--'; const f = await new Response(body, { headers: { 'content-type': 'multipart/form-data; boundary=b' } }).formData(); return [f.get('note') === 'é'.repeat(1000), f.get('f').size]; })()",
            memoryBytes: 64L * 1024 * 1024, timeout: TimeSpan.FromSeconds(30));
        Assert.Equal("[true,1048576]", JsHarness.On(engine).Json(run));
    }

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void FormData_ParsesAnUrlEncodedBody(string engine) =>
        Assert.Equal("[[\"a\",\"1 2\"],[\"b\",\"x y\"],[\"a\",\"é\"],[\"empty\",\"\"]]",
            Eval(engine, "new Request('http://x/', { method: 'POST', body: 'a=1+2&b=x%20y&a=%C3%A9&empty', headers: { 'content-type': 'application/x-www-form-urlencoded' } }).formData().then(f => [...f])"));

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void FormData_OfAnUrlSearchParamsBody_RoundTrips(string engine) =>
        Assert.Equal("[[\"q\",\"a&b\"],[\"n\",\"1\"]]", Eval(engine, "new Response(new URLSearchParams({ q: 'a&b', n: '1' })).formData().then(f => [...f])"));

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void FormData_WithABrokenBoundary_IsTypeError(string engine) =>
        Assert.Equal("[\"TypeError\",\"Could not parse content as FormData: the body does not start with the boundary.\"]",
            Eval(engine, $"new Response('{Multipart}', {{ headers: {{ 'content-type': 'multipart/form-data; boundary=Other' }} }}).formData().catch(e => [e.name, e.message])"));

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void FormData_WithoutABoundary_IsTypeError(string engine) =>
        Assert.Equal("[\"TypeError\",\"Could not parse content as FormData: the multipart/form-data content-type has no boundary.\"]",
            Eval(engine, $"new Response('{Multipart}', {{ headers: {{ 'content-type': 'multipart/form-data' }} }}).formData().catch(e => [e.name, e.message])"));

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void FormData_WithAPartThatIsNotClosed_IsTypeError(string engine) =>
        Assert.Equal("[\"TypeError\",\"Could not parse content as FormData: a part is not closed by the boundary.\"]",
            Eval(engine, "new Response('--b\\r\\nContent-Disposition: form-data; name=a\\r\\n\\r\\nno end', { headers: { 'content-type': 'multipart/form-data; boundary=b' } }).formData().catch(e => [e.name, e.message])"));

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void FormData_WithAPartWithoutAName_IsTypeError(string engine) =>
        Assert.Equal("[\"TypeError\",\"Could not parse content as FormData: a part's Content-Disposition is not form-data with a name.\"]",
            Eval(engine, "new Response('--b\\r\\nContent-Disposition: attachment; name=a\\r\\n\\r\\nx\\r\\n--b--', { headers: { 'content-type': 'multipart/form-data; boundary=b' } }).formData().catch(e => [e.name, e.message])"));

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void FormData_OfAnotherContentType_IsTypeError(string engine) =>
        Assert.Equal("[\"TypeError\",\"Could not parse content as FormData: the content-type is neither multipart/form-data nor application/x-www-form-urlencoded.\",\"TypeError\"]",
            Eval(engine, "Promise.all([new Response('a=1').formData().catch(e => [e.name, e.message]), new Response(null).formData().catch(e => e.name)]).then(([a, b]) => [...a, b])"));

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void FormData_OfAUsedBody_IsTypeError(string engine) =>
        Assert.Equal("\"TypeError\"", Eval(engine, "(async () => { const r = new Response(new URLSearchParams('a=1')); await r.text(); return r.formData().catch(e => e.name); })()"));

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void Blob_OfABody_HasTheContentTypeAndTheBytes(string engine) =>
        Assert.Equal("[\"text/plain;charset=utf-8\",\"hello\",\"image/png\",3]",
            Eval(engine, "(async () => { const a = await new Response('hello').blob(); const b = await new Response(new Blob([new Uint8Array(3)], { type: 'image/png' })).blob(); return [a.type, await a.text(), b.type, b.size]; })()"));

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void AHandlersResponseOfABlob_AnswersWithItsTextAndType(string engine) =>
        Assert.Equal("{\"statusCode\":201,\"headers\":{\"content-type\":\"text/csv\"},\"body\":\"a,b\\n1,2\"}",
            JsHarness.On(engine).Json(JsHarness.On(engine).Execute("export default () => new Response(new Blob(['a,b\\n', '1,2'], { type: 'text/csv' }), { status: 201 });")));

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void Fetch_SendsAFormDataBodyAsMultipart(string engine)
    {
        _server.MapText("/upload", "ok");
        var run = JsHarness.On(engine).Execute($"const f = new FormData(); f.append('name', 'ada'); f.append('note', new Blob(['hi there'], {{ type: 'text/plain' }}), 'note.txt'); fetch('{_server.Url("/upload").AbsoluteUri}', {{ method: 'POST', body: f }}).then(r => r.text())",
            fetcher: _fetchers.Create(CancellationToken.None));
        Assert.Equal("\"ok\"", JsHarness.On(engine).Json(run));
        var sent = Assert.Single(_server.Requests, r => r.Path == "/upload");
        Assert.StartsWith("multipart/form-data; boundary=", sent.Headers["Content-Type"]);
        var boundary = sent.Headers["Content-Type"]["multipart/form-data; boundary=".Length..];
        Assert.Equal($"--{boundary}\r\nContent-Disposition: form-data; name=\"name\"\r\n\r\nada\r\n--{boundary}\r\nContent-Disposition: form-data; name=\"note\"; filename=\"note.txt\"\r\nContent-Type: text/plain\r\n\r\nhi there\r\n--{boundary}--\r\n", sent.Body);
    }

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void Fetch_SendsABlobBodyWithItsType(string engine)
    {
        _server.MapText("/blob", "ok");
        var run = JsHarness.On(engine).Execute($"fetch('{_server.Url("/blob").AbsoluteUri}', {{ method: 'PUT', body: new Blob(['{{\"a\":1}}'], {{ type: 'application/json' }}) }}).then(r => r.status)",
            fetcher: _fetchers.Create(CancellationToken.None));
        Assert.Equal("200", JsHarness.On(engine).Json(run));
        var sent = Assert.Single(_server.Requests, r => r.Path == "/blob");
        Assert.Equal(("application/json", "{\"a\":1}"), (sent.Headers["Content-Type"], sent.Body));
    }

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void Fetch_SendsBinaryBodiesByteForByte(string engine)
    {
        var received = new System.Collections.Concurrent.ConcurrentQueue<byte[]>();
        _server.Map("/bytes", async context =>
        {
            using var buffer = new MemoryStream();
            await context.Request.Body.CopyToAsync(buffer, context.RequestAborted);
            received.Enqueue(buffer.ToArray());
            await context.Response.WriteAsync(context.Request.ContentType ?? "none", context.RequestAborted);
        });
        var url = _server.Url("/bytes").AbsoluteUri;
        var run = JsHarness.On(engine).Execute($"const bin = new Uint8Array([0, 255, 128, 10, 0xc3]); const f = new FormData(); f.append('img', new Blob([bin], {{ type: 'image/x' }}), 'a.bin'); Promise.all([fetch('{url}', {{ method: 'POST', body: bin }}).then(r => r.text()), fetch(new Request('{url}', {{ method: 'POST', body: new Blob([bin]) }})).then(r => r.text()), fetch('{url}', {{ method: 'POST', body: f }}).then(r => r.text())])",
            fetcher: _fetchers.Create(CancellationToken.None));
        var types = JsonSerializer.Deserialize<string[]>(JsHarness.On(engine).Json(run))!;
        Assert.Equal(["none", "none"], types[..2]);
        var bodies = received.ToArray();
        byte[] bin = [0, 255, 128, 10, 0xc3];
        Assert.Equal(bin, bodies[0]);
        Assert.Equal(bin, bodies[1]);
        var boundary = types[2]["multipart/form-data; boundary=".Length..];
        byte[] expected = [.. System.Text.Encoding.ASCII.GetBytes($"--{boundary}\r\nContent-Disposition: form-data; name=\"img\"; filename=\"a.bin\"\r\nContent-Type: image/x\r\n\r\n"), .. bin, .. System.Text.Encoding.ASCII.GetBytes($"\r\n--{boundary}--\r\n")];
        Assert.Equal(expected, bodies[2]);
    }

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void Sample_MultipartUpload_ListsFieldsAndFiles(string engine)
    {
        var body = "--upload\r\nContent-Disposition: form-data; name=\"title\"\r\n\r\nQuarterly report\r\n--upload\r\nContent-Disposition: form-data; name=\"data\"; filename=\"q3.csv\"\r\nContent-Type: text/csv\r\n\r\nmonth,total\njul,10\naug,12\r\n--upload--\r\n";
        var request = JsonSerializer.Serialize(new { method = "POST", url = "/reports", headers = new Dictionary<string, string> { ["content-type"] = "multipart/form-data; boundary=upload" }, body });
        var run = JsHarness.On(engine).Execute(FetchAbortTests.Sample("multipart-upload.mjs"), requestJson: request);
        Assert.Equal("{\"statusCode\":200,\"headers\":{\"content-type\":\"application/json\"},\"body\":\"{\\\"fields\\\":{\\\"title\\\":\\\"Quarterly report\\\"},\\\"files\\\":[{\\\"field\\\":\\\"data\\\",\\\"name\\\":\\\"q3.csv\\\",\\\"type\\\":\\\"text/csv\\\",\\\"size\\\":25,\\\"lines\\\":3}]}\"}",
            JsHarness.On(engine).Json(run));
    }

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void Sample_MultipartUpload_AnswersA400ForABrokenBoundary(string engine)
    {
        var request = JsonSerializer.Serialize(new { method = "POST", url = "/reports", headers = new Dictionary<string, string> { ["content-type"] = "multipart/form-data; boundary=nope" }, body = "--upload\r\n" });
        var run = JsHarness.On(engine).Execute(FetchAbortTests.Sample("multipart-upload.mjs"), requestJson: request);
        Assert.Equal("{\"statusCode\":400,\"headers\":{\"content-type\":\"application/json\"},\"body\":\"{\\\"error\\\":\\\"Could not parse content as FormData: the body does not start with the boundary.\\\"}\"}",
            JsHarness.On(engine).Json(run));
    }
}
