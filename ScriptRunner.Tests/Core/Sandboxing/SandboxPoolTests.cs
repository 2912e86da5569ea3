using System.Diagnostics;
using ScriptRunner.Core.Execution;
using ScriptRunner.Core.Model;
using ScriptRunner.Tests.Functions;

namespace ScriptRunner.Tests.Core.Sandboxing;

/// <summary>
/// The process wall, for real: hostile code in real sandbox processes ends in the exact error type by its deadline
/// plus the grace, keeps the output it streamed, and leaves the pool serving the next execution normally.
/// </summary>
[Collection(CpuHeavyCollection.Name)]
public sealed class SandboxPoolTests
{
    private static readonly TimeSpan Ready = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Job_RunsInASandboxProcess_AndStreamsItsOutput()
    {
        await using var harness = new PoolHarness();

        var (run, output) = await harness.RunJavaScriptAsync("console.log('hello'); console.error('oops'); 6 * 7");

        Assert.True(run.Outcome.Success, run.Outcome.Error);
        Assert.Equal(42, run.Outcome.Result!.GetValue<int>());
        Assert.Equal("hello\n", output.Stdout);
        Assert.Equal("oops\n", output.Stderr);
        Assert.Single(harness.Pool.ProcessIds);
        Assert.DoesNotContain(Environment.ProcessId, harness.Pool.ProcessIds);
    }

    [Fact]
    public async Task StackOverflowInsideTheEngine_IsRuntimeError_KeepsPartialOutput_AndThePoolHeals()
    {
        await using var harness = new PoolHarness();
        var crashed = await harness.SingleReadyProcessAsync();

        var (run, output) = await harness.RunJavaScriptAsync(
            "console.log('before'); var o = {}; o.valueOf = Number.bind(null, o); +o", timeoutMs: 30_000);
        var (next, _) = await harness.RunJavaScriptAsync("1 + 1");

        Assert.Equal((ErrorTypes.RuntimeError, "The sandbox process ended: stack overflow."), (run.Outcome.ErrorType, run.Outcome.Error));
        Assert.Equal("before\n", output.Stdout);
        Assert.True(next.Outcome.Success, next.Outcome.Error);
        Assert.DoesNotContain(crashed, harness.Pool.ProcessIds);
    }

    [Fact]
    public async Task AnExecution_IsCountedActiveWhileItRuns()
    {
        await using var harness = new PoolHarness();
        await harness.SingleReadyProcessAsync();
        var changes = new List<long>();
        using var meters = new System.Diagnostics.Metrics.MeterListener
        {
            InstrumentPublished = (instrument, listener) =>
            {
                if (ReferenceEquals(instrument.Meter, harness.Telemetry.Meter) && instrument.Name == "scriptrunner.executions.active") listener.EnableMeasurementEvents(instrument);
            },
        };
        meters.SetMeasurementEventCallback<long>((_, value, _, _) => { lock (changes) changes.Add(value); });
        meters.Start();

        Assert.True((await harness.RunJavaScriptAsync("1")).Run.Outcome.Success);

        lock (changes) Assert.Equal([1L, -1L], changes);
    }

    [Fact]
    public async Task BuiltinThatIgnoresTheDeadline_IsKilledAtTheDeadlinePlusGrace_AsTimeout()
    {
        await using var harness = new PoolHarness();
        var spinning = await harness.SingleReadyProcessAsync();
        var clock = Stopwatch.StartNew();

        // concat walks all 2^32-1 slots of a sparse array inside one built-in call, where no deadline check reaches.
        var (run, output) = await harness.RunJavaScriptAsync(
            "console.log('started'); var a = []; a.length = 4294967295; [].concat(a).length", timeoutMs: 500);
        var answeredAfter = clock.Elapsed;
        var (next, _) = await harness.RunJavaScriptAsync("'still serving'");

        Assert.Equal(ErrorTypes.Timeout, run.Outcome.ErrorType);
        Assert.Equal("execution timed out after 500 ms", run.Outcome.Error);
        Assert.Equal("started\n", output.Stdout);
        // The deadline plus the grace, with room for a loaded machine; never the minutes the walk would take.
        Assert.InRange(answeredAfter, TimeSpan.FromMilliseconds(500), TimeSpan.FromMilliseconds(500 + harness.Options.Sandbox.KillGraceMs + 1500));
        Assert.Equal("still serving", next.Outcome.Result!.GetValue<string>());
        Assert.DoesNotContain(spinning, harness.Pool.ProcessIds);
    }

