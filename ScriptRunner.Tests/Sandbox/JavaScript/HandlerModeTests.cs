using ScriptRunner.Core.Model;

namespace ScriptRunner.Tests.Sandbox.JavaScript;

/// <summary>Classic scripts and CommonJS: global functions and <c>module.exports</c> as handlers, and normalization.</summary>
public sealed class HandlerModeTests
{
    private static string Handle(string engine, string code, string? handler = "handler", string? request = null) =>
        JsHarness.Json(JsHarness.On(engine).Execute(code, handler: handler, requestJson: request));

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void Handler_GlobalFunction_IsCalledWithRequest(string engine) =>
        Assert.Equal("{\"statusCode\":200,\"headers\":{},\"body\":\"POST /items a=1 x\"}",
            Handle(engine, "function handler(req) { return { statusCode: 200, body: req.method + ' ' + req.url + ' a=' + req.query.a + ' ' + req.body }; }",
                request: "{\"method\":\"POST\",\"url\":\"/items\",\"query\":{\"a\":\"1\"},\"body\":\"x\"}"));

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void Handler_RequestDefaultsAreFilled(string engine) =>
        Assert.Equal("{\"statusCode\":200,\"headers\":{},\"body\":\"GET|/|{}||{}\"}",
            Handle(engine, "function handler(r) { return [r.method, r.url, JSON.stringify(r.headers), r.body, JSON.stringify(r.query)].join('|'); }"));

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void Handler_SecondArgumentIsEnv(string engine) =>
        Assert.Equal("{\"statusCode\":200,\"headers\":{},\"body\":\"secret true\"}",
            JsHarness.On(engine).Json(JsHarness.On(engine).Execute("function handler(req, e) { return e.API_KEY + ' ' + (e === env); }", handler: "handler",
                env: new Dictionary<string, string> { ["API_KEY"] = "secret" })));

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void Handler_ModuleExportsFunction_IsUsed(string engine) =>
        Assert.Equal("{\"statusCode\":200,\"headers\":{},\"body\":\"OK\"}", Handle(engine, "module.exports = function (req) { return { statusCode: 200, body: 'OK' }; };"));

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void Handler_ModuleExportsMember_IsUsed(string engine) =>
        Assert.Equal("{\"statusCode\":201,\"headers\":{},\"body\":\"m\"}", Handle(engine, "module.exports.run = function () { return { statusCode: 201, body: 'm' }; };", "run"));

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void Handler_ExportsMember_IsUsed(string engine) =>
        Assert.Equal("{\"statusCode\":202,\"headers\":{},\"body\":\"e\"}", Handle(engine, "exports.go = () => ({ statusCode: 202, body: 'e' });", "go"));

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void Handler_ModuleExportsDefault_IsUsedWhenTheNameIsMissing(string engine) =>
        Assert.Equal("{\"statusCode\":200,\"headers\":{},\"body\":\"d\"}", Handle(engine, "module.exports = { 'default': function () { return 'd'; } };"));

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void Handler_CommonJsAsyncHandlerAwaitingFetch_Settles(string engine) =>
        Assert.Equal("{\"statusCode\":200,\"headers\":{},\"body\":\"refused: fetch is not allowed in this test\"}",
            Handle(engine, "module.exports = async (req) => { try { await fetch('https://x.test/'); } catch (e) { return 'refused: ' + e.message; } };"));

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void NoHandler_CommonJsModuleExportsFunction_IsCalled(string engine) =>
        Assert.Equal("{\"statusCode\":200,\"headers\":{},\"body\":\"called\"}", Handle(engine, "module.exports = () => 'called';", handler: null));

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void NoHandler_ExportFollowedByAnotherValue_AnswersTheValue(string engine) =>
        Assert.Equal("\"completion\"", Handle(engine, "module.exports = () => 'called'; 'completion'", handler: null));

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void NoHandler_GlobalFunctionIsNotCalled(string engine) =>
        Assert.Equal("\"completion\"", Handle(engine, "function handler() { return 'called'; } 'completion'", handler: null));

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void Handler_StringReturn_Becomes200(string engine) =>
        Assert.Equal("{\"statusCode\":200,\"headers\":{},\"body\":\"plain\"}", Handle(engine, "function handler() { return 'plain'; }"));

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void Handler_ObjectReturn_BecomesJson(string engine) =>
        Assert.Equal("{\"statusCode\":200,\"headers\":{\"content-type\":\"application/json\"},\"body\":\"{\\\"a\\\":1}\"}", Handle(engine, "function handler() { return { a: 1 }; }"));

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void Handler_NumberReturn_BecomesJson(string engine) =>
        Assert.Equal("{\"statusCode\":200,\"headers\":{\"content-type\":\"application/json\"},\"body\":\"42\"}", Handle(engine, "function handler() { return 42; }"));

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void Handler_NonStringBodyIsJsonStringifiedAndHeadersKept(string engine) =>
        Assert.Equal("{\"statusCode\":404,\"headers\":{\"x-a\":\"1\"},\"body\":\"{\\\"error\\\":\\\"missing\\\"}\"}",
            Handle(engine, "function handler() { return { statusCode: 404, headers: { 'x-a': 1 }, body: { error: 'missing' } }; }"));

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void Handler_ResponseReturn_IsNormalized(string engine) =>
        Assert.Equal("{\"statusCode\":418,\"headers\":{\"content-type\":\"application/json\",\"x-b\":\"2\"},\"body\":\"{\\\"tea\\\":true}\"}",
            Handle(engine, "async function handler() { return Response.json({ tea: true }, { status: 418, headers: { 'X-B': '2' } }); }"));

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void Handler_UndefinedReturn_IsEmpty200(string engine) =>
        Assert.Equal("{\"statusCode\":200,\"headers\":{},\"body\":\"\"}", Handle(engine, "function handler() {}"));

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void Handler_InvalidStatusCode_IsRuntimeError(string engine)
    {
        var run = JsHarness.On(engine).Execute("function handler() { return { statusCode: 'abc' }; }", handler: "handler");
        Assert.Equal(ErrorTypes.RuntimeError, run.Outcome.ErrorType);
        Assert.Equal("handler returned an invalid statusCode: abc", run.Outcome.Error);
    }

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void Handler_Missing_IsRuntimeErrorListingWhereItLooked(string engine)
    {
        var run = JsHarness.On(engine).Execute("var x = 1;", handler: "main");
        Assert.Equal(ErrorTypes.RuntimeError, run.Outcome.ErrorType);
        Assert.Equal("handler 'main' not found (looked for a global function 'main', module.exports.main, exports.main, module.exports as a function, module.exports.default)", run.Outcome.Error);
    }

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void Handler_ThrowIsRuntimeErrorWithStackAndStdoutKept(string engine)
    {
        var run = JsHarness.On(engine).Execute("function handler() {\n  console.log('in');\n  throw new Error('boom');\n}", handler: "handler");
        Assert.Equal(ErrorTypes.RuntimeError, run.Outcome.ErrorType);
        Assert.Equal("Error: boom", run.Outcome.Error);
        Assert.Equal("Error: boom\n    at handler (main.js:3:9)", run.Outcome.Stack);
        Assert.Equal("in\n", run.Output.Stdout);
    }

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void Handler_AsyncRejectionIsRuntimeError(string engine)
    {
        var run = JsHarness.On(engine).Execute("async function handler() { await null; throw new RangeError('later'); }", handler: "handler");
        Assert.Equal(ErrorTypes.RuntimeError, run.Outcome.ErrorType);
        Assert.Equal("RangeError: later", run.Outcome.Error);
        Assert.Equal("", run.Output.Stderr);
    }

