using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace ScriptRunner.Tests.Functions;

public sealed class HealthEndpointTests
{
    [Fact]
    public async Task Health_AnswersHealthyWithUtcTimestampAndVersion()
    {
        await using var app = new ScriptRunnerApp();
        using var client = app.Client();

        await SandboxHealth.WaitHealthyAsync(client);
        using var response = await client.GetAsync("/api/health");
        var body = await response.Content.ReadFromJsonAsync<JsonObject>();

        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("healthy", body!["status"]!.GetValue<string>());
        var timestamp = body["timestamp"]!.GetValue<string>();
        Assert.EndsWith("Z", timestamp);
        var parsed = DateTimeOffset.Parse(timestamp, CultureInfo.InvariantCulture);
        Assert.InRange(parsed, DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddMinutes(5));
        Assert.False(string.IsNullOrWhiteSpace(body["version"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Health_IsServedOverRealLoopbackSockets()
    {
        await using var app = new ScriptRunnerApp();
        using var client = app.Client();

        Assert.Equal("127.0.0.1", client.BaseAddress!.Host);
        Assert.NotEqual(7071, client.BaseAddress.Port);
        using var response = await client.GetAsync("/api/health");
        Assert.Equal(200, (int)response.StatusCode);
    }
}
