using System.Net;
using System.Text.Json.Nodes;
using ScriptRunner.Tests.Support;

namespace ScriptRunner.Tests.Functions;

/// <summary>
/// The real app twice over real sockets, for Wasm end-to-end tests: one allowing downloads and sandbox fetches to
/// private addresses (so the loopback server is reachable, with a short fetch timeout and a 64 KiB stdout cap), one
/// with the default policy that refuses them. Plus a loopback server to download code from and fetch against.
/// </summary>
public sealed class WasmAppFixture : IDisposable
{
    private readonly ScriptRunnerApp _open = new(
        ("ScriptRunner:Download:AllowPrivateNetworks", "true"),
        ("ScriptRunner:SandboxFetch:AllowPrivateNetworks", "true"),
        ("ScriptRunner:SandboxFetch:TimeoutMs", "1500"),
        ("ScriptRunner:Output:MaxStdoutBytes", "65536"),
        InProcessDeadline);

    private readonly ScriptRunnerApp _strict = new(InProcessDeadline);

    // Wasmtime's own epoch check gives the graceful Timeout these tests assert; the process wall stays behind it.
    private static readonly (string, string) InProcessDeadline = ("ScriptRunner:Wasm:WasmtimeInterrupt", "epoch");

    public WasmAppFixture()
    {
        Open = _open.Client();
        Strict = _strict.Client();
    }

    /// <summary>The app that may reach the loopback server.</summary>
    public HttpClient Open { get; }

    /// <summary>The app with the default network policy.</summary>
    public HttpClient Strict { get; }

    public LoopbackServer Server { get; } = new();

    /// <summary>POSTs <paramref name="body"/> to /api/execute and returns the status and the parsed response.</summary>
    public static async Task<(HttpStatusCode Status, JsonNode Body)> ExecuteAsync(HttpClient client, object body)
    {
        var response = await ScriptRunnerApp.PostAsync(client, body);
        return ((HttpStatusCode)response.StatusCode, response.Body);
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
