using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using ScriptRunner.Tests.Sandbox.WebAssembly;

namespace ScriptRunner.Tests.Functions;

/// <summary>Hostile modules over HTTP: each ends with its exact outcome and the service stays healthy.</summary>
public sealed class WasmHostileEndToEndTests(WasmAppFixture app) : IClassFixture<WasmAppFixture>
{
    private async Task<JsonNode> Execute(object body)
    {
        var (status, json) = await WasmAppFixture.ExecuteAsync(app.Open, body);
        Assert.Equal(HttpStatusCode.OK, status);
        return json;
    }

    private static string Fixture(string name) => Convert.ToBase64String(WasmFixtures.Load(name));

    private async Task AssertHealthyAsync()
    {
        using var health = await app.Open.GetAsync("/api/health");
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        var body = await Execute(new { codeBase64 = Fixture("handler.wasm"), handler = "add", @params = new[] { 2, 2 } });
        Assert.Equal(4, (int)body["result"]!);
    }

    [Fact]
    public async Task InfiniteLoopInStart_EndsWithTimeout_KeepingPartialStdout()
    {
        var clock = Stopwatch.StartNew();

        var body = await Execute(new { codeBase64 = Fixture("infinite_loop.wasm"), timeout = 1000 });

        // Generous bounds: the deadline timer may fire a few milliseconds either side of the stopwatch.
        Assert.InRange(clock.Elapsed, TimeSpan.FromMilliseconds(900), TimeSpan.FromSeconds(10));
        Assert.Equal("Timeout", (string)body["errorType"]!);
        Assert.Equal("before the loop\n", (string)body["stdout"]!);
        await AssertHealthyAsync();
    }

    [Fact]
    public async Task EndlessSleepInPollOneoff_EndsWithTimeout()
    {
        var clock = Stopwatch.StartNew();

        var body = await Execute(new { codeBase64 = Fixture("sleep_forever.wasm"), timeout = 1000 });

        // Generous bounds: the deadline timer may fire a few milliseconds either side of the stopwatch.
        Assert.InRange(clock.Elapsed, TimeSpan.FromMilliseconds(900), TimeSpan.FromSeconds(10));
        Assert.Equal("Timeout", (string)body["errorType"]!);
        Assert.Equal("going to sleep\n", (string)body["stdout"]!);
        await AssertHealthyAsync();
    }

    [Fact]
    public async Task InfiniteRecursion_IsCallStackExhaustedTrap()
    {
        var body = await Execute(new { codeBase64 = Fixture("infinite_recursion.wasm") });

        Assert.Equal("Trap", (string)body["errorType"]!);
        Assert.Equal("wasm trap: call stack exhausted in function 'recurse'", (string)body["error"]!);
        await AssertHealthyAsync();
    }

    [Fact]
    public async Task MemoryGrowLoop_StopsAtTheMemoryLimit()
    {
        var body = await Execute(new { codeBase64 = Fixture("memory_grow_loop.wasm"), handler = "grow", memory = 64 });

        Assert.Equal("success", (string)body["status"]!);
        Assert.Equal(1024, (int)body["result"]!);
        Assert.Equal(64L * 1024 * 1024, (long)body["metadata"]!["memoryPeakBytes"]!);
        await AssertHealthyAsync();
    }

    [Fact]
    public async Task HugeInitialMemory_IsMemoryLimit()
    {
        var body = await Execute(new { codeBase64 = Fixture("huge_memory.wasm"), memory = 64 });

        Assert.Equal("MemoryLimit", (string)body["errorType"]!);
        Assert.EndsWith("(the execution's memory limit is 64 MiB)", (string)body["error"]!);
        await AssertHealthyAsync();
    }

    [Fact]
    public async Task DataSegmentOutOfBounds_IsOutOfBoundsTrap()
    {
        var body = await Execute(new { codeBase64 = Fixture("data_out_of_bounds.wasm") });

        Assert.Equal("Trap", (string)body["errorType"]!);
        Assert.StartsWith("wasm trap: out of bounds memory access", (string)body["error"]!);
        await AssertHealthyAsync();
    }

    [Theory]
    [InlineData("log_message_out_of_bounds", "wasm trap: env.app_log: the message (pointer 65530, length 100) is outside linear memory (65536 bytes)")]
    [InlineData("stdout_negative_length", "wasm trap: env.capture_stdout: the text (pointer 0, length 4294967295) is outside linear memory (65536 bytes)")]
    [InlineData("fetch_buffer_out_of_bounds", "wasm trap: env.fetch: the response buffer (pointer 65500, length 1000) is outside linear memory (65536 bytes)")]
    public async Task BadPointersToHostFunctions_AreTrapsWithClearMessages(string export, string message)
    {
        var body = await Execute(new { codeBase64 = Fixture("bad_pointers.wasm"), handler = export });

        Assert.Equal("Trap", (string)body["errorType"]!);
        Assert.StartsWith(message, (string)body["error"]!);
        await AssertHealthyAsync();
    }

    [Fact]
    public async Task StdoutOverTheCap_IsTruncatedAndFlagged()
    {
        var longArg = new string('a', 70_000);

        var body = await Execute(new { codeBase64 = Fixture("wasi_command.wasm"), args = new[] { longArg } });

        Assert.Equal("success", (string)body["status"]!);
        // The cap counts the bytes the answer carries: each newline is two (\\n) once escaped.
        Assert.Equal(65536, ScriptRunner.Core.Hosting.JsonTextSize.Of((string)body["stdout"]!));
        Assert.True((bool)body["metadata"]!["truncated"]!["stdout"]!);
    }
}
