using ScriptRunner.Core.Execution;
using ScriptRunner.Core.Model;
using ScriptRunner.Tests.Functions;

namespace ScriptRunner.Tests.Core.Sandboxing;

/// <summary>
/// A fault costs the request that caused it: a wait for a sandbox ends by the request's own deadline, and code that
/// faulted recently waits behind the bystanders, in real sandbox processes.
/// </summary>
[Collection(CpuHeavyCollection.Name)]
public sealed class SandboxPoolFaultTests
{
    private static readonly TimeSpan Ready = TimeSpan.FromSeconds(60);
    private const string Spin = "while (true) {}";

    [Fact]
    public async Task WaitForASandbox_EndsAtTheRequestsDeadline_NamingTheTimeWaited()
    {
        await using var harness = new PoolHarness();
        await harness.Pool.WaitReadyAsync(1, Ready);
        var holding = harness.RunJavaScriptAsync(Spin, timeoutMs: 3000);
        await Support.Eventually.True(() => harness.Pool.State.Busy == 1, "the only sandbox busy");

        var refused = await Assert.ThrowsAsync<CapacityExceededException>(() => harness.RunJavaScriptAsync("1", timeoutMs: 300));
        await holding;

        Assert.Matches(@"^No sandbox became free within (\d+) ms\.$", refused.Message);
        var waited = int.Parse(System.Text.RegularExpressions.Regex.Match(refused.Message, @"\d+").Value, System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(waited, 290, 2000);
    }

    [Fact]
    public async Task WaitForASandbox_WhileTheOnlyOneStarts_CountsAgainstTheDeadline()
    {
        await using var harness = new PoolHarness();

        // Nothing is ready yet: the pool is still starting its first process.
        var refused = await Assert.ThrowsAsync<CapacityExceededException>(() => harness.RunJavaScriptAsync("1", timeoutMs: 1));

        Assert.StartsWith("No sandbox became free within ", refused.Message);
    }

    [Fact]
    public async Task RepeatOffender_WaitsBehindABystander_AndNeverHoldsTheLastSandbox()
    {
        await using var harness = new PoolHarness(o => o.Limits.MaxConcurrentExecutions = 2);
        await harness.Pool.WaitReadyAsync(2, Ready);
        var first = await harness.RunJavaScriptAsync(Spin, timeoutMs: 200);
        Assert.Equal(ErrorTypes.Timeout, first.Run.Outcome.ErrorType);

        // The same code again: it may hold one of the two sandboxes, not both.
        var holding = harness.RunJavaScriptAsync(Spin, timeoutMs: 3000);
        await Support.Eventually.True(() => harness.Pool.State.Busy == 1, "the repeat offender running");
        var second = harness.RunJavaScriptAsync(Spin, timeoutMs: 500);
        var bystander = await harness.RunJavaScriptAsync("6 * 7", timeoutMs: 2000);

        Assert.Equal(42, bystander.Run.Outcome.Result!.GetValue<int>());
        var refused = await Assert.ThrowsAsync<CapacityExceededException>(() => second);
        Assert.StartsWith("No sandbox became free within ", refused.Message);
        Assert.Equal(ErrorTypes.Timeout, (await holding).Run.Outcome.ErrorType);
    }

    [Fact]
    public async Task WithoutTheOffenderWindow_TheRepeatTakesTheOtherSandbox()
    {
        await using var harness = new PoolHarness(o =>
        {
            o.Limits.MaxConcurrentExecutions = 2;
            o.Sandbox.OffenderWindowSeconds = 0;
        });
        await harness.Pool.WaitReadyAsync(2, Ready);
        await harness.RunJavaScriptAsync(Spin, timeoutMs: 200);

        var holding = harness.RunJavaScriptAsync(Spin, timeoutMs: 1500);
        await Support.Eventually.True(() => harness.Pool.State.Busy == 1, "the first repeat running");
        var second = await harness.RunJavaScriptAsync(Spin, timeoutMs: 500);

        Assert.Equal(ErrorTypes.Timeout, second.Run.Outcome.ErrorType);
        await holding;
    }
}
