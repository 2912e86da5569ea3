using System.Diagnostics;
using ScriptRunner.Core.Hosting;
using ScriptRunner.Core.Model;

namespace ScriptRunner.Tests.Sandbox.JavaScript;

/// <summary>Each engine limit gives its graceful answer: deadline, cancellation, regex, recursion, memory, output.</summary>
public sealed class HostileScriptTests
{
    private static readonly TimeSpan ShortTimeout = TimeSpan.FromMilliseconds(500);

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void Timeout_InfiniteLoop_EndsWithTimeoutErrorAndKeepsPartialStdout(string engine)
    {
        var watch = Stopwatch.StartNew();
        var run = JsHarness.On(engine).Execute("console.log('before'); while (true) {}", timeout: ShortTimeout);
        Assert.Equal(ErrorTypes.Timeout, run.Outcome.ErrorType);
        Assert.Equal("execution timed out after 500 ms", run.Outcome.Error);
        Assert.Equal("before\n", run.Output.Stdout);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"took {watch.Elapsed}");
    }

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void Timeout_CannotBeCaughtByScript(string engine)
    {
        var run = JsHarness.On(engine).Execute("let caught = false; try { while (true) {} } catch (e) { caught = true; } console.log('after', caught); 1", timeout: ShortTimeout);
        Assert.Equal(ErrorTypes.Timeout, run.Outcome.ErrorType);
        Assert.Equal("", run.Output.Stdout);
    }

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void Timeout_LoopInsideAnAsyncHandler_EndsWithTimeout(string engine)
    {
        var run = JsHarness.On(engine).Execute("export default async () => { await null; for (;;) {} };", timeout: ShortTimeout);
        Assert.Equal(ErrorTypes.Timeout, run.Outcome.ErrorType);
        Assert.Equal("execution timed out after 500 ms", run.Outcome.Error);
    }

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void Timeout_LoopInsideATimer_EndsWithTimeout(string engine)
    {
        var run = JsHarness.On(engine).Execute("new Promise(() => setTimeout(() => { while (true) {} }, 1))", timeout: ShortTimeout);
        Assert.Equal(ErrorTypes.Timeout, run.Outcome.ErrorType);
    }

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void Timeout_EndlessTimerChain_EndsWithTimeout(string engine)
    {
        var run = JsHarness.On(engine).Execute("new Promise(() => { const again = () => setTimeout(again, 0); again(); })", timeout: ShortTimeout);
        Assert.Equal(ErrorTypes.Timeout, run.Outcome.ErrorType);
    }

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void Timeout_EndlessMicrotaskChain_EndsWithTimeout(string engine)
    {
        // Each turn allocates a little; a generous cap keeps the allocation count from ending it before the deadline on a slow machine.
        var run = JsHarness.On(engine).Execute("const again = () => Promise.resolve().then(again); again(); new Promise(() => {})", timeout: ShortTimeout, memoryBytes: 512L * 1024 * 1024);
        Assert.Equal(ErrorTypes.Timeout, run.Outcome.ErrorType);
    }

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void Timeout_CatastrophicRegex_EndsWithTimeout(string engine)
    {
        var watch = Stopwatch.StartNew();
        var run = JsHarness.On(engine).Execute("console.log('start'); /(a+)+$/.test('aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!')", timeout: ShortTimeout);
        Assert.Equal(ErrorTypes.Timeout, run.Outcome.ErrorType);
        Assert.Equal("start\n", run.Output.Stdout);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"took {watch.Elapsed}");
    }

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void Timeout_BlockingFetch_EndsWithTimeout(string engine)
    {
        var watch = Stopwatch.StartNew();
        var run = JsHarness.On(engine).Execute("console.log('fetching'); fetch('https://slow.example/')", timeout: ShortTimeout, fetcher: new BlockingFetcher());
        Assert.Equal(ErrorTypes.Timeout, run.Outcome.ErrorType);
        Assert.Equal("execution timed out after 500 ms", run.Outcome.Error);
        Assert.Equal("fetching\n", run.Output.Stdout);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"took {watch.Elapsed}");
    }

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void Timeout_BlockingFetchCannotBeCaughtByScript(string engine)
    {
        var run = JsHarness.On(engine).Execute("(async () => { try { await fetch('https://slow.example/'); } catch (e) { console.log('caught'); } })()", timeout: ShortTimeout, fetcher: new BlockingFetcher());
        Assert.Equal(ErrorTypes.Timeout, run.Outcome.ErrorType);
        Assert.Equal("", run.Output.Stdout);
    }

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void Cancellation_CallerToken_StopsTheRun(string engine)
    {
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
        var watch = Stopwatch.StartNew();
        var run = JsHarness.On(engine).Execute("while (true) {}", timeout: TimeSpan.FromSeconds(30), cancellation: cancel.Token);
        Assert.Equal(ErrorTypes.Timeout, run.Outcome.ErrorType);
        Assert.StartsWith("execution cancelled after ", run.Outcome.Error);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), $"took {watch.Elapsed}");
    }

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void Recursion_Deep_IsRuntimeErrorAndTheNextRunIsFine(string engine)
    {
        var run = JsHarness.On(engine).Execute("function f(n) { return f(n + 1) + 1; } f(0)");
        Assert.Equal(ErrorTypes.RuntimeError, run.Outcome.ErrorType);
        Assert.Equal("RangeError: Maximum call stack size exceeded", run.Outcome.Error);
        Assert.Equal("2", JsHarness.On(engine).Result("1 + 1"));
    }

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void Recursion_ThroughAsyncFunctions_IsRuntimeError(string engine)
    {
        var run = JsHarness.On(engine).Execute("async function f(n) { return 1 + await f(n + 1); } f(0)");
        Assert.Equal("RangeError: Maximum call stack size exceeded", run.Outcome.Error);
    }

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void Recursion_TwoThousandFramesDeep_IsAllowed(string engine) =>
        Assert.Equal("2000", JsHarness.On(engine).Result("function f(n) { return n === 0 ? 0 : 1 + f(n - 1); } f(2000)"));

    [Fact]
    public void Memory_GrowingArray_IsMemoryLimitWithStdoutKept()
    {
        var run = JsHarness.Execute("console.log('start'); const a = []; while (true) a.push('x'.repeat(1e5) + a.length);", memoryBytes: 64L * 1024 * 1024, timeout: TimeSpan.FromSeconds(30));
        Assert.Equal(ErrorTypes.MemoryLimit, run.Outcome.ErrorType);
        Assert.Equal("memory limit of 64 MB exceeded", run.Outcome.Error);
        Assert.Equal("start\n", run.Output.Stdout);
    }

    [Fact]
    public void Memory_OneHugeArray_IsMemoryLimit()
    {
        var run = JsHarness.Execute("new Array(1e8).fill(0).length", memoryBytes: 64L * 1024 * 1024, timeout: TimeSpan.FromSeconds(30));
        Assert.Equal(ErrorTypes.MemoryLimit, run.Outcome.ErrorType);
    }

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void Memory_SmallScriptsUnderTheCap_Succeed(string engine) =>
        Assert.Equal("3188890", JsHarness.On(engine).Json(JsHarness.On(engine).Execute("let t = 0; for (let i = 0; i < 300000; i++) { const s = 'item ' + i; t += s.length; } t", memoryBytes: 64L * 1024 * 1024)));

    [Fact]
    public void Output_CapsAreFlaggedAndTheRunStillSucceeds()
    {
        var output = new OutputCapture(maxStdoutBytes: 100, maxStderrBytes: 100, maxLogEntries: 2, maxLogMessageBytes: 100);
        var run = JsHarness.Execute("for (let i = 0; i < 1000; i++) { console.log('line ' + i); console.error('err ' + i); app_log('info', 'm' + i); } 'done'", output: output);
        Assert.True(run.Outcome.Success, run.Outcome.Error);
        Assert.Equal(new TruncationFlags(true, true, true), output.Truncated);
        // The cap counts bytes as the answer carries them: each newline is two once escaped, and a cut never halves one.
        Assert.InRange(JsonTextSize.Of(output.Stdout), 99, 100);
        Assert.StartsWith("line 0\nline 1\n", output.Stdout);
        Assert.Equal(2, output.Logs.Count);
    }

    [Fact]
    public void HostError_UnexpectedExceptionFromHost_IsHostErrorNotAThrow()
    {
        var run = JsHarness.Execute("fetch('https://x.test/')", fetcher: new BrokenFetcher());
        Assert.Equal(ErrorTypes.HostError, run.Outcome.ErrorType);
        Assert.Equal("internal error in the JavaScript sandbox", run.Outcome.Error);
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
