using ScriptRunner.Core.Model;

namespace ScriptRunner.Tests.Core.JavaScript;

[CollectionDefinition(nameof(MemoryLimitTests), DisableParallelization = true)]
public sealed class MemoryLimitCollection;

/// <summary>Memory tests run alone: the cap is judged on process heap growth, which other tests would add to.</summary>
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
}
