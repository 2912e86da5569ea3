using ScriptRunner.Core.Model;

namespace ScriptRunner.Tests.Sandbox.JavaScript;

public sealed class ErrorMappingTests
{
    [Fact]
    public void SyntaxError_IsCompileErrorWithLineAndColumn()
    {
        var run = JsHarness.Execute("var a = 1;\nvar b = ;");
        Assert.Equal(ErrorTypes.CompileError, run.Outcome.ErrorType);
        Assert.Equal("SyntaxError: Unexpected token ';' (line 2, column 9)", run.Outcome.Error);
        Assert.Equal("SyntaxError: Unexpected token ';'\n    at main.js:2:9", run.Outcome.Stack);
    }

    [Fact]
    public void SyntaxError_InAModule_IsReportedWhereTheModuleReadingStopped()
    {
        var run = JsHarness.Execute("export default function () {\n  return 1 +;\n}");
        Assert.Equal(ErrorTypes.CompileError, run.Outcome.ErrorType);
        Assert.Equal("SyntaxError: Unexpected token ';' (line 2, column 13)", run.Outcome.Error);
    }

    [Fact]
    public void ThrownError_IsRuntimeErrorWithFunctionNamesAndLineColumn()
    {
        var run = JsHarness.Execute("function inner() {\n  throw new TypeError('bad thing');\n}\nfunction outer() { inner(); }\nouter();");
        Assert.Equal(ErrorTypes.RuntimeError, run.Outcome.ErrorType);
        Assert.Equal("TypeError: bad thing", run.Outcome.Error);
        Assert.Equal("TypeError: bad thing\n    at inner (main.js:2:9)\n    at outer (main.js:4:20)\n    at main.js:5:1", run.Outcome.Stack);
    }

    [Fact]
    public void ReferenceError_IsRuntimeError()
    {
        var run = JsHarness.Execute("missingFunction()");
        Assert.Equal(ErrorTypes.RuntimeError, run.Outcome.ErrorType);
        Assert.Equal("ReferenceError: missingFunction is not defined", run.Outcome.Error);
    }

    [Fact]
    public void ThrownString_IsStringified() => Assert.Equal("Uncaught boom", JsHarness.Execute("throw 'boom';").Outcome.Error);

    [Fact]
    public void ThrownObject_IsInspected() => Assert.Equal("Uncaught { code: 42 }", JsHarness.Execute("throw { code: 42 };").Outcome.Error);

    [Fact]
    public void ThrownObjectFromFunction_IsCatchable() =>
        Assert.Equal("42", JsHarness.Result("function f() { throw { code: 42 }; } try { f(); } catch (e) { e.code; }"));

    [Fact]
    public void CustomErrorSubclass_KeepsItsName() =>
        Assert.Equal("ValidationError: nope", JsHarness.Execute("class ValidationError extends Error { constructor(m) { super(m); this.name = 'ValidationError'; } } throw new ValidationError('nope');").Outcome.Error);

    [Fact]
    public void ErrorInSortComparator_IsCatchableByScript() =>
        Assert.Equal("\"caught x\"", JsHarness.Result("try { [3, 1, 2].sort(function () { throw new Error('x'); }); } catch (e) { 'caught ' + e.message; }"));

    [Fact]
    public void StdoutBeforeRuntimeError_IsKept()
    {
        var run = JsHarness.Execute("console.log('one'); console.error('two'); null.x;");
        Assert.Equal(ErrorTypes.RuntimeError, run.Outcome.ErrorType);
        Assert.Equal("one\n", run.Output.Stdout);
        Assert.Equal("two\n", run.Output.Stderr);
    }
}
