using System.Text.Json.Nodes;
using ScriptRunner.Core.Model;
using ScriptRunner.Tests.Sandbox.JavaScript;

namespace ScriptRunner.Tests.Functions;

/// <summary>
/// The V8 engine end to end, chosen per request with <c>"engine": "v8"</c>: the edge function examples, and hostile scripts
/// that end in their error type while the service keeps answering. Scripts that exhaust the heap are left to the
/// sandbox-process pool's tests: V8 may abort the process that runs them.
/// </summary>
public sealed class V8ExecutionTests : IClassFixture<V8ExecutionTests.App>
{
    private readonly HttpClient _client;

    public V8ExecutionTests(App app) => _client = app.Server.Client();

    /// <summary>The app with its default settings (Jint the default engine).</summary>
    public sealed class App : IDisposable
    {
        public ScriptRunnerApp Server { get; } = new();

        public void Dispose() => Server.Dispose();
    }

    private Task<ApiResponse> PostOnV8(string body)
    {
        var request = JsonNode.Parse(body)!.AsObject();
        request["engine"] = "v8";
        return ScriptRunnerApp.PostRawAsync(_client, request.ToJsonString());
    }

    private Task<ApiResponse> RunOnV8(string code, int timeoutMs = 2000) =>
        PostOnV8(new JsonObject { ["code"] = code, ["timeout"] = timeoutMs }.ToJsonString());

    [Fact]
    public async Task Seed000_ExecuteFunctionExample_AnswersAsDocumented()
    {
        var response = await PostOnV8(JavaScriptExecutionTests.SeedExecuteFunctionBody);
        Assert.True(response.Success, response.Error);
        Assert.Equal("{\"statusCode\":200,\"headers\":{},\"body\":\"OK\"}", response.Result!.ToJsonString(JsHarness.Relaxed));
        Assert.Equal("v8", response.Metadata["engine"]!.GetValue<string>());
    }

    [Fact]
    public async Task Seed000_TestingExample_AnswersAsDocumented()
    {
        var response = await PostOnV8(JavaScriptExecutionTests.SeedTestingBody);
        Assert.True(response.Success, response.Error);
        Assert.Equal("{\"statusCode\":200,\"headers\":{},\"body\":\"{\\\"message\\\":\\\"Hello World\\\"}\"}", response.Result!.ToJsonString(JsHarness.Relaxed));
        Assert.Equal("v8", response.Metadata["engine"]!.GetValue<string>());
    }

    [Fact]
    public async Task InfiniteLoop_IsTimeout_AndTheServiceAnswersNext()
    {
        var response = await RunOnV8("console.log('before'); for (;;) {}", 1000);
        Assert.Equal(ErrorTypes.Timeout, response.ErrorType);
        Assert.Equal("execution timed out after 1000 ms", response.Error);
        Assert.Equal("before\n", response.Stdout);
        await AnswersNext();
    }

    [Fact]
    public async Task CatastrophicRegex_IsTimeout_AndTheServiceAnswersNext()
    {
        var response = await RunOnV8("/^(a+)+$/.test('a'.repeat(40) + 'b')", 1000);
        Assert.Equal(ErrorTypes.Timeout, response.ErrorType);
        Assert.Equal("execution timed out after 1000 ms", response.Error);
        await AnswersNext();
    }

    [Fact]
    public async Task DeepRecursion_IsRuntimeRangeError_AndTheServiceAnswersNext()
    {
        var response = await RunOnV8("function down(n) { return down(n + 1) + 1; } down(0)");
        Assert.Equal(ErrorTypes.RuntimeError, response.ErrorType);
        Assert.Equal("RangeError: Maximum call stack size exceeded", response.Error);
        await AnswersNext();
    }

    [Theory]
    [InlineData("(0, eval)('1')", "TypeError: eval is not allowed")]
    [InlineData("[].map.constructor('return 1')()", "TypeError: the Function constructor is not allowed")]
    [InlineData("Object.getPrototypeOf(async function () {}).constructor('return 1')", "TypeError: the AsyncFunction constructor is not allowed")]
    public async Task EvalInDisguise_IsRefused(string code, string message)
    {
        var response = await RunOnV8(code);
        Assert.Equal(ErrorTypes.RuntimeError, response.ErrorType);
        Assert.Equal(message, response.Error);
    }

    private async Task AnswersNext()
    {
        var next = await RunOnV8("6 * 7");
        Assert.True(next.Success, next.Error);
        Assert.Equal("42", next.Result!.ToJsonString());
    }
}
