using ScriptRunner.Core.Model;

namespace ScriptRunner.Tests.Core.Sandboxing;

/// <summary>
/// In real sandbox processes under the default cap: a script that holds more than the cap ends as the engine's own
/// <c>MemoryLimit</c> on every JavaScript engine (the engine answers before the process wall), and one that only
/// makes garbage runs to the end.
/// </summary>
public sealed class MemoryCapProcessTests
{
    private const string EngineAnswer = "memory limit of 128 MB exceeded";

    public static TheoryData<string, string> HeldData => new()
    {
        { "jint", "const keep = []; for (;;) keep.push(new Uint8Array(1 << 20).fill(1));" },
        { "v8", "const keep = []; for (;;) keep.push(new Uint8Array(1 << 20).fill(1));" },
        { "jint", "const keep = []; for (let i = 0; ; i++) keep.push(i * 1.5);" },
        { "v8", "const keep = []; for (let i = 0; ; i++) keep.push(i * 1.5);" },
        { "jint", "const keep = []; for (let i = 0; ; i++) keep.push({ i, name: 'object ' + i, list: [i, i + 1] });" },
        { "v8", "const keep = []; for (let i = 0; ; i++) keep.push({ i, name: 'object ' + i, list: [i, i + 1] });" },
    };

    [Theory]
    [MemberData(nameof(HeldData))]
    public async Task HoldingMoreThanTheCap_IsTheEnginesMemoryLimit(string engine, string code)
    {
        await using var harness = new PoolHarness();

        var (run, _) = await harness.RunJavaScriptAsync(code, timeoutMs: 60_000, engine: engine);

        Assert.Equal(ErrorTypes.MemoryLimit, run.Outcome.ErrorType);
        Assert.Equal(EngineAnswer, run.Outcome.Error);
    }

    [Theory]
    [InlineData("jint")]
    [InlineData("v8")]
    public async Task GarbageFarBeyondTheCap_WithASmallLiveHeap_Succeeds(string engine)
    {
        await using var harness = new PoolHarness();

        var (run, _) = await harness.RunJavaScriptAsync(
            "let n = 0; for (let i = 0; i < 1000; i++) n += new Uint8Array(1 << 20).fill(1)[7]; n", timeoutMs: 60_000, engine: engine);

        Assert.True(run.Outcome.Success, $"{run.Outcome.ErrorType}: {run.Outcome.Error}");
        Assert.Equal(1000, run.Outcome.Result!.GetValue<int>());
    }

    [Theory]
    [InlineData("jint", "new ArrayBuffer(1.5e9).byteLength")]
    [InlineData("jint", "console.log('x'.repeat(200e6)); 'logged'")]
    [InlineData("jint", "const s = 'x'.repeat(1 << 28); s.length")]
    [InlineData("v8", "new ArrayBuffer(1.5e9).byteLength")]
    [InlineData("v8", "console.log('x'.repeat(200e6)); 'logged'")]
    public async Task RunningOutOfMemory_IsAMemoryLimitInPlainWords(string engine, string code)
    {
        await using var harness = new PoolHarness();

        var (run, _) = await harness.RunJavaScriptAsync(code, timeoutMs: 60_000, engine: engine);

        Assert.Equal(ErrorTypes.MemoryLimit, run.Outcome.ErrorType);
        Assert.Equal(EngineAnswer, run.Outcome.Error);
    }

    [Fact]
    public async Task V8_AnArrayBufferPastWhatTheIsolateMayAllocate_IsARangeErrorTheScriptCanCatch()
    {
        await using var harness = new PoolHarness();

        var (run, _) = await harness.RunJavaScriptAsync(
            "try { new ArrayBuffer(1.5e9); 'allocated' } catch (e) { e.name }", timeoutMs: 60_000, engine: "v8");

        Assert.True(run.Outcome.Success, $"{run.Outcome.ErrorType}: {run.Outcome.Error}");
        Assert.Equal("RangeError", run.Outcome.Result!.GetValue<string>());
    }
}
