using ScriptRunner.Core.Model;
using ScriptRunner.Sandbox.JavaScript;

namespace ScriptRunner.Tests.Sandbox.JavaScript;

/// <summary>What scripts may not do: compile strings, import anything, reach the CLR or a host object.</summary>
public sealed class RefusalTests
{
    private const string EvalRefused = "TypeError: eval is not allowed";
    private const string FunctionRefused = "TypeError: the Function constructor is not allowed";

    [Theory]
    [InlineData("eval('1 + 1')", EvalRefused, "jint")]
    [InlineData("eval('1 + 1')", EvalRefused, "v8")]
    [InlineData("(0, eval)('1')", EvalRefused, "jint")]
    [InlineData("(0, eval)('1')", EvalRefused, "v8")]
    [InlineData("globalThis['ev' + 'al']('1')", EvalRefused, "jint")]
    [InlineData("globalThis['ev' + 'al']('1')", EvalRefused, "v8")]
    [InlineData("(function () { 'use strict'; return eval('1'); })()", EvalRefused, "jint")]
    [InlineData("(function () { 'use strict'; return eval('1'); })()", EvalRefused, "v8")]
    [InlineData("Function('return 1')()", FunctionRefused, "jint")]
    [InlineData("Function('return 1')()", FunctionRefused, "v8")]
    [InlineData("new Function('return 1')()", FunctionRefused, "jint")]
    [InlineData("new Function('return 1')()", FunctionRefused, "v8")]
    [InlineData("(function () {}).constructor('return 1')()", FunctionRefused, "jint")]
    [InlineData("(function () {}).constructor('return 1')()", FunctionRefused, "v8")]
    [InlineData("Object.getPrototypeOf(function () {}).constructor('return 1')()", FunctionRefused, "jint")]
    [InlineData("Object.getPrototypeOf(function () {}).constructor('return 1')()", FunctionRefused, "v8")]
    [InlineData("Math.max.constructor('return 1')()", FunctionRefused, "jint")]
    [InlineData("Math.max.constructor('return 1')()", FunctionRefused, "v8")]
    [InlineData("[].map.constructor.call(null, 'return 1')()", FunctionRefused, "jint")]
    [InlineData("[].map.constructor.call(null, 'return 1')()", FunctionRefused, "v8")]
    [InlineData("Reflect.construct(Function, ['return 1'])", FunctionRefused, "jint")]
    [InlineData("Reflect.construct(Function, ['return 1'])", FunctionRefused, "v8")]
    [InlineData("class A {}; A.constructor('return 1')", FunctionRefused, "jint")]
    [InlineData("class A {}; A.constructor('return 1')", FunctionRefused, "v8")]
    [InlineData("(async () => {}).constructor('return 1')", "TypeError: the AsyncFunction constructor is not allowed", "jint")]
    [InlineData("(async () => {}).constructor('return 1')", "TypeError: the AsyncFunction constructor is not allowed", "v8")]
    [InlineData("(function* () {}).constructor('yield 1')", "TypeError: the GeneratorFunction constructor is not allowed", "jint")]
    [InlineData("(function* () {}).constructor('yield 1')", "TypeError: the GeneratorFunction constructor is not allowed", "v8")]
    [InlineData("new (Object.getPrototypeOf(function* () {}).constructor)('yield 1')", "TypeError: the GeneratorFunction constructor is not allowed", "jint")]
    [InlineData("new (Object.getPrototypeOf(function* () {}).constructor)('yield 1')", "TypeError: the GeneratorFunction constructor is not allowed", "v8")]
    [InlineData("(async function* () {}).constructor('yield 1')", "TypeError: the AsyncGeneratorFunction constructor is not allowed", "jint")]
    [InlineData("(async function* () {}).constructor('yield 1')", "TypeError: the AsyncGeneratorFunction constructor is not allowed", "v8")]
    [InlineData("setTimeout('console.log(1)', 0)", "TypeError: setTimeout with a string is not allowed", "jint")]
    [InlineData("setTimeout('console.log(1)', 0)", "TypeError: setTimeout with a string is not allowed", "v8")]
    [InlineData("setInterval('console.log(1)', 10)", "TypeError: setInterval with a string is not allowed", "jint")]
    [InlineData("setInterval('console.log(1)', 10)", "TypeError: setInterval with a string is not allowed", "v8")]
    public void StringCompilation_IsRefusedNamingTheConstruct(string code, string message, string engine)
    {
        var run = JsHarness.On(engine).Execute(code);
        Assert.Equal(ErrorTypes.RuntimeError, run.Outcome.ErrorType);
        Assert.Equal(message, run.Outcome.Error);
    }

    // Jint has ShadowRealm; V8 (without its flag) has none, so there is nothing to refuse there. importValue loads a
    // module, refused like any import.
    [Theory]
    [InlineData("new ShadowRealm().evaluate('1 + 1')", "TypeError: ShadowRealm.prototype.evaluate is not allowed")]
    [InlineData("new ShadowRealm().importValue('./x.js', 'x')", "SyntaxError: import is not allowed: scripts cannot import modules")]
    public void StringCompilation_ShadowRealmIsRefusedOnJint(string code, string message)
    {
        var run = JsHarness.On("jint").Execute(code);
        Assert.Equal(ErrorTypes.RuntimeError, run.Outcome.ErrorType);
        Assert.Equal(message, run.Outcome.Error);
    }

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void StringCompilation_ShadowRealmIsRefusedOrAbsent(string engine) =>
        Assert.Equal("\"refused\"", JsHarness.On(engine).Result(
            "let answer; try { answer = typeof ShadowRealm === 'function' ? new ShadowRealm().evaluate('1') : 'absent'; } catch (e) { answer = e.message === 'ShadowRealm.prototype.evaluate is not allowed' ? 'refused' : e.message; } answer === 'absent' ? 'refused' : answer"));

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void StringCompilation_MessagesNeverMentionEngineOptions(string engine) =>
        Assert.Equal("[]", JsHarness.On(engine).Result(
            "const attempts = [() => eval('1'), () => Function('1'), () => (function* () {}).constructor('1'), () => (async () => {}).constructor('1'), () => (async function* () {}).constructor('1'), () => setTimeout('1')];" +
            "attempts.map((f) => { try { f(); return 'ran'; } catch (e) { return e.message; } }).filter((m) => m === 'ran' || /engine|option/i.test(m))"));

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void Eval_OfANonString_AnswersItsArgument(string engine) =>
        Assert.Equal("[42,null,true]", JsHarness.On(engine).Result("[eval(42), eval(null), eval(true)]"));

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void StringCompilation_RefusersKeepTheirNames(string engine) =>
        Assert.Equal("[\"eval\",\"Function\",1,true,true]", JsHarness.On(engine).Result(
            "[eval.name, Function.name, Function.length, (function () {}).constructor === Function, (() => 1) instanceof Function]"));

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
