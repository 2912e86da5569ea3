using ScriptRunner.Core.Model;

namespace ScriptRunner.Tests.Sandbox.JavaScript;

/// <summary>ES modules: default, named and Workers-style exports, and the handler rules between them.</summary>
public sealed class CodeFormTests
{
    private const string SeedRequest = "{\"method\":\"GET\",\"url\":\"/\",\"headers\":{},\"body\":\"\",\"query\":{}}";

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void Module_SeedDefaultExport_WithHandlerNamedHandler_CallsTheDefault(string engine) =>
        Assert.Equal("{\"statusCode\":200,\"headers\":{},\"body\":\"OK\"}",
            JsHarness.On(engine).Json(JsHarness.On(engine).Execute("export default async (req) => ({ statusCode: 200, body: 'OK' })", handler: "handler", requestJson: SeedRequest)));

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void Module_DefaultExport_WithoutHandler_IsCalled(string engine) =>
        Assert.Equal("{\"statusCode\":200,\"headers\":{},\"body\":\"GET /x\"}",
            JsHarness.On(engine).Json(JsHarness.On(engine).Execute("export default (req) => `${req.method} ${req.url}`", requestJson: "{\"url\":\"/x\"}")));

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void Module_NamedExport_IsPreferredOverTheDefault(string engine) =>
        Assert.Equal("{\"statusCode\":201,\"headers\":{},\"body\":\"named\"}",
            JsHarness.On(engine).Json(JsHarness.On(engine).Execute("export const api = () => ({ statusCode: 201, body: 'named' }); export default () => 'default';", handler: "api")));

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void Module_WorkersObject_FetchIsCalledWithRequestEnvAndCtx(string engine) =>
        Assert.Equal("{\"statusCode\":200,\"headers\":{\"content-type\":\"text/plain;charset=UTF-8\"},\"body\":\"POST http://localhost/items?a=1 {\\\"n\\\":1} k function\"}",
            JsHarness.On(engine).Json(JsHarness.On(engine).Execute(
                "export default { async fetch(request, env, ctx) { return new Response(`${request.method} ${request.url} ${await request.text()} ${env.KEY} ${typeof ctx.waitUntil}`); } };",
                requestJson: "{\"method\":\"POST\",\"url\":\"/items\",\"query\":{\"a\":\"1\"},\"body\":{\"n\":1}}",
                env: new Dictionary<string, string> { ["KEY"] = "k" })));

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void Module_WorkersObject_WithAnyHandlerName_FallsBackToFetch(string engine) =>
        Assert.Equal("{\"statusCode\":202,\"headers\":{},\"body\":\"\"}",
            JsHarness.On(engine).Json(JsHarness.On(engine).Execute("export default { fetch() { return new Response(null, { status: 202 }); } };", handler: "handler")));

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void Module_TopLevelAwait_Runs(string engine) =>
        Assert.Equal("{\"statusCode\":200,\"headers\":{},\"body\":\"3\"}",
            JsHarness.On(engine).Json(JsHarness.On(engine).Execute("const n = await Promise.resolve(3); export default () => String(n);")));

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void Module_WithoutDefault_NoHandler_IsNull(string engine) => Assert.Equal("null", JsHarness.On(engine).Json(JsHarness.On(engine).Execute("export const a = 1;")));

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void Module_DefaultValue_NoHandler_IsTheValue(string engine) => Assert.Equal("{\"v\":[1,2]}", JsHarness.On(engine).Json(JsHarness.On(engine).Execute("export default { v: [1, 2] };")));

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void Module_MissingHandler_IsRuntimeError(string engine)
    {
        var run = JsHarness.On(engine).Execute("export const a = () => 1;", handler: "b");
        Assert.Equal(ErrorTypes.RuntimeError, run.Outcome.ErrorType);
        Assert.Equal("handler 'b' not found (looked for the module's export 'b' and its default export)", run.Outcome.Error);
    }

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void Module_IsStrictAndHasNoCommonJsGlobals(string engine) =>
        Assert.Equal("[\"undefined\",\"undefined\",true]", JsHarness.On(engine).Json(JsHarness.On(engine).Execute("export default [typeof module, typeof exports, (function () { return this === undefined; })()];")));

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void Module_ThrowAtTopLevel_IsRuntimeErrorWithStack(string engine)
    {
        var run = JsHarness.On(engine).Execute("const x = 1;\nthrow new TypeError('top');\nexport default x;");
        Assert.Equal("TypeError: top", run.Outcome.Error);
        Assert.Equal("TypeError: top\n    at main.js:2:7", run.Outcome.Stack);
    }

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void Script_PromiseCompletionValue_IsAwaited(string engine) => Assert.Equal("\"later\"", JsHarness.On(engine).Result("new Promise(r => setTimeout(() => r('later'), 5))"));

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void Script_RejectedCompletionValue_IsRuntimeError(string engine) =>
        Assert.Equal("Error: no", JsHarness.On(engine).Execute("Promise.reject(new Error('no'))").Outcome.Error);
}
