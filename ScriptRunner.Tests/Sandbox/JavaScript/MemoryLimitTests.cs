using ScriptRunner.Core.Hosting;
using ScriptRunner.Core.Model;

namespace ScriptRunner.Tests.Sandbox.JavaScript;

[CollectionDefinition(nameof(MemoryLimitTests), DisableParallelization = true)]
public sealed class MemoryLimitCollection;

/// <summary>Memory tests run alone: the cap is judged on process heap growth, which tests outside the JavaScript sandbox would add to.</summary>
[Collection(nameof(MemoryLimitTests))]
public sealed class MemoryLimitTests
{
    private const long Limit = 64L * 1024 * 1024;

    [Fact]
    public void MemoryLimit_AllocationBomb_EndsWithMemoryLimitAndHeapStaysBounded()
    {
        var run = JsHarness.Execute("console.log('start'); var a = []; while (true) a.push(new Array(1e6).join('x'));", memoryBytes: Limit, timeout: TimeSpan.FromSeconds(60));
        Assert.Equal(ErrorTypes.MemoryLimit, run.Outcome.ErrorType);
        Assert.Equal("memory limit of 64 MB exceeded", run.Outcome.Error);
        Assert.Equal("start\n", run.Output.Stdout);
        Assert.True(GC.GetTotalMemory(forceFullCollection: true) < 512L * 1024 * 1024);
    }

    [Fact]
    public void MemoryLimit_StringDoublingInStraightLineCode_EndsWithMemoryLimit()
    {
        var code = "var s = 'xxxxxxxxxxxxxxxx'; " + string.Concat(Enumerable.Repeat("s = s + s; ", 40)) + "s.length";
        var run = JsHarness.Execute(code, memoryBytes: Limit, timeout: TimeSpan.FromSeconds(60));
        Assert.Equal(ErrorTypes.MemoryLimit, run.Outcome.ErrorType);
    }

    [Fact]
    public void MemoryLimit_GarbageHeavyLoop_IsNotMistakenForABomb()
    {
        // Allocates far more than the cap in total, but holds almost nothing.
        var run = JsHarness.Execute("var t = 0; for (var i = 0; i < 300000; i++) { var s = 'item ' + i; t += s.length; } t", memoryBytes: 16L * 1024 * 1024, timeout: TimeSpan.FromSeconds(60));
        Assert.True(run.Outcome.Success, $"{run.Outcome.ErrorType}: {run.Outcome.Error}");
    }

    [Fact]
    public void MemoryLimit_SplittingAHugeStringIntoCharacters_IsRefusedBeforeItAllocates()
    {
        var run = JsHarness.Execute("var s = new Array(4e6).join('x'); console.log(s.length); s.split('').length", memoryBytes: Limit, timeout: TimeSpan.FromSeconds(60));
        Assert.Equal(ErrorTypes.MemoryLimit, run.Outcome.ErrorType);
        Assert.Equal("3999999\n", run.Output.Stdout);
    }

    [Fact]
    public void MemoryLimit_ParsingHugeJson_EndsWithMemoryLimit()
    {
        var run = JsHarness.Execute("var s = '[' + new Array(3e6).join('1,') + '1]'; JSON.parse(s).length", memoryBytes: Limit, timeout: TimeSpan.FromSeconds(60));
        Assert.Equal(ErrorTypes.MemoryLimit, run.Outcome.ErrorType);
    }

    [Fact]
    public void MemoryLimit_SplitWithFewPiecesOfALongString_IsAllowed()
    {
        var run = JsHarness.Execute("var s = new Array(4e6).join('x'); (s + ',' + s).split(',').length", memoryBytes: Limit, timeout: TimeSpan.FromSeconds(60));
        Assert.True(run.Outcome.Success, $"{run.Outcome.ErrorType}: {run.Outcome.Error}");
        Assert.Equal("2", run.Outcome.Result!.ToJsonString());
    }

    [Fact]
    public void MemoryLimit_ReplaceThatExpandsBeyondTheCap_IsRefusedBeforeItAllocates()
    {
        var run = JsHarness.Execute("var big = new Array(1e6).join('y'); var s = new Array(1e5).join('x'); s.replace(/x/g, big).length", memoryBytes: Limit, timeout: TimeSpan.FromSeconds(60));
        Assert.Equal(ErrorTypes.MemoryLimit, run.Outcome.ErrorType);
    }

    [Fact]
    public async Task MemoryLimit_ConcurrentRunFillingTheHeap_DoesNotFailASmallRunThatHoldsLittle()
    {
        // The holder fills ~200 MB after the small run has started (so it is heap growth the small run sees), and keeps
        // it until the small run has finished. The small run allocates gigabytes of garbage but holds one 2 MB string.
        var wait = TimeSpan.FromSeconds(120);
        using var smallStarted = new ManualResetEventSlim();
        using var holderFilled = new ManualResetEventSlim();
        using var smallFinished = new ManualResetEventSlim();
        var holderFetcher = new SignallingFetcher(url =>
        {
            if (url.EndsWith("/wait-for-small", StringComparison.Ordinal)) Assert.True(smallStarted.Wait(wait));
            if (url.EndsWith("/filled", StringComparison.Ordinal))
            {
                holderFilled.Set();
                Assert.True(smallFinished.Wait(wait));
            }
        });
        var holder = Task.Factory.StartNew(() => JsHarness.Execute("""
            fetch('https://sync.test/wait-for-small');
            var s = 'x'; for (var i = 0; i < 20; i++) s += s;
            var held = []; for (var i = 0; i < 100; i++) held.push(s + i);
            fetch('https://sync.test/filled');
            held.length
            """, fetcher: holderFetcher, memoryBytes: 512L * 1024 * 1024, timeout: TimeSpan.FromSeconds(300)), TaskCreationOptions.LongRunning);

        JsHarness.Run small;
        try
        {
            var smallFetcher = new SignallingFetcher(_ =>
            {
                smallStarted.Set();
                Assert.True(holderFilled.Wait(wait));
            });
            small = JsHarness.Execute("""
                fetch('https://sync.test/started');
                for (var i = 0; i < 300; i++) { var s = new Array(1024 * 1024 / 8 + 1).join("abcdefgh"); }
                s.length
                """, fetcher: smallFetcher, memoryBytes: Limit, timeout: TimeSpan.FromSeconds(300));
        }
        finally
        {
            smallStarted.Set();
            smallFinished.Set();
        }

        Assert.True(small.Outcome.Success, $"{small.Outcome.ErrorType}: {small.Outcome.Error}");
        Assert.Equal("1048576", small.Outcome.Result!.ToJsonString());
        var held = await holder;
        Assert.True(held.Outcome.Success, $"{held.Outcome.ErrorType}: {held.Outcome.Error}");
        Assert.Equal("100", held.Outcome.Result!.ToJsonString());
    }

    /// <summary>Answers every fetch with an empty 200 after running <paramref name="onSend"/> with the URL.</summary>
    private sealed class SignallingFetcher(Action<string> onSend) : ISandboxFetcher
    {
        public SandboxFetchResponse Send(SandboxFetchRequest request, CancellationToken cancellationToken)
        {
            onSend(request.Url);
            return new SandboxFetchResponse(200, "OK", new Dictionary<string, string>(), "");
        }
    }
}
