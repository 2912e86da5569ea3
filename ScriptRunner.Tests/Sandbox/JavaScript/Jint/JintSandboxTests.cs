using System.Text;
using ScriptRunner.Core.Hosting;
using ScriptRunner.Core.Model;
using ScriptRunner.Sandbox.JavaScript;
using ScriptRunner.Sandbox.JavaScript.Jint;

namespace ScriptRunner.Tests.Sandbox.JavaScript.Jint;

public sealed class JintSandboxTests
{
    [Fact]
    public void CodeType_IsJavaScriptOnJint()
    {
        var sandbox = new JintSandbox();
        Assert.Equal(CodeType.JavaScript, sandbox.CodeType);
        Assert.Equal("jint", sandbox.Engine);
    }

    [Fact]
    public void NoHandler_ReturnsCompletionValueOfScript() => Assert.Equal("3", JsHarness.Result("var a = 1; a + 2;"));

    [Fact]
    public void NoHandler_CompletionValueIsLastStatementsValue() => Assert.Equal("\"last\"", JsHarness.Result("1; 'last';"));

    [Fact]
    public void NoHandler_CompletionValueOfLoopIsKept() => Assert.Equal("10", JsHarness.Result("let s = 0; for (let i = 1; i <= 4; i++) { s += i; }"));

    [Fact]
    public void Es2023_SyntaxRuns() =>
        Assert.Equal("[[2,4],\"a-b\",3,{\"x\":1,\"y\":2},\"B\",1,\"d\",[1,2]]",
            JsHarness.Result("class A { #p = 1; static s() { return 'B'; } get p() { return this.#p; } } const [x, ...rest] = [1, 2, 3]; " +
                             "[[1, 2].map(n => n * 2), `${'a'}-${'b'}`, rest.at(-1), { ...{ x }, y: 2 }, A.s(), new A().p, null ?? 'd', [1, [2]].flat()]"));

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
        Assert.Equal("{\"a\":1,\"c\":[null,null]}", JsHarness.Result("({ a: 1, b: undefined, c: [undefined, () => 1], f: function () {} })"));

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
    public void Result_BigIntIsRuntimeError() => Assert.Equal("result is not JSON-serializable: bigint", JsHarness.Execute("10n ** 20n").Outcome.Error);

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
        Assert.Equal("\"héllo ✓\"", JsHarness.Json(JsHarness.Execute("", codeBytes: bytes)));
    }

    [Fact]
    public void PreparedCode_IsParsedOncePerHashAndReused()
    {
        var sandbox = new JintSandbox();
        var first = JsHarness.Execute("var n = 41; n + 1", sandbox: sandbox);
        var second = JsHarness.Execute("var n = 41; n + 1", sandbox: sandbox);
        Assert.Equal([CacheHit.Miss, CacheHit.Memory], new[] { first.Outcome.CacheHit, second.Outcome.CacheHit });
        Assert.Equal("42", JsHarness.Json(second));
        Assert.Equal(1, sandbox.Cache.Count);
    }

    [Fact]
    public void PreparedCodeCache_IsBoundedByBytes()
    {
        var cache = new PreparedCodeCache<string>(maxSourceBytes: 10);
        cache.GetOrAdd("a", 6, () => "A", out _);
        cache.GetOrAdd("b", 6, () => "B", out _);
        cache.GetOrAdd("c", 20, () => "C", out _);
        Assert.Equal((1, 6L), (cache.Count, cache.Bytes));
        cache.GetOrAdd("b", 6, () => "new", out var hit);
        Assert.True(hit);
    }

    [Fact]
    public void Placement_OnALargeStackThread_RunsRightThere()
    {
        var (caller, script) = OnThread(64 * 1024 * 1024, ScriptThread);
        Assert.Equal(caller, script);
    }

    [Fact]
    public void Placement_OnASmallStackThread_RunsOnAThreadOfItsOwn()
    {
        var (caller, script) = OnThread(1024 * 1024, ScriptThread);
        Assert.NotEqual(caller, script);
    }

    // The managed thread a script's fetch is made from.
    private static int ScriptThread()
    {
        var thread = 0;
        var run = JsHarness.Execute("fetch('https://api.test/').then(r => r.status)", fetcher: new ThreadRecordingFetcher(id => thread = id));
        Assert.Equal("200", JsHarness.Json(run));
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
