using System.Diagnostics;
using ScriptRunner.Core.Hosting;
using ScriptRunner.Sandbox.JavaScript;
using ScriptRunner.Core.Model;

namespace ScriptRunner.Tests.Sandbox.JavaScript;

public sealed class HostileScriptTests
{
    private static readonly TimeSpan ShortTimeout = TimeSpan.FromMilliseconds(500);

    [Fact]
    public void Timeout_InfiniteLoop_EndsWithTimeoutErrorAndKeepsPartialStdout()
    {
        var watch = Stopwatch.StartNew();
        var run = JsHarness.Execute("console.log('before'); while (true) {}", timeout: ShortTimeout);
        Assert.Equal(ErrorTypes.Timeout, run.Outcome.ErrorType);
        Assert.Equal("execution timed out after 500 ms", run.Outcome.Error);
        Assert.Equal("before\n", run.Output.Stdout);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"took {watch.Elapsed}");
    }

    [Fact]
    public void Timeout_EmptyStatementLoop_EndsWithTimeout()
    {
        var run = JsHarness.Execute("for (;;);", timeout: ShortTimeout);
        Assert.Equal(ErrorTypes.Timeout, run.Outcome.ErrorType);
    }

    [Fact]
    public void Timeout_CannotBeCaughtByScript()
    {
        var run = JsHarness.Execute("var caught = false; try { while (true) {} } catch (e) { caught = true; } console.log('after', caught); 1", timeout: ShortTimeout);
        Assert.Equal(ErrorTypes.Timeout, run.Outcome.ErrorType);
        Assert.Equal("", run.Output.Stdout);
    }

    [Fact]
    public void Timeout_InfiniteRecursionCaughtInLoop_EndsWithTimeout()
    {
        var run = JsHarness.Execute("function f() { f(); } while (true) { try { f(); } catch (e) {} }", timeout: ShortTimeout);
        Assert.Equal(ErrorTypes.Timeout, run.Outcome.ErrorType);
    }

    [Fact]
    public void Timeout_CatastrophicRegex_EndsWithTimeout()
    {
        var watch = Stopwatch.StartNew();
        var run = JsHarness.Execute("console.log('start'); /(a+)+$/.test('aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!')", timeout: ShortTimeout);
        Assert.Equal(ErrorTypes.Timeout, run.Outcome.ErrorType);
        Assert.Equal("start\n", run.Output.Stdout);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"took {watch.Elapsed}");
    }

    [Fact]
    public void Timeout_CatastrophicRegexThroughStringMatch_EndsWithTimeout()
    {
        var run = JsHarness.Execute("'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!'.match('(a+)+$')", timeout: ShortTimeout);
        Assert.Equal(ErrorTypes.Timeout, run.Outcome.ErrorType);
    }

    [Fact]
    public void Timeout_CatastrophicRegexInReplace_EndsWithTimeout()
    {
        var run = JsHarness.Execute("'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!'.replace(/(a+)+$/, 'x')", timeout: ShortTimeout);
        Assert.Equal(ErrorTypes.Timeout, run.Outcome.ErrorType);
    }

    [Fact]
    public void Timeout_BlockingFetch_EndsWithTimeout()
    {
        var watch = Stopwatch.StartNew();
        var run = JsHarness.Execute("console.log('fetching'); fetch('https://slow.example/')", timeout: ShortTimeout, fetcher: new BlockingFetcher());
        Assert.Equal(ErrorTypes.Timeout, run.Outcome.ErrorType);
        Assert.Equal("fetching\n", run.Output.Stdout);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"took {watch.Elapsed}");
    }

    [Fact]
    public void Timeout_BlockingFetchCannotBeCaughtByScript()
    {
        var run = JsHarness.Execute("try { fetch('https://slow.example/'); } catch (e) { console.log('caught'); } 1", timeout: ShortTimeout, fetcher: new BlockingFetcher());
        Assert.Equal(ErrorTypes.Timeout, run.Outcome.ErrorType);
        Assert.Equal("", run.Output.Stdout);
    }

    [Fact]
    public void Cancellation_CallerToken_StopsTheRun()
    {
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
        var watch = Stopwatch.StartNew();
        var run = JsHarness.Execute("while (true) {}", timeout: TimeSpan.FromSeconds(30), cancellation: cancel.Token);
        Assert.Equal(ErrorTypes.Timeout, run.Outcome.ErrorType);
        Assert.StartsWith("execution cancelled after ", run.Outcome.Error);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), $"took {watch.Elapsed}");
    }

    [Fact]
    public void Recursion_Deep_IsRuntimeErrorAndProcessSurvives()
    {
        var run = JsHarness.Execute("function f(n) { return f(n + 1) + 1; } f(0)");
        Assert.Equal(ErrorTypes.RuntimeError, run.Outcome.ErrorType);
        Assert.Equal("RangeError: Maximum call stack size exceeded", run.Outcome.Error);
        Assert.Equal("2", JsHarness.Result("1 + 1"));
    }

    [Fact]
    public void Recursion_DistinctClosuresEachCallingTheNext_IsRuntimeError()
    {
        var run = JsHarness.Execute("function make() { return function () { return make()(); }; } make()()");
        Assert.Equal("RangeError: Maximum call stack size exceeded", run.Outcome.Error);
    }

    [Fact]
    public void Recursion_IsCatchableLikeInNode()
    {
        var run = JsHarness.Execute("function f() { return f(); } try { f(); } catch (e) { e instanceof RangeError ? 'caught' : 'wrong'; }");
        Assert.Equal("\"caught\"", run.Outcome.Result!.ToJsonString(JsHarness.Relaxed));
    }

    [Fact]
    public void Recursion_ThroughNestedBuiltinApplyChains_IsRuntimeError()
    {
        // Each level is apply calling apply inside .NET, with no script function in between.
        var run = JsHarness.Execute("var a = Function.prototype.apply; var l = [function () { return 1; }, []]; for (var i = 0; i < 100000; i++) l = [a, l]; a.apply(a, l)", timeout: TimeSpan.FromSeconds(30));
        Assert.Equal(ErrorTypes.RuntimeError, run.Outcome.ErrorType);
        Assert.Equal("RangeError: Maximum call stack size exceeded", run.Outcome.Error);
    }

    [Fact]
    public void Recursion_CaughtExceptionsInLoop_DoNotCountAsDepth()
    {
        // Jint's own recursion limit leaks a frame per caught exception; the sandbox's does not.
        Assert.Equal("5000", JsHarness.Result("function f() { throw new Error('x'); } var n = 0; for (var i = 0; i < 5000; i++) { try { f(); } catch (e) { n++; } } n"));
    }

    [Fact]
    public void Bind_MillionLevelChain_CallsWithoutNesting()
    {
        Assert.Equal("[3,1,2]", JsHarness.Result(
            "function f(a, b) { return [this.v, a, b]; } var g = f.bind({ v: 3 }, 1); for (var i = 0; i < 100000; i++) g = g.bind(null); g(2)"));
    }

    [Fact]
    public void Nesting_MillionBrackets_IsCompileErrorNotACrash()
    {
        var code = new string('(', 1_000_000) + "1" + new string(')', 1_000_000);
        var run = JsHarness.Execute(code);
        Assert.Equal(ErrorTypes.CompileError, run.Outcome.ErrorType);
        Assert.StartsWith("SyntaxError: the script nests too deeply", run.Outcome.Error);
    }

    [Theory]
    [InlineData("!")]
    [InlineData("-")]
    [InlineData("typeof ")]
    [InlineData("a=")]
    [InlineData("if(1)")]
    [InlineData("1?1:")]
    [InlineData("x:")]
    public void Nesting_LongRightRecursiveChains_AreCompileErrors(string unit)
    {
        var code = "var a, x; " + string.Concat(Enumerable.Repeat(unit, 300_000)) + "1;";
        var run = JsHarness.Execute(code);
        Assert.Equal(ErrorTypes.CompileError, run.Outcome.ErrorType);
    }

    [Fact]
    public void Nesting_LongLeftDeepExpression_IsCompileErrorNotACrash()
    {
        var run = JsHarness.Execute("1" + string.Concat(Enumerable.Repeat("+1", 300_000)));
        Assert.Equal(ErrorTypes.CompileError, run.Outcome.ErrorType);
        Assert.StartsWith("SyntaxError: the script nests too deeply", run.Outcome.Error);
    }

    [Fact]
    public void Nesting_ManySequentialStatements_AreFine()
    {
        var code = "var n = 0; " + string.Concat(Enumerable.Repeat("if (n >= 0) { n = n + 1; } ", 5000)) + "n";
        Assert.Equal("5000", JsHarness.Result(code));
    }

    [Fact]
    public void Json_DeeplyNestedStringify_IsRangeErrorNotACrash()
    {
        // The 100 000 nested objects take ~110 MB to build: a cap well above that keeps the memory limit out of the way.
        var run = JsHarness.Execute("var o = {}; for (var i = 0; i < 100000; i++) o = { a: o }; JSON.stringify(o)", memoryBytes: 512L * 1024 * 1024, timeout: TimeSpan.FromSeconds(60));
        Assert.Equal("RangeError: Maximum call stack size exceeded", run.Outcome.Error);
    }

    [Fact]
    public void Json_DeeplyNestedParse_IsSyntaxErrorNotACrash()
    {
        var run = JsHarness.Execute("JSON.parse(new Array(100001).join('['))");
        Assert.Equal(ErrorTypes.RuntimeError, run.Outcome.ErrorType);
        Assert.StartsWith("SyntaxError:", run.Outcome.Error);
    }

    [Fact]
    public void Arrays_HugeSparseJoin_IsRangeErrorNotAHang()
    {
        var run = JsHarness.Execute("var a = []; a.length = 4294967295; a.join('x')", timeout: TimeSpan.FromSeconds(5));
        Assert.Equal(ErrorTypes.RuntimeError, run.Outcome.ErrorType);
        Assert.StartsWith("RangeError: Array.prototype.join: length 4294967295", run.Outcome.Error);
    }

    [Fact]
    public void Arrays_HugeSparseIndexOfOnArrayLike_IsRangeError()
    {
        var run = JsHarness.Execute("Array.prototype.indexOf.call({ length: 4294967295 }, 1)", timeout: TimeSpan.FromSeconds(5));
        Assert.StartsWith("RangeError: Array.prototype.indexOf: length 4294967295", run.Outcome.Error);
    }

    [Fact]
    public void Apply_HugeArrayLikeArguments_IsRangeErrorNotAHang()
    {
        var run = JsHarness.Execute("Math.max.apply(null, { length: 4294967295 })", timeout: TimeSpan.FromSeconds(5));
        Assert.Equal("RangeError: Function.prototype.apply: 4294967295 arguments is over the sandbox limit of 1048576", run.Outcome.Error);
    }

    [Fact]
    public void Arrays_MillionElementJoin_IsFast()
    {
        // Jint 2.10's own join is quadratic and takes minutes here; the deadline is generous, not a speed assertion.
        Assert.Equal("999999", JsHarness.Execute("new Array(1e6).join('x').length", timeout: TimeSpan.FromSeconds(20)).Outcome.Result!.ToJsonString(JsHarness.Relaxed));
    }

    [Theory]
    [InlineData("eval('1 + 1')")]
    [InlineData("Function('return 1')()")]
    [InlineData("new Function('return 1')()")]
    [InlineData("(function () {}).constructor('return 1')()")]
    [InlineData("Object.getPrototypeOf(function () {}).constructor('return 1')()")]
    [InlineData("Math.max.constructor('return 1')()")]
    [InlineData("(0, eval)('1')")]
    [InlineData("[].map.constructor.call(null, 'return 1')()")]
    public void CodeGeneration_IsBlocked(string code)
    {
        var run = JsHarness.Execute(code);
        Assert.Equal(ErrorTypes.RuntimeError, run.Outcome.ErrorType);
        Assert.StartsWith("EvalError:", run.Outcome.Error);
    }

    [Fact]
    public void CodeGeneration_FunctionInstanceofStillWorks() =>
        Assert.Equal("[true,3]", JsHarness.Result("[(function () {}) instanceof Function, Math.max.call(null, 1, 3)]"));

    [Theory]
    [InlineData("typeof System")]
    [InlineData("typeof importNamespace")]
    [InlineData("typeof require")]
    [InlineData("typeof process")]
    [InlineData("typeof setTimeout")]
    public void Clr_AndNodeApisAreUndefined(string code) => Assert.Equal("\"undefined\"", JsHarness.Result(code));

    [Fact]
    public void Console_StdoutCap_IsFlaggedAndRunStillSucceeds()
    {
        var output = new OutputCapture(maxStdoutBytes: 100, maxStderrBytes: 100, maxLogEntries: 2, maxLogMessageBytes: 100);
        var run = JsHarness.Execute("for (var i = 0; i < 1000; i++) { console.log('line ' + i); console.error('err ' + i); app_log('info', 'm' + i); } 'done'", output: output);
        Assert.True(run.Outcome.Success, run.Outcome.Error);
        Assert.Equal(new TruncationFlags(true, true, true), output.Truncated);
        Assert.Equal(100, System.Text.Encoding.UTF8.GetByteCount(output.Stdout));
        Assert.StartsWith("line 0\nline 1\n", output.Stdout);
        Assert.Equal(2, output.Logs.Count);
    }

    [Fact]
    public void Abandon_RunStuckInUninterruptibleHostCall_ReturnsTimeoutAtDeadlinePlusGraceAndWritesNothingAfter()
    {
        using var release = new ManualResetEventSlim();
        var watch = Stopwatch.StartNew();
        var run = JsHarness.Execute("console.log('before'); fetch('https://stuck.example/'); console.log('after');",
            timeout: TimeSpan.FromMilliseconds(200), fetcher: new StuckFetcher(release), sandbox: new JavaScriptSandbox(TimeSpan.FromMilliseconds(100)));
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"took {watch.Elapsed}");
        Assert.Equal(ErrorTypes.Timeout, run.Outcome.ErrorType);
        Assert.Equal("execution timed out after 200 ms (the script did not stop within 100 ms of its deadline and was abandoned)", run.Outcome.Error);

        release.Set();
        Thread.Sleep(300);
        Assert.Equal("before\n", run.Output.Stdout);
    }

    [Fact]
    public void HostError_UnexpectedExceptionFromHost_IsHostErrorNotAThrow()
    {
        var run = JsHarness.Execute("fetch('https://x.test/')", fetcher: new BrokenFetcher());
        Assert.Equal(ErrorTypes.HostError, run.Outcome.ErrorType);
        Assert.Equal("internal error in the JavaScript sandbox: IOException: disk failure", run.Outcome.Error);
    }

    private sealed class StuckFetcher(ManualResetEventSlim release) : ISandboxFetcher
    {
        // Ignores the token on purpose: a host call that cannot be interrupted.
        public SandboxFetchResponse Send(SandboxFetchRequest request, CancellationToken cancellationToken)
        {
            release.Wait(TimeSpan.FromSeconds(10));
            return new SandboxFetchResponse(200, "OK", new Dictionary<string, string>(), "late");
        }
    }

    private sealed class BrokenFetcher : ISandboxFetcher
    {
        public SandboxFetchResponse Send(SandboxFetchRequest request, CancellationToken cancellationToken) => throw new IOException("disk failure");
    }

    private sealed class BlockingFetcher : ISandboxFetcher
    {
        public SandboxFetchResponse Send(SandboxFetchRequest request, CancellationToken cancellationToken)
        {
            cancellationToken.WaitHandle.WaitOne();
            throw new SandboxFetchException(SandboxFetchError.Timeout, "fetch timed out");
        }
    }
}
