using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Moq;
using ScriptRunner.Core.Model;
using ScriptRunner.Core.Sandboxing;
using ScriptRunner.Functions.Handlers;
using ScriptRunner.Functions.Hosting;

namespace ScriptRunner.Tests.Functions;

/// <summary>
/// The <c>[Function]</c> methods called directly, as the worker calls them: an ASP.NET Core request and a
/// <see cref="FunctionContext"/>, with the app's real services behind them.
/// </summary>
public sealed class FunctionHandlerTests : IDisposable
{
    private readonly ServiceProvider _services = new ServiceCollection()
        .AddLogging()
        .AddScriptRunnerApp(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ScriptRunner:Limits:MaxRequestBodyBytes"] = "1024",
        }).Build(), HostingMode.Worker)
        .BuildServiceProvider();

    public void Dispose() => _services.Dispose();

    private T Activate<T>() => ActivatorUtilities.CreateInstance<T>(_services);

    private DefaultHttpContext Request(string method, string body)
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        var http = new DefaultHttpContext { RequestServices = _services };
        http.Request.Method = method;
        http.Request.ContentType = "application/json";
        http.Request.ContentLength = bytes.Length;
        http.Request.Body = new MemoryStream(bytes);
        http.Response.Body = new MemoryStream();
        return http;
    }

    private static Mock<FunctionContext> Invocation(CancellationToken cancellationToken = default)
    {
        var context = new Mock<FunctionContext>();
        context.SetupGet(c => c.InvocationId).Returns(Guid.NewGuid().ToString());
        context.SetupGet(c => c.CancellationToken).Returns(cancellationToken);
        return context;
    }

    private async Task<JsonHttpResult<ExecutionResult>> ExecuteAsync(string body, CancellationToken cancellationToken = default)
    {
        var http = Request("POST", body);
        var result = await Activate<ExecuteFunction>().RunAsync(http.Request, Invocation(cancellationToken).Object);
        return Assert.IsType<JsonHttpResult<ExecutionResult>>(result);
    }

    [Fact]
    public async Task Execute_RunsTheScript_And200CarriesItsResult()
    {
        var result = await ExecuteAsync("""{"code": "console.log('hi'); 6 * 7"}""");

        Assert.Equal(200, result.StatusCode);
        Assert.True(result.Value!.Success, result.Value.Error);
        Assert.Equal(42, result.Value.Result!.GetValue<int>());
        Assert.Equal("hi\n", result.Value.Stdout);
        Assert.Equal("jint", result.Value.Metadata.Engine);
    }

    [Fact]
    public async Task Execute_MalformedJson_Is400NamingWhereItBreaks()
    {
        var result = await ExecuteAsync("""{"code": """);

        Assert.Equal(400, result.StatusCode);
        Assert.Equal(ErrorTypes.InvalidRequest, result.Value!.ErrorType);
        Assert.StartsWith("The request body is not valid JSON (line 1", result.Value.Error);
    }

    [Fact]
    public async Task Execute_BodyOverTheLimit_Is413()
    {
        var result = await ExecuteAsync($$"""{"code": "'{{new string('x', 2000)}}'"}""");

        Assert.Equal(413, result.StatusCode);
        Assert.Equal(ErrorTypes.PayloadTooLarge, result.Value!.ErrorType);
        Assert.Equal("The request body is larger than 1024 bytes.", result.Value.Error);
    }

    [Fact]
    public async Task Execute_CancelledByTheHost_EndsTheRunEarlyAsAHostError()
    {
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));

        var result = await ExecuteAsync("""{"code": "while (true) {}", "timeout": 20000}""", cancel.Token);

        Assert.Equal(200, result.StatusCode);
        Assert.Equal(ErrorTypes.HostError, result.Value!.ErrorType);
        Assert.Equal("The request was cancelled before the execution finished.", result.Value.Error);
        Assert.True(result.Value.Duration < 20000, $"ran {result.Value.Duration} ms");
    }

    [Fact]
    public async Task Execute_ResultWritesTheApiJsonToTheResponse()
    {
        var http = Request("POST", """{"code": "1 + 1"}""");
        var result = await Activate<ExecuteFunction>().RunAsync(http.Request, Invocation().Object);

        await result.ExecuteAsync(http);

        Assert.Equal(200, http.Response.StatusCode);
        Assert.StartsWith("application/json", http.Response.ContentType);
        var body = JsonNode.Parse(((MemoryStream)http.Response.Body).ToArray())!.AsObject();
        Assert.Equal("success", (string?)body["status"]);
        Assert.Equal(2, (int?)body["result"]);
        Assert.EndsWith("Z", (string?)body["metadata"]!["timestamp"]);
    }

    [Fact]
    public async Task Health_IsHealthyWithVersionAndThePool_OnceASandboxIsReady()
    {
        await _services.GetRequiredService<SandboxPool>().WaitReadyAsync(1, TimeSpan.FromSeconds(60));
        var http = Request("GET", "");
        var result = Assert.IsType<JsonHttpResult<HealthReport>>(Activate<HealthFunction>().Run(http.Request, Invocation().Object));

        Assert.Equal(200, result.StatusCode);
        Assert.Equal("healthy", result.Value!.Status);
        Assert.False(string.IsNullOrEmpty(result.Value.Version));
        Assert.True(result.Value.Pool!.Ready >= 1);
    }

    [Theory]
    [InlineData("healthy", 200)]
    [InlineData("degraded", 200)]
    [InlineData("unhealthy", 503)]
    public void HealthReport_IsServedWith503OnlyWhenUnhealthy(string status, int statusCode) =>
        Assert.Equal(statusCode, new HealthReport(status, DateTimeOffset.UnixEpoch, "1.0.0").StatusCode);
}
