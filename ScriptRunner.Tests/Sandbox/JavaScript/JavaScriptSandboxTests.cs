using System.Text;
using ScriptRunner.Core.Hosting;
using ScriptRunner.Sandbox.JavaScript;
using ScriptRunner.Core.Model;

namespace ScriptRunner.Tests.Sandbox.JavaScript;

public sealed class JavaScriptSandboxTests
{
    [Fact]
    public void CodeType_IsJavaScript() => Assert.Equal(CodeType.JavaScript, new JavaScriptSandbox().CodeType);

    [Fact]
    public void NoHandler_ReturnsCompletionValueOfScript() => Assert.Equal("3", JsHarness.Result("var a = 1; a + 2;"));

    [Fact]
    public void NoHandler_CompletionValueIsLastStatementsValue() => Assert.Equal("\"last\"", JsHarness.Result("1; 'last';"));

    [Fact]
    public void NoHandler_CompletionValueOfLoopIsKept() => Assert.Equal("10", JsHarness.Result("var s = 0; for (var i = 1; i <= 4; i++) { s += i; }"));

    [Fact]
    public void Result_ObjectsAndArraysConvertRecursively() =>
        Assert.Equal("{\"a\":[1,\"x\",true,null],\"b\":{\"c\":2.5}}", JsHarness.Result("({ a: [1, 'x', true, null], b: { c: 2.5 } })"));

    [Fact]
    public void Result_UndefinedIsNull() => Assert.Equal("null", JsHarness.Result("undefined"));

    [Fact]
    public void Result_NaNAndInfinityAreNull() => Assert.Equal("[null,null,null]", JsHarness.Result("[NaN, Infinity, -Infinity]"));

    [Fact]
    public void Result_DateIsIsoString() => Assert.Equal("\"2020-01-02T03:04:05.006Z\"", JsHarness.Result("new Date(Date.UTC(2020, 0, 2, 3, 4, 5, 6))"));

    [Fact]
    public void Result_UndefinedPropertiesAreOmittedAndUndefinedArrayItemsAreNull() =>
        Assert.Equal("{\"a\":1,\"c\":[null]}", JsHarness.Result("({ a: 1, b: undefined, c: [undefined], f: function () {} })"));

    [Fact]
    public void Result_ToJsonIsHonoured() => Assert.Equal("\"custom\"", JsHarness.Result("({ toJSON: function () { return 'custom'; } })"));

    [Fact]
    public void Result_FunctionIsRuntimeError()
    {
        var run = JsHarness.Execute("(function () {})");
        Assert.Equal(ErrorTypes.RuntimeError, run.Outcome.ErrorType);
        Assert.Equal("result is not JSON-serializable: function", run.Outcome.Error);
    }

    [Fact]
    public void Result_CycleIsRuntimeError()
    {
        var run = JsHarness.Execute("var o = {}; o.self = o; o");
        Assert.Equal(ErrorTypes.RuntimeError, run.Outcome.ErrorType);
        Assert.Equal("result contains a cycle", run.Outcome.Error);
    }

    [Fact]
    public void Result_DeeperThanCapIsRuntimeError()
    {
        var run = JsHarness.Execute("var o = 1; for (var i = 0; i < 600; i++) o = [o]; o");
        Assert.Equal(ErrorTypes.RuntimeError, run.Outcome.ErrorType);
        Assert.Equal("result nests deeper than 512 levels", run.Outcome.Error);
    }

    [Fact]
    public void Source_Utf8BomIsStripped()
    {
        var bytes = new byte[] { 0xEF, 0xBB, 0xBF }.Concat(Encoding.UTF8.GetBytes("'héllo ✓'")).ToArray();
        var run = JsHarness.Execute("", codeBytes: bytes);
        Assert.True(run.Outcome.Success, run.Outcome.Error);
        Assert.Equal("\"héllo ✓\"", run.Outcome.Result!.ToJsonString(new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
    }

    [Fact]
    public void Engine_IsFreshForEachExecution()
    {
        JsHarness.Result("var leaked = 42; Object.prototype.polluted = true; 1");
        Assert.Equal("[\"undefined\",\"undefined\"]", JsHarness.Result("[typeof leaked, typeof ({}).polluted]"));
    }

    [Fact]
    public void Placement_OnALargeStackThread_RunsRightThere()
    {
        var (caller, script) = OnThread(64 * 1024 * 1024, () => ScriptThread());
        Assert.Equal(caller, script);
    }

    [Fact]
    public void Placement_OnASmallStackThread_RunsOnAThreadOfItsOwn()
    {
        var (caller, script) = OnThread(1024 * 1024, () => ScriptThread());
        Assert.NotEqual(caller, script);
    }

    [Fact]
    public void Placement_OnALargeStackThread_DeepRecursionIsStillARangeError()
    {
        var (_, run) = OnThread(64 * 1024 * 1024, () => JsHarness.Execute("function f(n) { return f(n + 1) + 1; } f(0)"));
        Assert.Equal(ErrorTypes.RuntimeError, run.Outcome.ErrorType);
        Assert.Equal("RangeError: Maximum call stack size exceeded", run.Outcome.Error);
    }

    [Fact]
    public void Placement_OnALargeStackThread_InfiniteLoopStillTimesOut()
    {
        var (_, run) = OnThread(64 * 1024 * 1024, () => JsHarness.Execute("while (true) {}", timeout: TimeSpan.FromSeconds(1)));
        Assert.Equal(ErrorTypes.Timeout, run.Outcome.ErrorType);
        Assert.Equal("execution timed out after 1000 ms", run.Outcome.Error);
    }

    // The managed thread a script's fetch is made from.
    private static int ScriptThread()
    {
        var thread = 0;
        var run = JsHarness.Execute("fetch('https://api.test/')", fetcher: new ThreadRecordingFetcher(id => thread = id));
        Assert.True(run.Outcome.Success, $"{run.Outcome.ErrorType}: {run.Outcome.Error}");
        return thread;
    }

    private static (int CallerThread, T Result) OnThread<T>(int stackBytes, Func<T> body)
    {
        var caller = 0;
        T result = default!;
        Exception? failure = null;
        var thread = new Thread(() =>
        {
            caller = Environment.CurrentManagedThreadId;
            try
            {
                result = body();
            }
            catch (Exception e)
            {
                failure = e;
            }
        }, stackBytes);
        thread.Start();
        thread.Join();
        if (failure is not null) throw new InvalidOperationException("the run failed on its thread", failure);
        return (caller, result);
    }

    private sealed class ThreadRecordingFetcher(Action<int> record) : ISandboxFetcher
    {
        public SandboxFetchResponse Send(SandboxFetchRequest request, CancellationToken cancellationToken)
        {
            record(Environment.CurrentManagedThreadId);
            return new SandboxFetchResponse(200, "OK", new Dictionary<string, string>(), "");
        }
    }
}
