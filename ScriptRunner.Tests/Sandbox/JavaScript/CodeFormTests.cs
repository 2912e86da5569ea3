using ScriptRunner.Core.Model;

namespace ScriptRunner.Tests.Sandbox.JavaScript;

/// <summary>ES modules: default, named and Workers-style exports, and the handler rules between them.</summary>
public sealed class CodeFormTests
{
    private const string SeedRequest = "{\"method\":\"GET\",\"url\":\"/\",\"headers\":{},\"body\":\"\",\"query\":{}}";

    [Fact]
    public void Module_SeedDefaultExport_WithHandlerNamedHandler_CallsTheDefault() =>
        Assert.Equal("{\"statusCode\":200,\"headers\":{},\"body\":\"OK\"}",
            JsHarness.Json(JsHarness.Execute("export default async (req) => ({ statusCode: 200, body: 'OK' })", handler: "handler", requestJson: SeedRequest)));

    [Fact]
    public void Module_DefaultExport_WithoutHandler_IsCalled() =>
        Assert.Equal("{\"statusCode\":200,\"headers\":{},\"body\":\"GET /x\"}",
            JsHarness.Json(JsHarness.Execute("export default (req) => `${req.method} ${req.url}`", requestJson: "{\"url\":\"/x\"}")));

    [Fact]
    public void Module_NamedExport_IsPreferredOverTheDefault() =>
        Assert.Equal("{\"statusCode\":201,\"headers\":{},\"body\":\"named\"}",
            JsHarness.Json(JsHarness.Execute("export const api = () => ({ statusCode: 201, body: 'named' }); export default () => 'default';", handler: "api")));

    [Fact]
    public void Module_WorkersObject_FetchIsCalledWithRequestEnvAndCtx() =>
        Assert.Equal("{\"statusCode\":200,\"headers\":{\"content-type\":\"text/plain;charset=UTF-8\"},\"body\":\"POST http://localhost/items?a=1 {\\\"n\\\":1} k function\"}",
            JsHarness.Json(JsHarness.Execute(
                "export default { async fetch(request, env, ctx) { return new Response(`${request.method} ${request.url} ${await request.text()} ${env.KEY} ${typeof ctx.waitUntil}`); } };",
                requestJson: "{\"method\":\"POST\",\"url\":\"/items\",\"query\":{\"a\":\"1\"},\"body\":{\"n\":1}}",
                env: new Dictionary<string, string> { ["KEY"] = "k" })));

    [Fact]
    public void Module_WorkersObject_WithAnyHandlerName_FallsBackToFetch() =>
        Assert.Equal("{\"statusCode\":202,\"headers\":{},\"body\":\"\"}",
            JsHarness.Json(JsHarness.Execute("export default { fetch() { return new Response(null, { status: 202 }); } };", handler: "handler")));

    [Fact]
    public void Module_TopLevelAwait_Runs() =>
        Assert.Equal("{\"statusCode\":200,\"headers\":{},\"body\":\"3\"}",
            JsHarness.Json(JsHarness.Execute("const n = await Promise.resolve(3); export default () => String(n);")));

    [Fact]
    public void Module_WithoutDefault_NoHandler_IsNull() => Assert.Equal("null", JsHarness.Json(JsHarness.Execute("export const a = 1;")));

    [Fact]
    public void Module_DefaultValue_NoHandler_IsTheValue() => Assert.Equal("{\"v\":[1,2]}", JsHarness.Json(JsHarness.Execute("export default { v: [1, 2] };")));

    [Fact]
    public void Module_MissingHandler_IsRuntimeError()
    {
        var run = JsHarness.Execute("export const a = () => 1;", handler: "b");
        Assert.Equal(ErrorTypes.RuntimeError, run.Outcome.ErrorType);
        Assert.Equal("handler 'b' not found (looked for the module's export 'b' and its default export)", run.Outcome.Error);
    }

    [Fact]
    public void Module_IsStrictAndHasNoCommonJsGlobals() =>
        Assert.Equal("[\"undefined\",\"undefined\",true]", JsHarness.Json(JsHarness.Execute("export default [typeof module, typeof exports, (function () { return this === undefined; })()];")));

    [Fact]
    public void Module_ThrowAtTopLevel_IsRuntimeErrorWithStack()
    {
        var run = JsHarness.Execute("const x = 1;\nthrow new TypeError('top');\nexport default x;");
        Assert.Equal("TypeError: top", run.Outcome.Error);
        Assert.Equal("TypeError: top\n    at main.js:2:7", run.Outcome.Stack);
    }

    [Fact]
    public void Script_PromiseCompletionValue_IsAwaited() => Assert.Equal("\"later\"", JsHarness.Result("new Promise(r => setTimeout(() => r('later'), 5))"));

    [Fact]
    public void Script_RejectedCompletionValue_IsRuntimeError() =>
        Assert.Equal("Error: no", JsHarness.Execute("Promise.reject(new Error('no'))").Outcome.Error);
}
