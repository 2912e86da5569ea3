using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace ScriptRunner.Tests.Functions;

/// <summary>The process wall as a caller meets it over HTTP: health reports the pool, answers stay inside their caps.</summary>
public sealed class SandboxWallEndToEndTests
{
    [Fact]
    public async Task Health_ReportsThePool()
    {
        await using var app = new ScriptRunnerApp(("ScriptRunner:Limits:MaxConcurrentExecutions", "2"));
        using var client = app.Client();

        var body = await SandboxHealth.WaitHealthyAsync(client, ready: 2);

        var pool = body["pool"]!.AsObject();
        Assert.Equal((2, 2, 0), (pool["size"]!.GetValue<int>(), pool["ready"]!.GetValue<int>(), pool["busy"]!.GetValue<int>()));
    }

    [Fact]
    public async Task Health_IsDegraded_WhileNoSandboxIsFree()
    {
        await using var app = new ScriptRunnerApp(("ScriptRunner:Limits:MaxConcurrentExecutions", "1"));
        using var client = app.Client();
        await SandboxHealth.WaitHealthyAsync(client);

        var busy = ScriptRunnerApp.PostAsync(client, new { code = "var n = 0; while (true) n++;", timeout = 3000 });
        JsonObject? seen = null;
        for (var i = 0; i < 200 && seen is null; i++)
        {
            using var response = await client.GetAsync("/api/health");
            var body = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
            if (body["status"]!.GetValue<string>() == "degraded") seen = body;
            else await Task.Delay(10);
        }
        await busy;

        Assert.NotNull(seen);
        Assert.Equal(1, seen["pool"]!["busy"]!.GetValue<int>());
    }

    [Fact]
    public async Task Health_IsUnhealthyWith503_WhenSandboxesCannotStart()
    {
        await using var app = new ScriptRunnerApp(("ScriptRunner:Sandbox:ExecutablePath", "/bin/false"), ("ScriptRunner:Limits:MaxConcurrentExecutions", "1"));
        using var client = app.Client();

        HttpResponseMessage? response = null;
        for (var i = 0; i < 300; i++)
        {
            response?.Dispose();
            response = await client.GetAsync("/api/health");
            if ((int)response.StatusCode == 503) break;
            await Task.Delay(20);
        }
        var body = await response!.Content.ReadFromJsonAsync<JsonObject>();
        var execute = await ScriptRunnerApp.PostAsync(client, new { code = "1", timeout = 300 });

        Assert.Equal(503, (int)response.StatusCode);
        Assert.Equal("unhealthy", body!["status"]!.GetValue<string>());
        Assert.Equal((503, "Capacity", "No sandbox process could be started."), (execute.StatusCode, execute.ErrorType, execute.Error));
        response.Dispose();
    }

    [Fact]
    public async Task Answer_StaysUnderItsCaps_WhateverTheScriptPrints()
    {
        const int cap = 4096;
        await using var app = new ScriptRunnerApp(("ScriptRunner:Output:MaxStdoutBytes", cap.ToString()), ("ScriptRunner:Output:MaxStderrBytes", cap.ToString()));
        using var client = app.Client();

        using var content = new StringContent(
            """{"code": "var s = '\u0001\u0002<>&\u00e9'; for (var i = 0; i < 12; i++) s += s; for (var j = 0; j < 50; j++) { console.log(s); console.error(s); } 1"}""",
            System.Text.Encoding.UTF8, "application/json");
        using var response = await client.PostAsync("/api/execute", content);
        var raw = await response.Content.ReadAsByteArrayAsync();
        var body = JsonNode.Parse(raw)!.AsObject();

        Assert.True(body["metadata"]!["truncated"]!["stdout"]!.GetValue<bool>());
        Assert.True(body["metadata"]!["truncated"]!["stderr"]!.GetValue<bool>());
        Assert.InRange(raw.Length, 2 * cap - 12, 2 * cap + 2048);
    }

    [Fact]
    public async Task LoneSurrogate_InAResult_IsReplaced_NotAHostError()
    {
        await using var app = new ScriptRunnerApp();
        using var client = app.Client();

        var response = await ScriptRunnerApp.PostAsync(client, new { code = "console.log('\\ud800'); 'a\\ud800b'" });

        Assert.True(response.Success, response.Error);
        Assert.Equal("a\uFFFDb", response.Result!.GetValue<string>());
        Assert.Equal("\uFFFD\n", response.Stdout);
    }
}
