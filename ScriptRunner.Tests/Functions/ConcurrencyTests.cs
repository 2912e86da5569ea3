using Microsoft.Extensions.DependencyInjection;
using ScriptRunner.Core.Sandboxing;

namespace ScriptRunner.Tests.Functions;

/// <summary>Capacity and isolation under concurrent requests.</summary>
[Collection(CpuHeavyCollection.Name)]
public sealed class ConcurrencyTests
{
    private static async Task WaitForRunning(ScriptRunnerApp app, int count)
    {
        var pool = app.Services.GetRequiredService<SandboxPool>();
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (pool.State.Busy < count)
        {
            Assert.True(DateTime.UtcNow < deadline, $"only {pool.State.Busy} of {count} executions started within 20 s");
            await Task.Delay(20);
        }
    }

    [Fact]
    public async Task OverCapacity_Is503WithRetryAfter_AndTheRunningExecutionIsUnaffected()
    {
        await using var app = new ScriptRunnerApp(("ScriptRunner:Limits:MaxConcurrentExecutions", "1"), ("ScriptRunner:Limits:MaxQueueLength", "0"));
        using var client = app.Client();

        var longRun = ScriptRunnerApp.PostAsync(client, new { code = "console.log('long'); while (true) {}", timeout = 3000 });
        await WaitForRunning(app, 1);
        var refused = await ScriptRunnerApp.PostAsync(client, new { code = "1" });

        Assert.Equal(503, refused.StatusCode);
        Assert.Equal("1", refused.Headers["Retry-After"]);
        Assert.Equal("Capacity", refused.ErrorType);
        Assert.False(refused.Success);
        Assert.True(refused.Body.ContainsKey("metadata"));

        var finished = await longRun;
        Assert.Equal(200, finished.StatusCode);
        Assert.Equal("Timeout", finished.ErrorType);
        Assert.Equal("long\n", finished.Stdout);

        var after = await ScriptRunnerApp.PostAsync(client, new { code = "'free again'" });
        Assert.Equal("free again", after.Result!.GetValue<string>());
    }

    [Fact]
    public async Task TrivialRequest_IsNotHeldUpByEightInfiniteLoops()
    {
        await using var app = new ScriptRunnerApp(("ScriptRunner:Limits:MaxConcurrentExecutions", "10"));
        using var client = app.Client();
        // Every sandbox warm first: the loops' deadlines must not run out while the last processes are still starting.
        await app.Services.GetRequiredService<SandboxPool>().WaitReadyAsync(10, TimeSpan.FromSeconds(60));

        var loops = Enumerable.Range(0, 8)
            .Select(_ => ScriptRunnerApp.PostAsync(client, new { code = "while (true) {}", timeout = 8000 }))
            .ToArray();
        await WaitForRunning(app, 8);

        var trivial = await ScriptRunnerApp.PostAsync(client, new { code = "40 + 2" });
        var loopsStillRunning = loops.Count(l => !l.IsCompleted);

        Assert.True(trivial.Success, trivial.Error);
        Assert.Equal(42, trivial.Result!.GetValue<int>());
        Assert.Equal(8, loopsStillRunning);
        Assert.All(await Task.WhenAll(loops), loop => Assert.Equal("Timeout", loop.ErrorType));
    }

    [Fact]
    public async Task FailingExecutions_DoNotAffectConcurrentOnes()
    {
        await using var app = new ScriptRunnerApp(("ScriptRunner:Limits:MaxConcurrentExecutions", "8"));
        using var client = app.Client();
        await app.Services.GetRequiredService<SandboxPool>().WaitReadyAsync(8, TimeSpan.FromSeconds(60));

        var hostile = new[]
        {
            ScriptRunnerApp.PostAsync(client, new { code = "throw new Error('boom')" }),
            ScriptRunnerApp.PostAsync(client, new { code = "var = ;" }),
            ScriptRunnerApp.PostAsync(client, new { code = "function f() { return f(); } f();" }),
            ScriptRunnerApp.PostAsync(client, new { code = "var kept = []; while (true) kept.push('x'.repeat(1e5) + kept.length);", memory = 64, timeout = 10000 }),
            ScriptRunnerApp.PostAsync(client, new { code = "while (true) {}", timeout = 1000 }),
        };
        var good = Enumerable.Range(0, 3).Select(i => ScriptRunnerApp.PostAsync(client, new { code = $"console.log('run {i}'); {i} * 10" })).ToArray();

        var goodResults = await Task.WhenAll(good);
        var hostileResults = await Task.WhenAll(hostile);

        for (var i = 0; i < good.Length; i++)
        {
            Assert.True(goodResults[i].Success, goodResults[i].Error);
            Assert.Equal(i * 10, goodResults[i].Result!.GetValue<int>());
            Assert.Equal($"run {i}\n", goodResults[i].Stdout);
        }
        Assert.All(hostileResults, r => Assert.Equal(200, r.StatusCode));
        Assert.All(hostileResults, r => Assert.False(r.Success));
        Assert.Equal("RuntimeError", hostileResults[0].ErrorType);
        Assert.Equal("CompileError", hostileResults[1].ErrorType);
        Assert.Equal("RuntimeError", hostileResults[2].ErrorType);
        Assert.Equal("MemoryLimit", hostileResults[3].ErrorType);
        Assert.Equal("Timeout", hostileResults[4].ErrorType);

        var after = await ScriptRunnerApp.PostAsync(client, new { code = "'still healthy'" });
        Assert.Equal("still healthy", after.Result!.GetValue<string>());
    }
}