    public static TheoryData<string, string> InheritedNames()
    {
        var data = new TheoryData<string, string>();
        foreach (var engine in new[] { "jint", "v8" })
        {
            foreach (var name in new[] { "constructor", "toString", "valueOf", "hasOwnProperty", "__proto__" }) data.Add(engine, name);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(InheritedNames))]
    public void AHandlerName_NeverResolvesThroughAPrototype(string engine, string name)
    {
        var run = JsHarness.On(engine).Execute("module.exports = { run() { return 'own'; } };", handler: name, requestJson: """{"method":"GET"}""");

        Assert.Equal(ErrorTypes.RuntimeError, run.Outcome.ErrorType);
        Assert.StartsWith($"handler '{name}' not found", run.Outcome.Error);
    }

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void AnOwnMemberOfModuleExports_IsStillTheHandler(string engine) =>
        Assert.Contains("\"body\":\"own\"", JsHarness.On(engine).Json(JsHarness.On(engine).Execute("module.exports = { run() { return 'own'; } };", handler: "run")));

    // What the same script answers for a handler name it does not have at all.
    private static JsHarness.Run Missing(string engine, string code) =>
        JsHarness.On(engine).Execute(code, handler: "nothingByThisName", requestJson: """{"method":"GET"}""");

    private static void AssertAnswersAsAMissingName(string engine, string code, string name)
    {
        var missing = Missing(engine, code).Outcome;
        var run = JsHarness.On(engine).Execute(code, handler: name, requestJson: """{"method":"GET"}""");

        Assert.Equal(missing.ErrorType, run.Outcome.ErrorType);
        Assert.Equal(missing.Error?.Replace("nothingByThisName", name, StringComparison.Ordinal), run.Outcome.Error);
        Assert.Equal(missing.Result?.ToJsonString(), run.Outcome.Result?.ToJsonString());
    }

