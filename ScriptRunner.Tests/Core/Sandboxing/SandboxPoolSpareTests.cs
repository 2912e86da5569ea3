using System.Diagnostics;
using ScriptRunner.Tests.Functions;

namespace ScriptRunner.Tests.Core.Sandboxing;

/// <summary>
/// Spare processes, for real: warm but never serving while the pool is whole, and taking the place of a process that
/// ends at once, while a new spare warms up behind them.
/// </summary>
[Collection(CpuHeavyCollection.Name)]
public sealed class SandboxPoolSpareTests
{
    [Fact]
    public async Task Spare_DoesNotServe_WhileThePoolIsWhole()
    {
        await using var harness = WithSpare();
        var (serving, spare) = await ReadyWithSpareAsync(harness);

        for (var i = 0; i < 5; i++)
        {
            var (run, _) = await harness.RunJavaScriptAsync($"{i} + 1");
            Assert.True(run.Outcome.Success, run.Outcome.Error);
        }

        Assert.Equal([serving], harness.Pool.ProcessIds);
        Assert.Equal([spare], harness.Pool.SpareIds);
    }

    [Fact]
    public async Task KilledProcess_IsReplacedByTheSpare_AtOnce()
    {
        await using var harness = WithSpare();
        var (serving, spare) = await ReadyWithSpareAsync(harness);

        Kill(serving);
        await Support.Eventually.True(() => harness.Pool.ProcessIds.SequenceEqual([spare]) && harness.Pool.State.Ready == 1, "the pool did not get there");
        var (next, _) = await harness.RunJavaScriptAsync("'served'");

        Assert.Equal("served", next.Outcome.Result!.GetValue<string>());
        Assert.Equal([spare], harness.Pool.ProcessIds);
    }

    [Fact]
    public async Task SpareTakenIntoService_IsItselfReplaced_ByANewSpare()
    {
        await using var harness = WithSpare();
        var (serving, spare) = await ReadyWithSpareAsync(harness);

        Kill(serving);
        await Support.Eventually.True(() => harness.Pool.SpareIds.Count == 1 && harness.Pool.SpareIds[0] != spare && harness.Pool.State.Spare == 1, "the pool did not get there");

        Assert.DoesNotContain(serving, harness.Pool.SpareIds);
        Assert.Equal(1, harness.Pool.State.Spare);
    }

    [Fact]
    public async Task SpareThatDies_IsReplaced_WithoutDisturbingThePool()
    {
        await using var harness = WithSpare();
        var (serving, spare) = await ReadyWithSpareAsync(harness);

        Kill(spare);
        await Support.Eventually.True(() => harness.Pool.SpareIds.Count == 1 && harness.Pool.SpareIds[0] != spare && harness.Pool.State.Spare == 1, "the pool did not get there");

        Assert.Equal([serving], harness.Pool.ProcessIds);
    }

    [Fact]
    public async Task ProcessPastItsQuota_HandsOverToTheSpare()
    {
        await using var harness = new PoolHarness(o =>
        {
            o.Sandbox.SpareProcesses = 1;
            o.Sandbox.MaxExecutionsPerProcess = 1;
        });
        var (serving, spare) = await ReadyWithSpareAsync(harness);

        await harness.RunJavaScriptAsync("1");
        await Support.Eventually.True(() => harness.Pool.ProcessIds.SequenceEqual([spare]), "the pool did not get there");
        var (next, _) = await harness.RunJavaScriptAsync("2");

        Assert.Equal(2, next.Outcome.Result!.GetValue<int>());
        Assert.DoesNotContain(serving, harness.Pool.ProcessIds.Concat(harness.Pool.SpareIds));
    }

    private static PoolHarness WithSpare() => new(o => o.Sandbox.SpareProcesses = 1);

    private static void Kill(int processId)
    {
        using var process = Process.GetProcessById(processId);
        process.Kill();
    }

    private static async Task<(int Serving, int Spare)> ReadyWithSpareAsync(PoolHarness harness)
    {
        await harness.Pool.WaitReadyAsync(1, TimeSpan.FromSeconds(60));
        await Support.Eventually.True(() => harness.Pool.State.Spare == 1, "the pool did not get there", TimeSpan.FromSeconds(60));
        return (harness.Pool.ProcessIds.Single(), harness.Pool.SpareIds.Single());
    }
}
