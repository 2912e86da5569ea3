using ScriptRunner.Core.Model;
using ScriptRunner.Sandbox.JavaScript;

namespace ScriptRunner.Tests.Sandbox.JavaScript;

/// <summary>What scripts may not do: compile strings, import anything, reach the CLR or a host object.</summary>
public sealed class RefusalTests
{
    private const string Refused = "TypeError: String compilation has been disabled in engine options";

    [Theory]
    [InlineData("eval('1 + 1')")]
    [InlineData("(0, eval)('1')")]
    [InlineData("globalThis['ev' + 'al']('1')")]
    [InlineData("Function('return 1')()")]
    [InlineData("new Function('return 1')()")]
    [InlineData("(function () {}).constructor('return 1')()")]
    [InlineData("Object.getPrototypeOf(function () {}).constructor('return 1')()")]
    [InlineData("Math.max.constructor('return 1')()")]
    [InlineData("[].map.constructor.call(null, 'return 1')()")]
    [InlineData("(async () => {}).constructor('return 1')")]
    [InlineData("(function* () {}).constructor('yield 1')")]
    [InlineData("(async function* () {}).constructor('yield 1')")]
    [InlineData("Reflect.construct(Function, ['return 1'])")]
    [InlineData("setTimeout('console.log(1)', 0)")]
    public void StringCompilation_IsRefusedInEveryDisguise(string code)
    {
        var run = JsHarness.Execute(code);
        Assert.Equal(ErrorTypes.RuntimeError, run.Outcome.ErrorType);
        Assert.StartsWith(code.StartsWith("setTimeout", StringComparison.Ordinal) ? "TypeError: The \"callback\" argument must be of type function" : Refused, run.Outcome.Error);
    }

    [Fact]
    public void StringCompilation_RefusalIsCatchable() =>
        Assert.Equal("\"TypeError\"", JsHarness.Result("try { eval('1'); } catch (e) { e.name }"));

    [Fact]
    public void StringCompilation_AllowedBySetting() =>
        Assert.Equal("[2,3]", JsHarness.Result("[eval('1 + 1'), new Function('a', 'return a + 1')(2)]", sandbox: new JavaScriptSandbox(allowStringCompilation: true)));

    [Fact]
    public void FunctionsStillWorkWithoutStringCompilation() =>
        Assert.Equal("[true,3,\"f\"]", JsHarness.Result("function f() {} [f instanceof Function, Math.max.call(null, 1, 3), f.name]"));

    [Theory]
    [InlineData("import x from 'lodash';\nexport default x;", "SyntaxError: import from 'lodash' is not allowed: scripts cannot import modules (line 1, column 1)")]
    [InlineData("export default 1;\nexport * from './other.js';", "SyntaxError: export from './other.js' is not allowed: scripts cannot import modules (line 2, column 1)")]
    [InlineData("export { a } from 'b';", "SyntaxError: export from 'b' is not allowed: scripts cannot import modules (line 1, column 1)")]
    [InlineData("const m = await import('node:fs');", "SyntaxError: import() is not allowed: scripts cannot import modules (line 1, column 17)")]
    [InlineData("function later() { return import('https://evil.test/x.js'); }", "SyntaxError: import() is not allowed: scripts cannot import modules (line 1, column 27)")]
    public void Import_StaticOrDynamic_IsCompileError(string code, string message)
    {
        var run = JsHarness.Execute(code);
        Assert.Equal(ErrorTypes.CompileError, run.Outcome.ErrorType);
        Assert.Equal(message, run.Outcome.Error);
    }

    [Fact]
    public void Import_WordInStringsAndNames_IsFine() => Assert.Equal("\"import from x\"", JsHarness.Result("const from = 'from'; const imports = 'import'; `${imports} ${from} x`"));

    [Theory]
    [InlineData("typeof System")]
    [InlineData("typeof importNamespace")]
    [InlineData("typeof require")]
    [InlineData("typeof process")]
    [InlineData("typeof host")]
    [InlineData("typeof Deno")]
    public void Clr_NodeApisAndHostBindings_AreUndefined(string code) => Assert.Equal("\"undefined\"", JsHarness.Result(code));

    [Fact]
    public void HostBindings_AreNotReachableThroughGlobals() =>
        Assert.Equal("[]", JsHarness.Result("Object.getOwnPropertyNames(globalThis).filter(n => { try { const v = globalThis[n]; return v && typeof v.randomBytes === 'function'; } catch (e) { return false; } })"));
}
