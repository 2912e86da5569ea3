using ScriptRunner.Core.Model;

namespace ScriptRunner.Tests.Sandbox.JavaScript;

public sealed class ErrorMappingTests
{
    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void SyntaxError_IsCompileErrorWithLineAndColumn(string engine)
    {
        var run = JsHarness.On(engine).Execute("var a = 1;\nvar b = ;");
        Assert.Equal(ErrorTypes.CompileError, run.Outcome.ErrorType);
        Assert.Equal("SyntaxError: Unexpected token ';' (line 2, column 9)", run.Outcome.Error);
        Assert.Equal("SyntaxError: Unexpected token ';'\n    at main.js:2:9", run.Outcome.Stack);
    }

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void SyntaxError_InAModule_IsReportedWhereTheModuleReadingStopped(string engine)
    {
        var run = JsHarness.On(engine).Execute("export default function () {\n  return 1 +;\n}");
        Assert.Equal(ErrorTypes.CompileError, run.Outcome.ErrorType);
        Assert.Equal("SyntaxError: Unexpected token ';' (line 2, column 13)", run.Outcome.Error);
    }

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void ThrownError_IsRuntimeErrorWithFunctionNamesAndLineColumn(string engine)
    {
        var run = JsHarness.On(engine).Execute("function inner() {\n  throw new TypeError('bad thing');\n}\nfunction outer() { inner(); }\nouter();");
        Assert.Equal(ErrorTypes.RuntimeError, run.Outcome.ErrorType);
        Assert.Equal("TypeError: bad thing", run.Outcome.Error);
        Assert.Equal("TypeError: bad thing\n    at inner (main.js:2:9)\n    at outer (main.js:4:20)\n    at main.js:5:1", run.Outcome.Stack);
    }

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void ReferenceError_IsRuntimeError(string engine)
    {
        var run = JsHarness.On(engine).Execute("missingFunction()");
        Assert.Equal(ErrorTypes.RuntimeError, run.Outcome.ErrorType);
        Assert.Equal("ReferenceError: missingFunction is not defined", run.Outcome.Error);
    }

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void ThrownString_IsStringified(string engine) => Assert.Equal("Uncaught boom", JsHarness.On(engine).Execute("throw 'boom';").Outcome.Error);

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void ThrownObject_IsInspected(string engine) => Assert.Equal("Uncaught { code: 42 }", JsHarness.On(engine).Execute("throw { code: 42 };").Outcome.Error);

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void ThrownObjectFromFunction_IsCatchable(string engine) =>
        Assert.Equal("42", JsHarness.On(engine).Result("function f() { throw { code: 42 }; } try { f(); } catch (e) { e.code; }"));

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void CustomErrorSubclass_KeepsItsName(string engine) =>
        Assert.Equal("ValidationError: nope", JsHarness.On(engine).Execute("class ValidationError extends Error { constructor(m) { super(m); this.name = 'ValidationError'; } } throw new ValidationError('nope');").Outcome.Error);

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void ErrorInSortComparator_IsCatchableByScript(string engine) =>
        Assert.Equal("\"caught x\"", JsHarness.On(engine).Result("try { [3, 1, 2].sort(function () { throw new Error('x'); }); } catch (e) { 'caught ' + e.message; }"));

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void StdoutBeforeRuntimeError_IsKept(string engine)
    {
        var run = JsHarness.On(engine).Execute("console.log('one'); console.error('two'); null.x;");
        Assert.Equal(ErrorTypes.RuntimeError, run.Outcome.ErrorType);
        Assert.Equal("one\n", run.Output.Stdout);
        Assert.Equal("two\n", run.Output.Stderr);
    }
}
