using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;

namespace ScriptRunner.Tests.Functions;

/// <summary>
/// The built app started without a host, as <c>dotnet ScriptRunner.Functions.dll</c>, on the port named by
/// <c>PORT</c>: it serves the Functions paths and the root paths over real HTTP.
/// </summary>
public sealed class StandaloneModeTests : IAsyncLifetime
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
    private readonly int _port = BuiltApp.FreePort();
    private readonly HttpClient _client = new() { Timeout = TimeSpan.FromSeconds(30) };
    private BuiltApp _app = null!;

    public async Task InitializeAsync()
    {
        _app = BuiltApp.Start([], new Dictionary<string, string> { ["PORT"] = _port.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        using var _ = await _app.WaitForAsync(_client, $"http://127.0.0.1:{_port}/api/health", StartTimeout);
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _app.DisposeAsync();
    }

    [Theory]
    [InlineData("/api/health")]
    [InlineData("/health")]
    public async Task Health_AnswersHealthyOnBothPaths(string path)
    {
        HttpResponseMessage response;
        JsonObject? body;
        var waited = System.Diagnostics.Stopwatch.StartNew();
        // The sandbox pool warms up in the background after the app starts listening: degraded until then.
        while (true)
        {
            response = await _client.GetAsync($"http://127.0.0.1:{_port}{path}");
            body = await response.Content.ReadFromJsonAsync<JsonObject>();
            if ((string?)body!["status"] != "degraded" || waited.Elapsed > TimeSpan.FromSeconds(60)) break;
            response.Dispose();
            await Task.Delay(20);
        }
        using var _ = response;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("healthy", (string?)body!["status"]);
        Assert.False(string.IsNullOrEmpty((string?)body["version"]));
    }

    [Theory]
    [InlineData("/api/execute")]
    [InlineData("/execute")]
    public async Task Execute_CallsTheHandlerWithTheRequestOnBothPaths(string path)
    {
        const string Request = """
            {"code": "function handle(req) { return { statusCode: 200, body: JSON.stringify({ message: 'Hello ' + req.method }) }; }",
             "handler": "handle",
             "request": {"method": "POST", "url": "/hello", "headers": {}, "body": ""}}
            """;
        using var content = new StringContent(Request, Encoding.UTF8, "application/json");
        using var http = await _client.PostAsync($"http://127.0.0.1:{_port}{path}", content);
        var response = await ApiResponse.ReadAsync(http);

        Assert.Equal(200, response.StatusCode);
        Assert.True(response.Success, response.Error);
        Assert.Equal(200, response.Result!["statusCode"]!.GetValue<int>());
        Assert.Equal("""{"message":"Hello POST"}""", response.Result["body"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("GET", "/api/execute", HttpStatusCode.MethodNotAllowed)]
    [InlineData("POST", "/api/health", HttpStatusCode.MethodNotAllowed)]
    [InlineData("GET", "/api/other", HttpStatusCode.NotFound)]
    public async Task OtherMethodsAndPaths_AreRefused(string method, string path, HttpStatusCode expected)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), $"http://127.0.0.1:{_port}{path}");
        using var response = await _client.SendAsync(request);

        Assert.Equal(expected, response.StatusCode);
    }

    [Fact]
    public async Task OnlyLoopbackIsBound()
    {
        var outside = System.Net.NetworkInformation.NetworkInterface.GetAllNetworkInterfaces()
            .SelectMany(n => n.GetIPProperties().UnicastAddresses)
            .Select(a => a.Address)
            .FirstOrDefault(a => a.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork && !IPAddress.IsLoopback(a));
        if (outside is null) return; // a machine with only loopback has nothing to check

        await Assert.ThrowsAsync<HttpRequestException>(() => _client.GetAsync($"http://{outside}:{_port}/api/health"));
    }
}
