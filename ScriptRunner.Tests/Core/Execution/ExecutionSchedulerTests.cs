using ScriptRunner.Core.Execution;
using ScriptRunner.Core.Telemetry;

namespace ScriptRunner.Tests.Core.Execution;

public sealed class ExecutionSchedulerTests : IDisposable
{
    private static readonly TimeSpan Generous = TimeSpan.FromSeconds(10);
    private readonly ScriptRunnerTelemetry _telemetry = new();
    private readonly List<ManualResetEventSlim> _gates = [];

    public void Dispose()
    {
        foreach (var gate in _gates) gate.Set();
        _telemetry.Dispose();
    }

    private ManualResetEventSlim Gate()
    {
        var gate = new ManualResetEventSlim();
        _gates.Add(gate);
        return gate;
    }

    private ExecutionScheduler Scheduler(int maxConcurrent, int maxQueue, TimeSpan? grace = null) =>
        new(maxConcurrent, maxQueue, _telemetry, grace);

    /// <summary>Starts a run that holds its slot until <paramref name="gate"/> opens, and waits until it is running.</summary>
    private static async Task<Task<int>> Occupy(ExecutionScheduler scheduler, ManualResetEventSlim gate, TimeSpan? timeout = null)
    {
        var running = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var run = scheduler.RunAsync(_ =>
        {
            running.SetResult();
            gate.Wait();
            return 1;
        }, timeout ?? TimeSpan.FromSeconds(30), CancellationToken.None);
        await running.Task.WaitAsync(Generous);
        return run;
    }

    [Fact]
    public async Task Run_HappensOnDedicatedWorkerThread_NotThePool()
    {
        using var scheduler = Scheduler(2, 0);

        var (name, pooled, background) = await scheduler.RunAsync(
            _ => (Thread.CurrentThread.Name, Thread.CurrentThread.IsThreadPoolThread, Thread.CurrentThread.IsBackground),
            TimeSpan.FromSeconds(5), CancellationToken.None);

        Assert.StartsWith("ScriptRunner worker", name);
        Assert.False(pooled);
        Assert.True(background);
    }

    [Fact]
    public async Task Run_HasLargeStack_ForDeepRecursion()
    {
        using var scheduler = Scheduler(1, 0);

        // About 16 MB of frames: more than a default thread's stack, well within a worker's.
        var depth = await scheduler.RunAsync(_ => Recurse(16_000), TimeSpan.FromSeconds(30), CancellationToken.None);

        Assert.Equal(16_000, depth);
    }

    private static int Recurse(int remaining)
    {
        Span<byte> frame = stackalloc byte[1000];
        frame[0] = (byte)remaining;
        if (remaining == 0) return 0;
        var below = Recurse(remaining - 1);
        // Reading the frame after the call keeps it alive across the recursion.
        return frame[0] == (byte)remaining ? below + 1 : -1;
    }

    [Fact]
    public async Task SequentialRuns_ReuseOneWorker()
    {
        using var scheduler = Scheduler(4, 0);

        for (var i = 0; i < 5; i++) Assert.Equal(i, await scheduler.RunAsync(_ => i, TimeSpan.FromSeconds(5), CancellationToken.None));

        Assert.Equal(1, scheduler.WorkerCount);
    }

    [Fact]
    public async Task OverCapacity_IsRefusedAtOnce()
    {
        using var scheduler = Scheduler(1, 0);
        var gate = Gate();
        var first = await Occupy(scheduler, gate);

        await Assert.ThrowsAsync<CapacityExceededException>(() => scheduler.RunAsync(_ => 2, TimeSpan.FromSeconds(5), CancellationToken.None));

        gate.Set();
        Assert.Equal(1, await first.WaitAsync(Generous));
    }

    [Fact]
    public async Task QueuedRun_StartsWhenTheSlotFrees()
    {
        using var scheduler = Scheduler(1, 1);
        var gate = Gate();
        var first = await Occupy(scheduler, gate);

        var queued = scheduler.RunAsync(_ => 2, TimeSpan.FromSeconds(30), CancellationToken.None);
        Assert.Equal(1, scheduler.QueuedCount);
        await Assert.ThrowsAsync<CapacityExceededException>(() => scheduler.RunAsync(_ => 3, TimeSpan.FromSeconds(5), CancellationToken.None));

        gate.Set();
        Assert.Equal(1, await first.WaitAsync(Generous));
        Assert.Equal(2, await queued.WaitAsync(Generous));
        Assert.Equal(0, scheduler.QueuedCount);
    }

