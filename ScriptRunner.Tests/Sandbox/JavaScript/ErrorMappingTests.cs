using ScriptRunner.Core.Model;

namespace ScriptRunner.Tests.Sandbox.JavaScript;

public sealed class ErrorMappingTests
{
    [Fact]
    public void SyntaxError_IsCompileErrorWithLineAndColumn()
    {
        var run = JsHarness.Execute("var a = 1;\nvar b = ;");
        Assert.Equal(ErrorTypes.CompileError, run.Outcome.ErrorType);
        Assert.StartsWith("SyntaxError: Unexpected token ; (line 2, column 9)", run.Outcome.Error);
        Assert.DoesNotContain("ES5.1", run.Outcome.Error);
    }

    [Theory]
    [InlineData("var f = (x) => x;")]
    [InlineData("class A {}")]
    [InlineData("for (var x of [1]) {}")]
    [InlineData("async function f() { await g(); }")]
    [InlineData("import x from 'y';")]
    [InlineData("var s = `template`;")]
    public void Es2015Syntax_IsCompileErrorWithHint(string code)
    {
        var run = JsHarness.Execute(code);
        Assert.Equal(ErrorTypes.CompileError, run.Outcome.ErrorType);
        Assert.Contains("Jint 2.10 supports ES5.1 only", run.Outcome.Error);
    }

    [Fact]
    public void ThrownError_IsRuntimeErrorWithNameMessageAndLocation()
    {
        var run = JsHarness.Execute("var a = 1;\n\nthrow new TypeError('bad thing');");
        Assert.Equal(ErrorTypes.RuntimeError, run.Outcome.ErrorType);
        Assert.Equal("TypeError: bad thing", run.Outcome.Error);
        Assert.Equal("TypeError: bad thing\n    at line 3 column 1", run.Outcome.Stack);
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
    public void ThrownObject_IsStringified() => Assert.Equal("Uncaught {\"code\":42}", JsHarness.Execute("throw { code: 42 };").Outcome.Error);

    [Fact]
    public void ThrownObjectFromFunction_IsCatchable() =>
        Assert.Equal("42", JsHarness.Result("function f() { throw { code: 42 }; } try { f(); } catch (e) { e.code; }"));

    [Fact]
    public void ThrownPrimitiveFromFunction_IsCatchable() =>
        Assert.Equal("\"s\"", JsHarness.Result("function f() { throw 's'; } try { f(); } catch (e) { e; }"));

    [Fact]
    public void CustomErrorSubtype_KeepsItsName() =>
        Assert.Equal("ValidationError: nope", JsHarness.Execute("function V(m) { this.message = m; } V.prototype = new Error(); V.prototype.name = 'ValidationError'; throw new V('nope');").Outcome.Error);

    [Fact]
    public void ErrorInSortComparator_IsCatchableByScript() =>
        Assert.Equal("\"caught x\"", JsHarness.Result("try { [3, 1, 2].sort(function () { throw new Error('x'); }); } catch (e) { 'caught ' + e.message; }"));

    [Fact]
    public void TimeoutInsideSortComparator_IsTimeout()
    {
        var run = JsHarness.Execute("[3, 1, 2].sort(function () { while (true) {} })", timeout: TimeSpan.FromMilliseconds(300));
        Assert.Equal(ErrorTypes.Timeout, run.Outcome.ErrorType);
    }

    [Fact]
    public void StdoutBeforeRuntimeError_IsKept()
    {
        var run = JsHarness.Execute("console.log('one'); console.error('two'); null.x;");
        Assert.Equal(ErrorTypes.RuntimeError, run.Outcome.ErrorType);
        Assert.Equal("one\n", run.Output.Stdout);
        Assert.Equal("two\n", run.Output.Stderr);
    }
}
