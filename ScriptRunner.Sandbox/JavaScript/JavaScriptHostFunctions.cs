using System.Diagnostics;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using ScriptRunner.Core.Hosting;
using ScriptRunner.Sandbox.JavaScript.Crypto;

namespace ScriptRunner.Sandbox.JavaScript;

/// <summary>
/// The few host functions the prelude is built on, the same for every engine: output, logs, clocks, random bytes
/// and a synchronous fetch that takes and returns JSON text. An engine adapter exposes each as a plain function.
/// </summary>
internal sealed class JavaScriptHostFunctions(HostBindings host, CancellationToken deadline, long memoryLimitBytes = 0)
{
    private readonly long _started = Stopwatch.GetTimestamp();
    private SubtleCryptoHost? _subtle;

    /// <summary><c>crypto.subtle</c>'s host side and this execution's keys, made on first use.</summary>
    public SubtleCryptoHost Subtle => _subtle ??= new SubtleCryptoHost(memoryLimitBytes, deadline);

    /// <summary>Writes text to <c>stdout</c> or <c>stderr</c>.</summary>
    public void Write(string stream, string text)
    {
        if (stream == "stderr") host.Output.WriteStderr(text);
        else host.Output.WriteStdout(text);
    }

    /// <summary>Records an <c>app_log</c> entry.</summary>
    public void Log(string level, string message) => host.Output.Log(level, message);

    /// <summary>Milliseconds since the execution started, from a monotonic clock (timers run on it).</summary>
    public double Now() => Stopwatch.GetElapsedTime(_started).TotalMilliseconds;

    /// <summary>Seconds since the Unix epoch, from the host clock.</summary>
    public double UnixTime() => host.UnixTime();

    /// <summary><paramref name="count"/> cryptographically random bytes as lowercase hex (at most 65,536).</summary>
    public string RandomBytes(int count) => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(Math.Clamp(count, 0, 65536)));

    /// <summary>
    /// Sends a request given as JSON <c>{url, method, headers, body}</c> through the execution's fetch policy and
    /// answers JSON: <c>{ok: true, status, statusText, headers, body, url, redirected}</c> or <c>{ok: false, error, code}</c>.
    /// A fetch cut short by the deadline throws <see cref="OperationCanceledException"/>, which ends the run; one cut
    /// short by its own <c>timeoutMs</c> (an <c>AbortSignal.timeout</c>) answers <c>{ok: false, code: "Aborted"}</c>.
    /// </summary>
    public string Fetch(string requestJson)
    {
        var request = ParseRequest(requestJson);
        using var abort = FetchAbortTimeout.Start(requestJson, deadline);
        SandboxFetchResponse response;
        try
        {
            response = host.Fetcher.Send(request, abort.Token);
        }
        catch (Exception) when (deadline.IsCancellationRequested)
        {
            throw new OperationCanceledException(deadline);
        }
        catch (Exception) when (abort.Fired)
        {
            return FetchAbortTimeout.AbortedJson;
        }
        catch (SandboxFetchException e)
        {
            return new JsonObject { ["ok"] = false, ["error"] = e.Message, ["code"] = e.Error.ToString() }.ToJsonString();
        }

        var headers = new JsonObject();
        foreach (var (name, value) in response.Headers) headers[name.ToLowerInvariant()] = value;
        return new JsonObject
        {
            ["ok"] = true,
            ["status"] = response.Status,
            ["statusText"] = response.StatusText,
            ["headers"] = headers,
            ["body"] = response.Body,
            ["url"] = response.FinalUrl ?? request.Url,
            ["redirected"] = response.Redirected,
        }.ToJsonString();
    }

    private static SandboxFetchRequest ParseRequest(string json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (root.TryGetProperty("headers", out var given) && given.ValueKind == JsonValueKind.Object)
        {
            foreach (var header in given.EnumerateObject()) headers[header.Name] = header.Value.GetString() ?? "";
        }

        var body = root.TryGetProperty("body", out var b) && b.ValueKind == JsonValueKind.String ? b.GetString() : null;
        // A body that is not UTF-8 text (a binary file in a form, a blob) comes as base64, and is sent byte for byte.
        var bytes = root.TryGetProperty("bodyBase64", out var raw) && raw.ValueKind == JsonValueKind.String && raw.TryGetBytesFromBase64(out var decoded) ? decoded : null;
        return new SandboxFetchRequest(root.GetProperty("url").GetString() ?? "", root.GetProperty("method").GetString() ?? "GET", headers, body) { BodyBytes = bytes };
    }
}