    [Fact]
    public async Task QueuedRun_GivesUpWithCapacityExceeded_WhenNoSlotFreesWithinItsTimeout()
    {
        using var scheduler = Scheduler(1, 1);
        var gate = Gate();
        var first = await Occupy(scheduler, gate);
        var ran = false;

        await Assert.ThrowsAsync<CapacityExceededException>(() =>
            scheduler.RunAsync(_ => ran = true, TimeSpan.FromMilliseconds(200), CancellationToken.None));
        Assert.Equal(0, scheduler.QueuedCount);

        gate.Set();
        await first.WaitAsync(Generous);
        Assert.Equal(5, await scheduler.RunAsync(_ => 5, TimeSpan.FromSeconds(5), CancellationToken.None));
        Assert.False(ran);
    }

    [Fact]
    public async Task CallerCancellingWhileQueued_FreesTheQueuePlace()
    {
        using var scheduler = Scheduler(1, 1);
        var gate = Gate();
        var first = await Occupy(scheduler, gate);
        using var cancel = new CancellationTokenSource();

        var queued = scheduler.RunAsync(_ => 2, TimeSpan.FromSeconds(30), cancel.Token);
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => queued);
        Assert.Equal(0, scheduler.QueuedCount);
        gate.Set();
        await first.WaitAsync(Generous);
    }

    [Fact]
    public async Task Token_FiresAtTheTimeout()
    {
        using var scheduler = Scheduler(1, 0);

        var cancelled = await scheduler.RunAsync(token => token.WaitHandle.WaitOne(Generous), TimeSpan.FromMilliseconds(100), CancellationToken.None);

        Assert.True(cancelled);
    }

    [Fact]
    public async Task RunIgnoringItsDeadline_ReleasesTheCallerAfterGrace_AndKeepsItsSlotUntilItReturns()
    {
        using var scheduler = Scheduler(1, 0, grace: TimeSpan.FromMilliseconds(100));
        var gate = Gate();

        await Assert.ThrowsAsync<ExecutionOverrunException>(() =>
            scheduler.RunAsync(_ => gate.Wait(Generous), TimeSpan.FromMilliseconds(100), CancellationToken.None));

        Assert.Equal(1, scheduler.RunningCount);
        await Assert.ThrowsAsync<CapacityExceededException>(() => scheduler.RunAsync(_ => 0, TimeSpan.FromSeconds(5), CancellationToken.None));

        gate.Set();
        await Support.Eventually.True(() => scheduler.RunningCount == 0, "condition not reached", Generous);
        Assert.Equal(7, await scheduler.RunAsync(_ => 7, TimeSpan.FromSeconds(5), CancellationToken.None));
    }

    [Fact]
    public async Task WorkThatThrows_FailsOnlyItsOwnRun()
    {
        using var scheduler = Scheduler(1, 0);

        await Assert.ThrowsAsync<InvalidOperationException>(() =>
            scheduler.RunAsync<int>(_ => throw new InvalidOperationException("boom"), TimeSpan.FromSeconds(5), CancellationToken.None));

        Assert.Equal(3, await scheduler.RunAsync(_ => 3, TimeSpan.FromSeconds(5), CancellationToken.None));
    }

    [Fact]
    public async Task ConcurrentRuns_UseSeparateWorkers_UpToTheBound()
    {
        using var scheduler = Scheduler(3, 0);
        var gate = Gate();
        var runs = new List<Task<int>>();
        for (var i = 0; i < 3; i++) runs.Add(await Occupy(scheduler, gate));

        Assert.Equal(3, scheduler.RunningCount);
        Assert.Equal(3, scheduler.WorkerCount);
        gate.Set();
        Assert.All(await Task.WhenAll(runs).WaitAsync(Generous), r => Assert.Equal(1, r));
    }

    [Fact]
    public async Task Dispose_FailsQueuedRuns()
    {
        var scheduler = Scheduler(1, 1);
        var gate = Gate();
        var first = await Occupy(scheduler, gate);
        var queued = scheduler.RunAsync(_ => 2, TimeSpan.FromSeconds(30), CancellationToken.None);

        scheduler.Dispose();

        await Assert.ThrowsAsync<ObjectDisposedException>(() => queued.WaitAsync(Generous));
        gate.Set();
        Assert.Equal(1, await first.WaitAsync(Generous));
    }
}
