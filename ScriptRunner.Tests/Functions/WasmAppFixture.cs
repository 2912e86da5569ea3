using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc.Testing;
using ScriptRunner.Tests.Support;

namespace ScriptRunner.Tests.Functions;

/// <summary>
/// The real HTTP app twice, for Wasm end-to-end tests: one allowing downloads and sandbox fetches to private
/// addresses (so the loopback server is reachable), one with the default policy that refuses them. Plus a loopback
/// server to download code from and fetch against.
/// </summary>
public sealed class WasmAppFixture : IDisposable
{
    private readonly WebApplicationFactory<Program> _open;
    private readonly WebApplicationFactory<Program> _strict;

    public WasmAppFixture()
    {
        _open = new WebApplicationFactory<Program>().WithWebHostBuilder(builder => builder
            .UseSetting("ScriptRunner:Download:AllowPrivateNetworks", "true")
            .UseSetting("ScriptRunner:SandboxFetch:AllowPrivateNetworks", "true")
            .UseSetting("ScriptRunner:SandboxFetch:TimeoutMs", "1500")
            .UseSetting("ScriptRunner:Output:MaxStdoutBytes", "65536"));
        _strict = new WebApplicationFactory<Program>();
        Open = _open.CreateClient();
        Strict = _strict.CreateClient();
    }

    /// <summary>The app that may reach the loopback server.</summary>
    public HttpClient Open { get; }

    /// <summary>The app with the default network policy.</summary>
    public HttpClient Strict { get; }

    public LoopbackServer Server { get; } = new();

    /// <summary>POSTs <paramref name="body"/> to /api/execute and returns the status and the parsed response.</summary>
    public static async Task<(HttpStatusCode Status, JsonNode Body)> ExecuteAsync(HttpClient client, object body)
    {
        using var response = await client.PostAsJsonAsync("/api/execute", body);
        var json = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        return (response.StatusCode, json);
    }

    public void Dispose()
    {
        Open.Dispose();
        Strict.Dispose();
        _open.Dispose();
        _strict.Dispose();
        Server.Dispose();
    }
}