    public static TheoryData<string, string> InheritedNamesByCodeForm()
    {
        var forms = new[]
        {
            "export function run(req) { return 'own'; }",
            "export default (req) => 'the default';",
            "export default { fetch(req) { return 'fetched'; } };",
            "module.exports = (req) => 'the export';",
            "exports.run = (req) => 'own';",
            "function run(req) { return 'own'; }",
        };
        var data = new TheoryData<string, string>();
        foreach (var engine in new[] { "jint", "v8" })
        {
            foreach (var form in forms) data.Add(engine, form);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(InheritedNamesByCodeForm))]
    public void AnInheritedName_AnswersAsANameTheScriptDoesNotHave_InEveryCodeForm(string engine, string code)
    {
        foreach (var name in new[] { "constructor", "toString", "valueOf", "hasOwnProperty", "__proto__" }) AssertAnswersAsAMissingName(engine, code, name);
    }

    public static TheoryData<string, string> RealmGlobalNames()
    {
        var data = new TheoryData<string, string>();
        foreach (var engine in new[] { "jint", "v8" })
        {
            foreach (var name in new[] { "Object", "String", "Array", "eval", "parseInt", "structuredClone", "atob" }) data.Add(engine, name);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(RealmGlobalNames))]
    public void ABuiltInOrPreludeGlobal_IsNeverAScriptsHandler(string engine, string name)
    {
        // The script reads the global, so an engine that installs the prelude's globals lazily has it installed.
        var code = $"function run(req) {{ return typeof {name}; }}";
        var run = JsHarness.On(engine).Execute(code, handler: name, requestJson: """{"method":"GET"}""");

        Assert.Equal(ErrorTypes.RuntimeError, run.Outcome.ErrorType);
        Assert.Equal(Missing(engine, code).Outcome.Error?.Replace("nothingByThisName", name, StringComparison.Ordinal), run.Outcome.Error);
    }

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void AScriptsOwnFunction_NamedAsABuiltIn_IsItsHandler(string engine) =>
        Assert.Contains("\"body\":\"mine\"", Handle(engine, "function escape(req) { return 'mine'; }", handler: "escape"));

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void ABoundFunction_IsAHandler(string engine) =>
        Assert.Contains("\"body\":\"bound\"", Handle(engine, "var handler = function (req) { return this.text; }.bind({ text: 'bound' });"));
}
