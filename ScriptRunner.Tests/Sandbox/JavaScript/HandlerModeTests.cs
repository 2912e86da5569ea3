using ScriptRunner.Core.Model;

namespace ScriptRunner.Tests.Sandbox.JavaScript;

/// <summary>Classic scripts and CommonJS: global functions and <c>module.exports</c> as handlers, and normalization.</summary>
public sealed class HandlerModeTests
{
    private static string Handle(string code, string? handler = "handler", string? request = null) =>
        JsHarness.Json(JsHarness.Execute(code, handler: handler, requestJson: request));

    [Fact]
    public void Handler_GlobalFunction_IsCalledWithRequest() =>
        Assert.Equal("{\"statusCode\":200,\"headers\":{},\"body\":\"POST /items a=1 x\"}",
            Handle("function handler(req) { return { statusCode: 200, body: req.method + ' ' + req.url + ' a=' + req.query.a + ' ' + req.body }; }",
                request: "{\"method\":\"POST\",\"url\":\"/items\",\"query\":{\"a\":\"1\"},\"body\":\"x\"}"));

    [Fact]
    public void Handler_RequestDefaultsAreFilled() =>
        Assert.Equal("{\"statusCode\":200,\"headers\":{},\"body\":\"GET|/|{}||{}\"}",
            Handle("function handler(r) { return [r.method, r.url, JSON.stringify(r.headers), r.body, JSON.stringify(r.query)].join('|'); }"));

    [Fact]
    public void Handler_SecondArgumentIsEnv() =>
        Assert.Equal("{\"statusCode\":200,\"headers\":{},\"body\":\"secret true\"}",
            JsHarness.Json(JsHarness.Execute("function handler(req, e) { return e.API_KEY + ' ' + (e === env); }", handler: "handler",
                env: new Dictionary<string, string> { ["API_KEY"] = "secret" })));

    [Fact]
    public void Handler_ModuleExportsFunction_IsUsed() =>
        Assert.Equal("{\"statusCode\":200,\"headers\":{},\"body\":\"OK\"}", Handle("module.exports = function (req) { return { statusCode: 200, body: 'OK' }; };"));

    [Fact]
    public void Handler_ModuleExportsMember_IsUsed() =>
        Assert.Equal("{\"statusCode\":201,\"headers\":{},\"body\":\"m\"}", Handle("module.exports.run = function () { return { statusCode: 201, body: 'm' }; };", "run"));

    [Fact]
    public void Handler_ExportsMember_IsUsed() =>
        Assert.Equal("{\"statusCode\":202,\"headers\":{},\"body\":\"e\"}", Handle("exports.go = () => ({ statusCode: 202, body: 'e' });", "go"));

    [Fact]
    public void Handler_ModuleExportsDefault_IsUsedWhenTheNameIsMissing() =>
        Assert.Equal("{\"statusCode\":200,\"headers\":{},\"body\":\"d\"}", Handle("module.exports = { 'default': function () { return 'd'; } };"));

    [Fact]
    public void Handler_CommonJsAsyncHandlerAwaitingFetch_Settles() =>
        Assert.Equal("{\"statusCode\":200,\"headers\":{},\"body\":\"refused: fetch is not allowed in this test\"}",
            Handle("module.exports = async (req) => { try { await fetch('https://x.test/'); } catch (e) { return 'refused: ' + e.message; } };"));

    [Fact]
    public void NoHandler_CommonJsModuleExportsFunction_IsCalled() =>
        Assert.Equal("{\"statusCode\":200,\"headers\":{},\"body\":\"called\"}", Handle("module.exports = () => 'called'; 'completion'", handler: null));

    [Fact]
    public void NoHandler_GlobalFunctionIsNotCalled() =>
        Assert.Equal("\"completion\"", Handle("function handler() { return 'called'; } 'completion'", handler: null));

    [Fact]
    public void Handler_StringReturn_Becomes200() =>
        Assert.Equal("{\"statusCode\":200,\"headers\":{},\"body\":\"plain\"}", Handle("function handler() { return 'plain'; }"));

    [Fact]
    public void Handler_ObjectReturn_BecomesJson() =>
        Assert.Equal("{\"statusCode\":200,\"headers\":{\"content-type\":\"application/json\"},\"body\":\"{\\\"a\\\":1}\"}", Handle("function handler() { return { a: 1 }; }"));

    [Fact]
    public void Handler_NumberReturn_BecomesJson() =>
        Assert.Equal("{\"statusCode\":200,\"headers\":{\"content-type\":\"application/json\"},\"body\":\"42\"}", Handle("function handler() { return 42; }"));

    [Fact]
    public void Handler_NonStringBodyIsJsonStringifiedAndHeadersKept() =>
        Assert.Equal("{\"statusCode\":404,\"headers\":{\"x-a\":\"1\"},\"body\":\"{\\\"error\\\":\\\"missing\\\"}\"}",
            Handle("function handler() { return { statusCode: 404, headers: { 'x-a': 1 }, body: { error: 'missing' } }; }"));

    [Fact]
    public void Handler_ResponseReturn_IsNormalized() =>
        Assert.Equal("{\"statusCode\":418,\"headers\":{\"content-type\":\"application/json\",\"x-b\":\"2\"},\"body\":\"{\\\"tea\\\":true}\"}",
            Handle("async function handler() { return Response.json({ tea: true }, { status: 418, headers: { 'X-B': '2' } }); }"));

    [Fact]
    public void Handler_UndefinedReturn_IsEmpty200() =>
        Assert.Equal("{\"statusCode\":200,\"headers\":{},\"body\":\"\"}", Handle("function handler() {}"));

    [Fact]
    public void Handler_InvalidStatusCode_IsRuntimeError()
    {
        var run = JsHarness.Execute("function handler() { return { statusCode: 'abc' }; }", handler: "handler");
        Assert.Equal(ErrorTypes.RuntimeError, run.Outcome.ErrorType);
        Assert.Equal("handler returned an invalid statusCode: abc", run.Outcome.Error);
    }

    [Fact]
    public void Handler_Missing_IsRuntimeErrorListingWhereItLooked()
    {
        var run = JsHarness.Execute("var x = 1;", handler: "main");
        Assert.Equal(ErrorTypes.RuntimeError, run.Outcome.ErrorType);
        Assert.Equal("handler 'main' not found (looked for a global function 'main', module.exports as a function, module.exports.main, exports.main, module.exports.default)", run.Outcome.Error);
    }

    [Fact]
    public void Handler_ThrowIsRuntimeErrorWithStackAndStdoutKept()
    {
        var run = JsHarness.Execute("function handler() {\n  console.log('in');\n  throw new Error('boom');\n}", handler: "handler");
        Assert.Equal(ErrorTypes.RuntimeError, run.Outcome.ErrorType);
        Assert.Equal("Error: boom", run.Outcome.Error);
        Assert.Equal("Error: boom\n    at handler (main.js:3:9)", run.Outcome.Stack);
        Assert.Equal("in\n", run.Output.Stdout);
    }

    [Fact]
    public void Handler_AsyncRejectionIsRuntimeError()
    {
        var run = JsHarness.Execute("async function handler() { await null; throw new RangeError('later'); }", handler: "handler");
        Assert.Equal(ErrorTypes.RuntimeError, run.Outcome.ErrorType);
        Assert.Equal("RangeError: later", run.Outcome.Error);
        Assert.Equal("", run.Output.Stderr);
    }
}
