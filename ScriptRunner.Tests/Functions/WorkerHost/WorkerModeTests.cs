using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using ScriptRunner.Tests.Functions.WorkerHost.Protocol;

namespace ScriptRunner.Tests.Functions.WorkerHost;

/// <summary>
/// The built app as an isolated worker under a double of the Functions host: it connects over gRPC, indexes both
/// functions itself, and serves real invocations over the host-to-worker HTTP path.
/// </summary>
public sealed class WorkerModeTests(WorkerSession session) : IClassFixture<WorkerSession>
{
    [Fact]
    public void Worker_ConnectsWithTheIdTheHostGaveIt() => Assert.Equal(session.WorkerId, session.Connection.WorkerId);

    [Fact]
    public void Init_SucceedsAndAnnouncesTheWorkersHttpServerOnLoopback()
    {
        Assert.Equal(StatusResult.Types.Status.Success, session.Init.Result.Status);
        Assert.Equal("http", session.HttpUri.Scheme);
        Assert.True(session.HttpUri.IsLoopback, session.HttpUri.AbsoluteUri);
    }

    [Fact]
    public void Indexing_ReportsExactlyExecuteAndHealth_FromTheWorkerItself()
    {
        Assert.Equal(StatusResult.Types.Status.Success, session.Index.Result.Status);
        Assert.False(session.Index.UseDefaultMetadataIndexing);
        Assert.Equal(["execute", "health"], session.Index.FunctionMetadataResults.Select(f => f.Name).Order());
        Assert.All(session.Index.FunctionMetadataResults, f =>
        {
            Assert.Equal("dotnet-isolated", f.Language);
            Assert.Equal("ScriptRunner.Functions.dll", f.ScriptFile);
            Assert.False(string.IsNullOrEmpty(f.FunctionId));
        });
    }

    [Theory]
    [InlineData("execute", "ScriptRunner.Functions.Handlers.ExecuteFunction.RunAsync")]
    [InlineData("health", "ScriptRunner.Functions.Handlers.HealthFunction.Run")]
    public void Indexing_PointsEachFunctionAtItsHandler(string name, string entryPoint) =>
        Assert.Equal(entryPoint, session.Function(name).EntryPoint);

    [Theory]
    [InlineData("execute", "post", "Function")]
    [InlineData("health", "get", "Anonymous")]
    public void Indexing_DeclaresTheHttpTriggerTheHostRoutes(string name, string method, string authLevel)
    {
        var function = session.Function(name);
        var trigger = function.RawBindings.Select(b => JsonNode.Parse(b)!.AsObject()).Single(b => (string?)b["type"] == "httpTrigger");

        Assert.Equal(name, (string?)trigger["route"]);
        Assert.Equal(authLevel, (string?)trigger["authLevel"]);
        Assert.Equal([method], trigger["methods"]!.AsArray().Select(m => (string?)m));
        Assert.Equal(BindingInfo.Types.Direction.In, function.Bindings["request"].Direction);
        Assert.Equal("http", function.Bindings["$return"].Type);
        Assert.Equal(BindingInfo.Types.Direction.Out, function.Bindings["$return"].Direction);
    }

    [Fact]
    public void EveryIndexedFunction_Loads() =>
        Assert.All(session.Loads.Values, load => Assert.Equal(StatusResult.Types.Status.Success, load.Result.Status));

    [Fact]
    public async Task HealthInvocation_AnswersOverTheProxiedHttpPath()
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(session.HttpUri, "api/health"));
            var (http, invocation) = await session.Connection.InvokeHttpAsync(session.Proxy, session.Function("health").FunctionId, request, WorkerSession.Timeout);
            using (http)
            {
                Assert.True(http.StatusCode == HttpStatusCode.OK, session.Diagnostics(invocation));
                var body = await http.Content.ReadFromJsonAsync<JsonObject>();
                // The sandbox pool warms up in the background after the worker starts: degraded until then.
                if ((string?)body!["status"] == "degraded" && waited.Elapsed < TimeSpan.FromSeconds(60)) { await Task.Delay(50); continue; }
                Assert.Equal("healthy", (string?)body!["status"]);
                Assert.EndsWith("Z", (string?)body["timestamp"]);
            }
            Assert.Equal(StatusResult.Types.Status.Success, invocation.Result.Status);
            return;
        }
    }

    [Fact]
    public async Task ExecuteInvocation_RunsTheScriptAndAnswersWithItsResult()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(session.HttpUri, "api/execute"))
        {
            Content = new StringContent("""{"code": "console.log('from the worker'); 6 * 7"}""", Encoding.UTF8, "application/json"),
        };

        var (http, invocation) = await session.Connection.InvokeHttpAsync(session.Proxy, session.Function("execute").FunctionId, request, WorkerSession.Timeout);

        using (http)
        {
            Assert.Equal(HttpStatusCode.OK, http.StatusCode);
            var response = await ApiResponse.ReadAsync(http);
            Assert.True(response.Success, response.Error);
            Assert.Equal(42, response.Result!.GetValue<int>());
            Assert.Equal("from the worker\n", response.Stdout);
            Assert.Equal("javascript", (string?)response.Metadata["codeType"]);
        }
        Assert.Equal(StatusResult.Types.Status.Success, invocation.Result.Status);
    }

    [Fact]
    public async Task ExecuteInvocation_WithAnInvalidBody_Answers400WithTheResultShape()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(session.HttpUri, "api/execute"))
        {
            Content = new StringContent("""{"code": "1", "url": "https://example.com/a.js"}""", Encoding.UTF8, "application/json"),
        };

        var (http, invocation) = await session.Connection.InvokeHttpAsync(session.Proxy, session.Function("execute").FunctionId, request, WorkerSession.Timeout);

        using (http)
        {
            Assert.Equal(HttpStatusCode.BadRequest, http.StatusCode);
            var response = await ApiResponse.ReadAsync(http);
            Assert.Equal("InvalidRequest", response.ErrorType);
        }
        Assert.Equal(StatusResult.Types.Status.Success, invocation.Result.Status);
    }
}