    [Fact]
    public async Task MemoryGrowthPastTheCap_IsMemoryLimit_AndTheNextRunIsServed()
    {
        await using var harness = new PoolHarness();

        var (run, _) = await harness.RunJavaScriptAsync(
            "var keep = []; for (var i = 0; i < 1e8; i++) keep.push({ i: i, a: [i, i], s: 'x' + i });", timeoutMs: 30_000, memoryMb: 64);
        var (next, _) = await harness.RunJavaScriptAsync("2 + 2");

        Assert.Equal(ErrorTypes.MemoryLimit, run.Outcome.ErrorType);
        Assert.Equal(4, next.Outcome.Result!.GetValue<int>());
    }

    [Fact]
    public async Task V8HeapBomb_IsMemoryLimit_AndTheNextRunIsServed()
    {
        await using var harness = new PoolHarness();

        var (run, _) = await harness.RunJavaScriptAsync("const a = []; while (true) a.push({ x: a.length, y: [1, 2, 3] });", timeoutMs: 20_000, engine: "v8");
        var (next, _) = await harness.RunJavaScriptAsync("6 * 7", engine: "v8");

        Assert.Equal(ErrorTypes.MemoryLimit, run.Outcome.ErrorType);
        Assert.Equal(42, next.Outcome.Result!.GetValue<int>());
    }

    [Fact]
    public async Task ProcessThatDiesHalfwayThroughItsOutput_IsRuntimeError_WithTheOutputSoFar()
    {
        await using var harness = new PoolHarness();
        var victim = await harness.SingleReadyProcessAsync();
        var output = harness.NewCapture();

        var running = harness.Pool.RunAsync(harness.Job("console.log('first half'); while (true) {}", timeoutMs: 30_000), output, CancellationToken.None);
        await Support.Eventually.True(() => output.Stdout.Length > 0, "the script did not start");
        Process.GetProcessById(victim).Kill();
        var run = await running;

        Assert.Equal((ErrorTypes.RuntimeError, "The sandbox process ended unexpectedly (signal 9)."), (run.Outcome.ErrorType, run.Outcome.Error));
        Assert.Equal("first half\n", output.Stdout);
        Assert.True((await harness.RunJavaScriptAsync("1")).Run.Outcome.Success);
    }

    [Fact]
    public async Task RecycledProcess_KeepsNothingOfItsLastExecution()
    {
        await using var harness = new PoolHarness(o => o.Sandbox.MaxExecutionsPerProcess = 1);
        var first = await harness.SingleReadyProcessAsync();

        await harness.RunJavaScriptAsync("this.leaked = 'secret'; Object.prototype.polluted = true; 1");
        var (second, _) = await harness.RunJavaScriptAsync("typeof leaked + ' ' + typeof ({}).polluted");

        Assert.Equal("undefined undefined", second.Outcome.Result!.GetValue<string>());
        await Support.Eventually.True(() => !harness.Pool.ProcessIds.Contains(first), "the pool did not get there");
    }

    [Fact]
    public async Task WarmProcess_IsReused_UntilItsQuota()
    {
        await using var harness = new PoolHarness(o => o.Sandbox.MaxExecutionsPerProcess = 3);
        var first = await harness.SingleReadyProcessAsync();

        for (var i = 0; i < 2; i++) await harness.RunJavaScriptAsync("1");
        var beforeQuota = harness.Pool.ProcessIds;
        await harness.RunJavaScriptAsync("1");
        await Support.Eventually.True(() => !harness.Pool.ProcessIds.Contains(first), "the pool did not get there");
        await harness.Pool.WaitReadyAsync(1, Ready);

        Assert.Equal([first], beforeQuota);
        Assert.Single(harness.Pool.ProcessIds);
    }

