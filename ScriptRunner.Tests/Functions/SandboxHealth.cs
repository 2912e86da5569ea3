using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace ScriptRunner.Tests.Functions;

/// <summary>Waits for the sandbox pool of a just-started app: it warms up in the background while the app already listens.</summary>
internal static class SandboxHealth
{
    public static async Task<JsonObject> WaitHealthyAsync(HttpClient client, int ready = 1)
    {
        var waited = Stopwatch.StartNew();
        while (true)
        {
            using var response = await client.GetAsync("/api/health");
            var body = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
            if (body["status"]!.GetValue<string>() == "healthy" && body["pool"]!["ready"]!.GetValue<int>() >= ready) return body;
            if (waited.Elapsed > TimeSpan.FromSeconds(60)) throw new TimeoutException($"the sandbox pool did not become healthy: {body.ToJsonString()}");
            await Task.Delay(20);
        }
    }
}
