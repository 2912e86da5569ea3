using ScriptRunner.Core.Model;

namespace ScriptRunner.Tests.Sandbox.JavaScript;

/// <summary>
/// The completion value against <c>module.exports</c> in a classic script: the script's own export is its handler,
/// a bundled library's export is not (see docs/javascript-handlers.md), checked with real UMD builds.
/// </summary>
public sealed class ScriptExportTests
{
    private const string Ok = "{\"statusCode\":200,\"headers\":{},\"body\":\"OK\"}";

    private static string Answer(string engine, string code, string? handler = null, string? request = null) =>
        JsHarness.Json(JsHarness.On(engine).Execute(code, handler: handler, requestJson: request));

    private static string Library(string file) => JavaScriptLibraries.Read(file) + "\n";

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void OwnAsyncExport_IsTheHandler(string engine) =>
        Assert.Equal(Ok, Answer(engine, "module.exports = async (req) => ({ statusCode: 200, body: 'OK' });"));

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void OwnExportFollowedByDeclarations_IsTheHandler(string engine) =>
        Assert.Equal(Ok, Answer(engine, "module.exports = handler;\nfunction handler(req) { return 'OK'; }\nconst unused = 1;\nclass Helper {}"));

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void OwnExportFollowedByAStatementWithoutValue_IsTheHandler(string engine) =>
        Assert.Equal(Ok, Answer(engine, "module.exports = async (req) => 'OK';\nconsole.log('ready');"));

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void OwnExportInsideAnIf_IsTheHandler(string engine) =>
        Assert.Equal(Ok, Answer(engine, "function handler() { return 'OK'; }\nif (typeof module === 'object') { module.exports = handler; }\nvoid 0;"));

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void OwnExportsDefault_IsTheHandler(string engine) =>
        Assert.Equal(Ok, Answer(engine, "exports.default = () => 'OK';\nconsole.log('ready');"));

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void OwnWorkersObject_IsTheHandler(string engine) =>
        Assert.Equal("{\"statusCode\":200,\"headers\":{\"content-type\":\"text/plain;charset=UTF-8\"},\"body\":\"worker /x\"}",
            Answer(engine, "module.exports = { fetch(request) { return new Response('worker ' + new URL(request.url).pathname); } };", request: "{\"url\":\"/x\"}"));

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void ExportEndingTheScript_IsTheHandlerWhateverMadeIt(string engine) =>
        Assert.Equal(Ok, Answer(engine, "(function () { module.exports = () => 'OK'; })();\nmodule.exports;"));

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void ExportThenAValue_AnswersTheValue(string engine) =>
        Assert.Equal("{\"answer\":42}", Answer(engine, "module.exports = (req) => 'handler';\n({ answer: 42 })"));

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void LodashThenAnExpression_AnswersTheExpression(string engine) =>
        Assert.Equal("[[\"a\",\"b\"],[\"c\"]]", Answer(engine, Library("lodash.min.js") + "const _ = module.exports;\n_.chunk(['a', 'b', 'c'], 2)"));

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void UnderscoreThenAnExpression_AnswersTheExpression(string engine) =>
        Assert.Equal("[1,2,3]", Answer(engine, Library("underscore-umd-min.js") + "module.exports.uniq([1, 2, 1, 3])"));

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void DayjsThenAnExpression_AnswersTheExpression(string engine) =>
        Assert.Equal("\"2020-01-03T03:04:05.000Z\"", Answer(engine, Library("dayjs.min.js") + "module.exports('2020-01-02T03:04:05Z').add(1, 'day').toISOString()"));

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void LibraryThenConsoleLog_AnswersNothingAndNeverCallsTheLibrary(string engine)
    {
        var run = JsHarness.On(engine).Execute(Library("lodash.min.js") + "console.log(module.exports.VERSION);");
        Assert.Equal("null", JsHarness.Json(run));
        Assert.Equal("4.17.21\n", run.Output.Stdout);
    }

    // lodash ends with `.call(this)` (undefined); dayjs's minified wrapper is `!function (…) {…}(…)` (true).
    [Theory]
    [InlineData("lodash.min.js", "null", "jint")]
    [InlineData("lodash.min.js", "null", "v8")]
    [InlineData("dayjs.min.js", "true", "jint")]
    [InlineData("dayjs.min.js", "true", "v8")]
    public void LibraryAlone_AnswersItsCompletionValue(string file, string answer, string engine) =>
        Assert.Equal(answer, Answer(engine, Library(file)));

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void LibraryThenOwnExport_OwnExportIsTheHandler(string engine) =>
        Assert.Equal("{\"statusCode\":200,\"headers\":{},\"body\":\"hello-world-again\"}",
            Answer(engine, Library("lodash.min.js") + "const _ = module.exports;\nmodule.exports = async (req) => _.kebabCase(req.query.title);",
                request: "{\"query\":{\"title\":\"Hello World Again\"}}"));

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void LibrariesThenOwnWorkersExport_IsTheHandler(string engine) =>
        Assert.Equal("{\"statusCode\":200,\"headers\":{\"content-type\":\"text/plain;charset=UTF-8\"},\"body\":\"2020-01-02 [1,2]\"}",
            Answer(engine, Library("underscore-umd-min.js") + "const _ = module.exports;\n" + Library("dayjs.min.js") + "const dayjs = module.exports;\n" +
                "module.exports = { fetch: () => new Response(dayjs('2020-01-02T00:00:00Z').format('YYYY-MM-DD') + ' ' + JSON.stringify(_.uniq([1, 2, 1]))) };"));

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void NamedHandler_LibraryThenGlobalFunction_CallsTheFunction(string engine) =>
        Assert.Equal("{\"statusCode\":200,\"headers\":{},\"body\":\"a,b\"}",
            Answer(engine, Library("lodash.min.js") + "const _ = module.exports;\nfunction handler(req) { return _.uniq(['a', 'b', 'a']).join(); }", handler: "handler"));

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void NamedHandler_LibraryThenExportsMember_CallsTheMember(string engine) =>
        Assert.Equal("{\"statusCode\":200,\"headers\":{},\"body\":\"3\"}",
            Answer(engine, Library("underscore-umd-min.js") + "const _ = module.exports;\nexports.handler = () => String(_.max([1, 3, 2]));", handler: "handler"));

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void NamedHandler_LibraryThenAnExpression_IsNotFoundRatherThanTheLibraryCalled(string engine)
    {
        var run = JsHarness.On(engine).Execute(Library("lodash.min.js") + "module.exports.chunk([1, 2, 3], 2)", handler: "handler");
        Assert.Equal(ErrorTypes.RuntimeError, run.Outcome.ErrorType);
        Assert.Equal("handler 'handler' not found (looked for a global function 'handler', module.exports.handler, exports.handler, module.exports as a function, module.exports.default)", run.Outcome.Error);
    }

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void NamedHandler_OwnExportFollowedByAValue_IsStillTheHandler(string engine) =>
        Assert.Equal(Ok, Answer(engine, "module.exports = () => 'OK';\nconst version = '1.0';\nversion", handler: "handler"));
}
