using ScriptRunner.Core.Model;
using ScriptRunner.Sandbox.JavaScript;

namespace ScriptRunner.Tests.Sandbox.JavaScript;

/// <summary>What scripts may not do: compile strings, import anything, reach the CLR or a host object.</summary>
public sealed class RefusalTests
{
    private const string Refused = "TypeError: String compilation has been disabled in engine options";

    [Theory]
    [InlineData("eval('1 + 1')", "jint")]
    [InlineData("eval('1 + 1')", "v8")]
    [InlineData("(0, eval)('1')", "jint")]
    [InlineData("(0, eval)('1')", "v8")]
    [InlineData("globalThis['ev' + 'al']('1')", "jint")]
    [InlineData("globalThis['ev' + 'al']('1')", "v8")]
    [InlineData("Function('return 1')()", "jint")]
    [InlineData("Function('return 1')()", "v8")]
    [InlineData("new Function('return 1')()", "jint")]
    [InlineData("new Function('return 1')()", "v8")]
    [InlineData("(function () {}).constructor('return 1')()", "jint")]
    [InlineData("(function () {}).constructor('return 1')()", "v8")]
    [InlineData("Object.getPrototypeOf(function () {}).constructor('return 1')()", "jint")]
    [InlineData("Object.getPrototypeOf(function () {}).constructor('return 1')()", "v8")]
    [InlineData("Math.max.constructor('return 1')()", "jint")]
    [InlineData("Math.max.constructor('return 1')()", "v8")]
    [InlineData("[].map.constructor.call(null, 'return 1')()", "jint")]
    [InlineData("[].map.constructor.call(null, 'return 1')()", "v8")]
    [InlineData("(async () => {}).constructor('return 1')", "jint")]
    [InlineData("(async () => {}).constructor('return 1')", "v8")]
    [InlineData("(function* () {}).constructor('yield 1')", "jint")]
    [InlineData("(function* () {}).constructor('yield 1')", "v8")]
    [InlineData("(async function* () {}).constructor('yield 1')", "jint")]
    [InlineData("(async function* () {}).constructor('yield 1')", "v8")]
    [InlineData("Reflect.construct(Function, ['return 1'])", "jint")]
    [InlineData("Reflect.construct(Function, ['return 1'])", "v8")]
    [InlineData("setTimeout('console.log(1)', 0)", "jint")]
    [InlineData("setTimeout('console.log(1)', 0)", "v8")]
    public void StringCompilation_IsRefusedInEveryDisguise(string code, string engine)
    {
        var run = JsHarness.On(engine).Execute(code);
        Assert.Equal(ErrorTypes.RuntimeError, run.Outcome.ErrorType);
        Assert.StartsWith(code.StartsWith("setTimeout", StringComparison.Ordinal) ? "TypeError: The \"callback\" argument must be of type function" : Refused, run.Outcome.Error);
    }

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void StringCompilation_RefusalIsCatchable(string engine) =>
        Assert.Equal("\"TypeError\"", JsHarness.On(engine).Result("try { eval('1'); } catch (e) { e.name }"));

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void StringCompilation_AllowedBySetting(string engine) =>
        Assert.Equal("[2,3]", JsHarness.On(engine).Result("[eval('1 + 1'), new Function('a', 'return a + 1')(2)]", sandbox: JsEngines.AllowingStringCompilation(engine)));

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void FunctionsStillWorkWithoutStringCompilation(string engine) =>
        Assert.Equal("[true,3,\"f\"]", JsHarness.On(engine).Result("function f() {} [f instanceof Function, Math.max.call(null, 1, 3), f.name]"));

    [Theory]
    [InlineData("import x from 'lodash';\nexport default x;", "SyntaxError: import from 'lodash' is not allowed: scripts cannot import modules (line 1, column 1)", "jint")]
    [InlineData("import x from 'lodash';\nexport default x;", "SyntaxError: import from 'lodash' is not allowed: scripts cannot import modules (line 1, column 1)", "v8")]
    [InlineData("export default 1;\nexport * from './other.js';", "SyntaxError: export from './other.js' is not allowed: scripts cannot import modules (line 2, column 1)", "jint")]
    [InlineData("export default 1;\nexport * from './other.js';", "SyntaxError: export from './other.js' is not allowed: scripts cannot import modules (line 2, column 1)", "v8")]
    [InlineData("export { a } from 'b';", "SyntaxError: export from 'b' is not allowed: scripts cannot import modules (line 1, column 1)", "jint")]
    [InlineData("export { a } from 'b';", "SyntaxError: export from 'b' is not allowed: scripts cannot import modules (line 1, column 1)", "v8")]
    [InlineData("const m = await import('node:fs');", "SyntaxError: import() is not allowed: scripts cannot import modules (line 1, column 17)", "jint")]
    [InlineData("const m = await import('node:fs');", "SyntaxError: import() is not allowed: scripts cannot import modules (line 1, column 17)", "v8")]
    [InlineData("function later() { return import('https://evil.test/x.js'); }", "SyntaxError: import() is not allowed: scripts cannot import modules (line 1, column 27)", "jint")]
    [InlineData("function later() { return import('https://evil.test/x.js'); }", "SyntaxError: import() is not allowed: scripts cannot import modules (line 1, column 27)", "v8")]
    public void Import_StaticOrDynamic_IsCompileError(string code, string message, string engine)
    {
        var run = JsHarness.On(engine).Execute(code);
        Assert.Equal(ErrorTypes.CompileError, run.Outcome.ErrorType);
        Assert.Equal(message, run.Outcome.Error);
    }

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void Import_WordInStringsAndNames_IsFine(string engine) => Assert.Equal("\"import from x\"", JsHarness.On(engine).Result("const from = 'from'; const imports = 'import'; `${imports} ${from} x`"));

    [Theory]
    [InlineData("typeof System", "jint")]
    [InlineData("typeof System", "v8")]
    [InlineData("typeof importNamespace", "jint")]
    [InlineData("typeof importNamespace", "v8")]
    [InlineData("typeof require", "jint")]
    [InlineData("typeof require", "v8")]
    [InlineData("typeof process", "jint")]
    [InlineData("typeof process", "v8")]
    [InlineData("typeof host", "jint")]
    [InlineData("typeof host", "v8")]
    [InlineData("typeof Deno", "jint")]
    [InlineData("typeof Deno", "v8")]
    public void Clr_NodeApisAndHostBindings_AreUndefined(string code, string engine) => Assert.Equal("\"undefined\"", JsHarness.On(engine).Result(code));

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void HostBindings_AreNotReachableThroughGlobals(string engine) =>
        Assert.Equal("[]", JsHarness.On(engine).Result("Object.getOwnPropertyNames(globalThis).filter(n => { try { const v = globalThis[n]; return v && typeof v.randomBytes === 'function'; } catch (e) { return false; } })"));
}
