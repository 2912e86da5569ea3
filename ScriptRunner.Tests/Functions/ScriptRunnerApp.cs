using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Logging;

namespace ScriptRunner.Tests.Functions;

/// <summary>
/// The real app (Program) served by Kestrel on 127.0.0.1 with an ephemeral port, with ScriptRunner settings
/// overridden per test; requests go over real sockets.
/// </summary>
public sealed class ScriptRunnerApp : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> _settings;

    public ScriptRunnerApp(params (string Key, string Value)[] settings)
    {
        _settings = settings.ToDictionary(s => s.Key.Replace("__", ":", StringComparison.Ordinal), s => (string?)s.Value);
        // A spare process per test app would only add start-up work; tests that want one ask for it.
        _settings.TryAdd("ScriptRunner:Sandbox:SpareProcesses", "0");
        // An explicit listener rather than UseKestrel(0): the port overload edits the server addresses after the app
        // has started binding, which races.
        UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        foreach (var (key, value) in _settings) builder.UseSetting(key, value);
        builder.ConfigureLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
    }

    /// <summary>
    /// A client for the running server, once a sandbox is ready (or the pool reports it cannot start one): a request's
    /// wait for a sandbox counts against its own deadline, so tests start from a warm pool, as a deployed app does.
    /// </summary>
    public HttpClient Client()
    {
        var client = CreateClient();
        client.Timeout = TimeSpan.FromSeconds(60);
        Support.Eventually.True(() => Warm(client), "a sandbox ready to serve", TimeSpan.FromSeconds(60)).GetAwaiter().GetResult();
        return client;
    }

    private static bool Warm(HttpClient client)
    {
        using var response = client.GetAsync("/api/health").GetAwaiter().GetResult();
        var health = JsonNode.Parse(response.Content.ReadAsStringAsync().GetAwaiter().GetResult())!;
        return (string?)health["status"] == "unhealthy" || health["pool"] is null || (int)health["pool"]!["ready"]! > 0;
    }

    /// <summary>POSTs <paramref name="json"/> (raw text) to /api/execute.</summary>
    public static async Task<ApiResponse> PostRawAsync(HttpClient client, string json, CancellationToken cancellationToken = default)
    {
        using var content = new StringContent(json, Encoding.UTF8, "application/json");
        using var response = await client.PostAsync("/api/execute", content, cancellationToken);
        return await ApiResponse.ReadAsync(response, cancellationToken);
    }

    /// <summary>POSTs <paramref name="request"/> serialised as camelCase JSON to /api/execute.</summary>
    public static Task<ApiResponse> PostAsync(HttpClient client, object request, CancellationToken cancellationToken = default) =>
        PostRawAsync(client, JsonSerializer.Serialize(request, JsonSerializerOptions.Web), cancellationToken);
}

/// <summary>A response of the API: status, headers and the parsed JSON body.</summary>
public sealed record ApiResponse(int StatusCode, JsonObject Body, IReadOnlyDictionary<string, string> Headers)
{
    public bool Success => Body["success"]!.GetValue<bool>();
    public string? ErrorType => Body["errorType"]?.GetValue<string>();
    public string? Error => Body["error"]?.GetValue<string>();
    public string Stdout => Body["stdout"]!.GetValue<string>();
    public string Stderr => Body["stderr"]!.GetValue<string>();
    public JsonNode? Result => Body["result"];
    public JsonObject Metadata => Body["metadata"]!.AsObject();

    public static async Task<ApiResponse> ReadAsync(HttpResponseMessage response, CancellationToken cancellationToken = default)
    {
        var body = await response.Content.ReadFromJsonAsync<JsonObject>(cancellationToken)
            ?? throw new InvalidOperationException("empty response body");
        var headers = response.Headers.Concat(response.Content.Headers)
            .ToDictionary(h => h.Key, h => string.Join(",", h.Value), StringComparer.OrdinalIgnoreCase);
        if (body["success"]?.GetValue<bool>() != true)
        {
            Support.AnswerScan.AssertNoDotNetNames(body["error"]?.GetValue<string>());
            Support.AnswerScan.AssertNoDotNetNames(body["stack"]?.GetValue<string>());
        }

        return new ApiResponse((int)response.StatusCode, body, headers);
    }
}