    [Fact]
    public async Task ProcessPastItsQuota_KeepsServing_UntilItsReplacementIsReady()
    {
        await using var harness = new PoolHarness(o => o.Sandbox.MaxExecutionsPerProcess = 1);
        var first = await harness.SingleReadyProcessAsync();

        await harness.RunJavaScriptAsync("1");
        var whileReplacing = harness.Pool.State;
        var (served, _) = await harness.RunJavaScriptAsync("2");
        await Support.Eventually.True(() => !harness.Pool.ProcessIds.Contains(first) && harness.Pool.State.Ready == 1, "the pool did not get there");

        Assert.Equal((1, 1), (whileReplacing.Ready, whileReplacing.Starting));
        Assert.Equal(2, served.Outcome.Result!.GetValue<int>());
        Assert.Single(harness.Pool.ProcessIds);
    }

    /// <summary>
    /// V8's garbage, and the past contexts that ClearScript's handles keep until their finalizers run, are collected
    /// while the process is idle; the pool never mistakes them for a leak and replaces the process.
    /// </summary>
    [Theory]
    [InlineData("new Array(300000).fill('x' + Math.random()).length", 400)]
    [InlineData("({ n: 1 })", 1200)]
    public async Task V8sGarbage_IsCollected_NotMistakenForALeak(string code, int runs)
    {
        await using var harness = new PoolHarness();
        var process = await harness.SingleReadyProcessAsync();

        for (var i = 0; i < runs; i++)
        {
            var (run, _) = await harness.RunJavaScriptAsync(code, engine: "v8");
            Assert.True(run.Outcome.Success, run.Outcome.Error);
        }

        Assert.Equal([process], harness.Pool.ProcessIds);
    }

    [Fact]
    public async Task HostileRuns_HoldingEverySandbox_DelayButDoNotFail_TheNormalOnes()
    {
        await using var harness = new PoolHarness(o => o.Limits.MaxConcurrentExecutions = 4);
        await harness.Pool.WaitReadyAsync(4, Ready);
        const string spin = "var a = []; a.length = 4294967295; [].concat(a).length";

        var hostile = Enumerable.Range(0, 4).Select(_ => harness.RunJavaScriptAsync(spin, timeoutMs: 700)).ToArray();
        var normal = Enumerable.Range(0, 4).Select(i => harness.RunJavaScriptAsync($"{i} * 10", timeoutMs: 20_000)).ToArray();
        await Task.WhenAll(hostile.Concat(normal));

        Assert.All(hostile, h => Assert.Equal(ErrorTypes.Timeout, h.Result.Run.Outcome.ErrorType));
        Assert.Equal([0, 10, 20, 30], normal.Select(n => n.Result.Run.Outcome.Result!.GetValue<int>()));
    }

    [Fact]
    public async Task UnknownEngine_IsAnsweredByTheSandbox_NotACrash()
    {
        await using var harness = new PoolHarness();

        var (run, _) = await harness.RunJavaScriptAsync("1", engine: "nonesuch");

        Assert.Equal((ErrorTypes.UnsupportedCodeType, "The nonesuch engine is not available."), (run.Outcome.ErrorType, run.Outcome.Error));
    }

    [Fact]
    public async Task OverAdmissionBound_IsRefusedAtOnce()
    {
        await using var harness = new PoolHarness(o => o.Limits.MaxQueueLength = 0);
        await harness.Pool.WaitReadyAsync(1, Ready);

        var holding = harness.RunJavaScriptAsync("var n = 0; while (n < 1e12) n++;", timeoutMs: 1000);
        await Task.Delay(100);
        var refused = await Assert.ThrowsAsync<CapacityExceededException>(() => harness.RunJavaScriptAsync("1"));
        await holding;

        Assert.Contains("busy", refused.Message);
    }
}
