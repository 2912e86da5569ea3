using System.Text.Json.Nodes;
using ScriptRunner.Core.Hosting;
using ScriptRunner.Core.Execution;
using ScriptRunner.Core.Model;

namespace ScriptRunner.Tests.Sandbox.WebAssembly;

/// <summary>The <c>env</c> host functions, called from a C program and from hand-written modules with bad pointers.</summary>
public sealed class EnvHostModuleTests
{
    private const string Url = "http://api.example.test/echo";

    private static SandboxFetchResponse Pong(SandboxFetchRequest request) =>
        new(200, "OK", new Dictionary<string, string> { ["content-type"] = "text/plain" }, "pong");

    [Theory]
    [MemberData(nameof(WasmEngines.Names), MemberType = typeof(WasmEngines))]
    public void HostFunctions_LogAndCaptureStreams_InCallOrder(string engine)
    {
        var run = WasmRun.Fixture("host_functions.wasm", engineName: engine);

        Assert.True(run.Outcome.Success, run.Outcome.Error);
        var lines = run.Stdout.Split('\n');
        Assert.Equal(["printf line 1", "captured line 2", "printf line 3"], lines[..3]);
        Assert.Equal("captured error\nstdio error\n", run.Stderr);
        Assert.Equal([("info", "starting"), ("warn", "finished")], run.Output.Logs.Select(l => (l.Level, l.Message)));
    }

    [Theory]
    [MemberData(nameof(WasmEngines.Names), MemberType = typeof(WasmEngines))]
    public void GetUnixtime_ReturnsTheHostClockInSeconds(string engine)
    {
        var before = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var run = WasmRun.Fixture("host_functions.wasm", engineName: engine);
        var after = DateTimeOffset.UtcNow.ToUnixTimeSeconds();

        var line = run.Stdout.Split('\n').Single(l => l.StartsWith("unixtime=", StringComparison.Ordinal));
        var seconds = long.Parse(line["unixtime=".Length..]);
        Assert.InRange(seconds, before, after);
    }

    [Theory]
    [MemberData(nameof(WasmEngines.Names), MemberType = typeof(WasmEngines))]
    public void Fetch_SendsOptionsThroughThePolicy_AndWritesTheResponseJson(string engine)
    {
        var fetcher = new RecordingFetcher(Pong);

        var run = WasmRun.Fixture("host_functions.wasm", args: [Url], fetcher: fetcher, engineName: engine);

        Assert.True(run.Outcome.Success, run.Outcome.Error);
        var request = Assert.Single(fetcher.Requests);
        Assert.Equal(Url, request.Url);
        Assert.Equal("POST", request.Method);
        Assert.Equal("yes", request.Headers["X-Test"]);
        Assert.Equal("ping", request.Body);
        const string json = "{\"status\":200,\"statusText\":\"OK\",\"headers\":{\"content-type\":\"text/plain\"},\"body\":\"pong\"}";
        Assert.Contains($"fetch={json.Length}\nresponse={json}\n", run.Stdout);
    }

    [Theory]
    [InlineData(SandboxFetchError.PolicyRefused, -1)]
    [InlineData(SandboxFetchError.NetworkError, -2)]
    [InlineData(SandboxFetchError.Timeout, -3)]
    [InlineData(SandboxFetchError.ResponseTooLarge, -4)]
    public void Fetch_RefusedOrFailed_ReturnsTheDocumentedNegativeCode(SandboxFetchError error, int code)
    {
        var fetcher = new RecordingFetcher(_ => throw new SandboxFetchException(error, "refused"));

        var run = WasmRun.Fixture("host_functions.wasm", args: [Url], fetcher: fetcher);

        Assert.True(run.Outcome.Success, run.Outcome.Error);
        Assert.Contains($"fetch={code}\n", run.Stdout);
        Assert.DoesNotContain("response=", run.Stdout);
    }

