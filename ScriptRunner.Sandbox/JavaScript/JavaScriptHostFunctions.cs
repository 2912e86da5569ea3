using System.Diagnostics;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using ScriptRunner.Core.Hosting;
using ScriptRunner.Sandbox.JavaScript.Crypto;
using ScriptRunner.Sandbox.JavaScript.Streams;

namespace ScriptRunner.Sandbox.JavaScript;

/// <summary>
/// The few host functions the prelude is built on, the same for every engine: output, logs, clocks, random bytes
/// and a synchronous fetch that takes and returns JSON text. An engine adapter exposes each as a plain function.
/// </summary>
internal sealed class JavaScriptHostFunctions(HostBindings host, CancellationToken deadline, long memoryLimitBytes = 0) : IDisposable
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

    // Streams (see Streams/): compression codecs, UTF-8 decoding and the streamed result body.
    private StreamCodecs? _codecs;

    /// <summary>The execution's memory cap, which compression output counts against.</summary>
    public long MemoryLimitBytes => memoryLimitBytes;

    /// <summary>Called once compression output passes the memory cap (V8 interrupts the script with it).</summary>
    public Action? OnMemoryLimit { get; set; }

    /// <summary>True once compression output passed the memory cap: the run ends as a memory-limit outcome.</summary>
    public bool MemoryLimitExceeded => _codecs?.LimitExceeded == true;

    /// <summary>The execution's compression codecs, made on first use.</summary>
    public StreamCodecs Codecs => _codecs ??= new StreamCodecs(MemoryLimitBytes) { OnLimitExceeded = OnMemoryLimit };

    /// <summary>The text of UTF-8 bytes, or null when <paramref name="fatal"/> and they are not valid UTF-8.</summary>
    public string? Utf8Decode(ReadOnlySpan<byte> bytes, bool fatal) => Utf8Text.Decode(bytes, fatal);

    /// <summary>The UTF-8 bytes of <paramref name="text"/> (lone surrogates become U+FFFD, as TextEncoder says).</summary>
    public byte[] Utf8Encode(string text) => System.Text.Encoding.UTF8.GetBytes(text);

    /// <summary>The output cap a result shares (JSON bytes): a streamed result body is collected under it.</summary>
    public int ResultCapBytes => host.Output.MaxStdoutBytes;

    /// <summary>How many chars of a streamed result body fit the output cap beside the rest of the result.</summary>
    public int ResultBodyFit(string body, string envelopeJson) => Utf8Text.FittingLength(body, envelopeJson, host.Output.MaxStdoutBytes);

    /// <summary>Frees the codecs a script left open.</summary>
    public void Dispose() => _codecs?.Dispose();

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
