namespace ScriptRunner.Tests.Sandbox.JavaScript;

/// <summary>
/// An ES module's function handler, the edge-function shape: the same call, arguments and answer on every engine,
/// whether the engine's adapter calls it and reads the answer itself or leaves both to the runtime.
/// </summary>
public sealed class ModuleHandlerTests
{
    private static string Handle(string engine, string code, string? request = null) =>
        JsHarness.Json(JsHarness.On(engine).Execute(code, handler: "handler", requestJson: request));

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void TheHandler_IsCalledOnAHolderNamedForIt(string engine) =>
        Assert.Equal("{\"statusCode\":200,\"headers\":{},\"body\":\"default function\"}",
            Handle(engine, "export default function () { return { statusCode: 200, body: Object.keys(this).join() + ' ' + typeof this.default }; }"));

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void TheRequest_HasItsDefaultsFilledIn(string engine) =>
        Assert.Equal("{\"statusCode\":200,\"headers\":{},\"body\":\"[\\\"method\\\",\\\"extra\\\",\\\"url\\\",\\\"headers\\\",\\\"body\\\",\\\"query\\\"] GET /\"}",
            Handle(engine, "export default (req) => ({ statusCode: 200, body: JSON.stringify(Object.keys(req)) + ' ' + req.method + ' ' + req.url })",
                request: "{\"method\":null,\"extra\":1}"));

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void TheContext_IsFrozenWithItsTwoMethods(string engine) =>
        Assert.Equal("{\"statusCode\":200,\"headers\":{},\"body\":\"true waitUntil,passThroughOnException 1 0\"}",
            Handle(engine, "export default (req, env, ctx) => ({ statusCode: 200, body: [Object.isFrozen(ctx), Object.keys(ctx).join(), ctx.waitUntil.length, ctx.passThroughOnException.length].join(' ') })"));

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void TheEnv_IsTheFrozenGlobalEnvWithoutAPrototype(string engine) =>
        Assert.Equal("{\"statusCode\":200,\"headers\":{},\"body\":\"true true null\"}",
            Handle(engine, "export default (req, e) => ({ statusCode: 200, body: [e === env, Object.isFrozen(e), String(Object.getPrototypeOf(e))].join(' ') })"));

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void HeaderValues_AreConvertedToStrings_AndUndefinedOnesLeftOut(string engine) =>
        Assert.Equal("{\"statusCode\":201,\"headers\":{\"2\":\"two\",\"a\":\"1\",\"b\":\"true\",\"d\":\"null\",\"e\":\"0.5\"},\"body\":\"x\"}",
            Handle(engine, "export default async () => ({ statusCode: 201, headers: { a: 1, b: true, c: undefined, d: null, e: 0.5, 2: 'two' }, body: 'x' })"));

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void AProtoHeaderKey_IsNotAHeader(string engine) =>
        Assert.Equal("{\"statusCode\":200,\"headers\":{\"a\":\"b\"},\"body\":\"\"}",
            Handle(engine, "export default async () => ({ statusCode: 200, headers: JSON.parse('{\"__proto__\":\"x\",\"a\":\"b\"}') })"));

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void AGetter_IsReadOnce(string engine) =>
        Assert.Equal("{\"statusCode\":202,\"headers\":{},\"body\":\"1\"}",
            Handle(engine, "let reads = 0; export default async () => ({ get statusCode() { reads++; return 202; }, get body() { return String(reads); } })"));

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void AStatusCodeGivenAsText_IsANumber(string engine) =>
        Assert.Equal("{\"statusCode\":204,\"headers\":{},\"body\":\"\"}", Handle(engine, "export default () => ({ statusCode: '204' })"));

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void AThenableAnswer_IsResolved(string engine) =>
        Assert.Equal("{\"statusCode\":200,\"headers\":{},\"body\":\"then\"}", Handle(engine, "export default () => ({ then(resolve) { resolve('then'); } })"));

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void AnAnswerChangedByALaterMicrotask_IsAnsweredAsChanged(string engine) =>
        Assert.Equal("{\"statusCode\":200,\"headers\":{},\"body\":\"changed\"}",
            Handle(engine, "export default async () => { const answer = { statusCode: 200, body: 'first' }; Promise.resolve().then(() => Promise.resolve()).then(() => { answer.body = 'changed'; }); return answer; }"));

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void AHandlerThatThrows_WithARejectionLeftUnhandled_ReportsBoth(string engine)
    {
        var run = JsHarness.On(engine).Execute("export default () => { Promise.reject(new Error('aside')); throw new Error('thrown'); }", handler: "handler");

        Assert.Equal("Error: thrown", run.Outcome.Error);
        Assert.StartsWith("Uncaught (in promise) Error: aside", run.Output.Stderr);
    }
}