    [Theory]
    [MemberData(nameof(WasmEngines.Names), MemberType = typeof(WasmEngines))]
    public void Fetch_ResponseLargerThanTheBuffer_ReturnsMinus4AndWritesNothing(string engine)
    {
        var fetcher = new RecordingFetcher(Pong);

        var run = WasmRun.Fixture("host_functions.wasm", args: [Url, "20"], fetcher: fetcher, engineName: engine);

        Assert.Single(fetcher.Requests);
        Assert.Contains("fetch=-4\n", run.Stdout);
        Assert.DoesNotContain("response=", run.Stdout);
    }

    [Theory]
    [InlineData("log_message_out_of_bounds", "env.app_log: the message (pointer 65530, length 100) is outside linear memory (65536 bytes)")]
    [InlineData("stdout_negative_length", "env.capture_stdout: the text (pointer 0, length 4294967295) is outside linear memory (65536 bytes)")]
    [InlineData("stderr_pointer_past_end", "env.capture_stderr: the text (pointer 70000, length 1) is outside linear memory (65536 bytes)")]
    [InlineData("fetch_options_out_of_bounds", "env.fetch: the options (pointer 65000, length 1000) is outside linear memory (65536 bytes)")]
    [InlineData("fetch_buffer_out_of_bounds", "env.fetch: the response buffer (pointer 65500, length 1000) is outside linear memory (65536 bytes)")]
    public void BadPointer_IsTrapWithClearMessage_AndNothingIsSent(string export, string message)
    {
        var fetcher = RecordingFetcher.Unreachable();

        var run = WasmRun.Fixture("bad_pointers.wasm", handler: export, fetcher: fetcher);

        Assert.Equal(ErrorTypes.Trap, run.Outcome.ErrorType);
        Assert.StartsWith($"wasm trap: {message}", run.Outcome.Error);
        Assert.Empty(fetcher.Requests);
        Assert.Equal("", run.Stdout);
        Assert.Empty(run.Output.Logs);
    }

    [Theory]
    [MemberData(nameof(WasmEngines.Names), MemberType = typeof(WasmEngines))]
    public void HostFunctionNeedingMemory_WithoutMemoryExport_IsTrapSayingSo(string engine)
    {
        var run = WasmRun.Fixture("no_memory_export.wasm", engineName: engine);

        Assert.Equal(ErrorTypes.Trap, run.Outcome.ErrorType);
        Assert.StartsWith("wasm trap: env.capture_stdout needs the module to export its linear memory as \"memory\"", run.Outcome.Error);
    }

    [Fact]
    public void FetchOptions_WithNonStringBodyAndDefaults_AreParsed()
    {
        var request = ScriptRunner.Sandbox.WebAssembly.WasmFetch.ParseOptions("{\"url\":\"https://x.test/\",\"body\":{\"a\":1}}"u8)!;

        Assert.Equal("GET", request.Method);
        Assert.Empty(request.Headers);
        Assert.Equal("{\"a\":1}", request.Body);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("[]")]
    [InlineData("{\"method\":\"GET\"}")]
    [InlineData("{\"url\":42}")]
    [InlineData("{\"url\":\"https://x.test/\",\"headers\":[1]}")]
    public void FetchOptions_Invalid_AreRefusedAsInvalidRequest(string options)
    {
        var outcome = ScriptRunner.Sandbox.WebAssembly.WasmFetch.Send(
            RecordingFetcher.Unreachable(), System.Text.Encoding.UTF8.GetBytes(options), 1024, CancellationToken.None);

        Assert.Equal(SandboxFetchError.InvalidRequest, outcome.Error);
        Assert.Equal(-5, (int)outcome.Error!.Value);
    }

    [Fact]
    public void FetchResponse_IsEncodedAsJsonWithReadableText()
    {
        var bytes = ScriptRunner.Sandbox.WebAssembly.WasmFetch.Encode(
            new SandboxFetchResponse(404, "Not Found", new Dictionary<string, string> { ["x"] = "é" }, "<b>\"no\"</b>"));

        var json = JsonNode.Parse(bytes)!;
        Assert.Equal(404, (int)json["status"]!);
        Assert.Equal("Not Found", (string)json["statusText"]!);
        Assert.Equal("é", (string)json["headers"]!["x"]!);
        Assert.Equal("<b>\"no\"</b>", (string)json["body"]!);
        Assert.Contains("é", System.Text.Encoding.UTF8.GetString(bytes));
    }
}
