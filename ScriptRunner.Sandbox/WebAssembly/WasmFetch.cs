using System.Text.Encodings.Web;
using System.Text.Json;
using ScriptRunner.Core.Hosting;
using ScriptRunner.Sandbox.WebAssembly.Host;

namespace ScriptRunner.Sandbox.WebAssembly;

/// <summary>
/// The JSON side of the Wasm <c>fetch</c> host function: options <c>{url, method, headers, body}</c> in, response
/// <c>{status, statusText, headers, body}</c> out, every failure as a <see cref="SandboxFetchError"/> code.
/// </summary>
internal static class WasmFetch
{
    /// <summary>The encoded response, or the error code to return to the guest.</summary>
    public readonly record struct Outcome(byte[]? Json, SandboxFetchError? Error);

    /// <summary>Parses the options, sends the request through the execution's fetch policy and encodes the answer.</summary>
    /// <remarks>A response that does not fit in <paramref name="capacity"/> bytes is ResponseTooLarge and nothing is written.</remarks>
    public static Outcome Send(ISandboxFetcher fetcher, ReadOnlySpan<byte> options, int capacity, CancellationToken cancellation)
    {
        if (ParseOptions(options) is not { } request) return new Outcome(null, SandboxFetchError.InvalidRequest);

        SandboxFetchResponse response;
        try
        {
            response = fetcher.Send(request, cancellation);
        }
        catch (SandboxFetchException e)
        {
            ThrowIfDeadlinePassed(cancellation);
            return new Outcome(null, e.Error);
        }
        catch (OperationCanceledException)
        {
            ThrowIfDeadlinePassed(cancellation);
            return new Outcome(null, SandboxFetchError.Timeout);
        }
        catch (HttpRequestException)
        {
            return new Outcome(null, SandboxFetchError.NetworkError);
        }

        var json = Encode(response);
        return json.Length > (uint)capacity
            ? new Outcome(null, SandboxFetchError.ResponseTooLarge)
            : new Outcome(json, null);
    }

    /// <summary>The request described by the options JSON, or null when it is not valid.</summary>
    internal static SandboxFetchRequest? ParseOptions(ReadOnlySpan<byte> options)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(options.ToArray());
        }
        catch (JsonException)
        {
            return null;
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object) return null;
            if (!root.TryGetProperty("url", out var url) || url.ValueKind != JsonValueKind.String) return null;
            if (string.IsNullOrWhiteSpace(url.GetString())) return null;

            var method = "GET";
            if (root.TryGetProperty("method", out var methodElement) && methodElement.ValueKind != JsonValueKind.Null)
            {
                if (methodElement.ValueKind != JsonValueKind.String) return null;
                method = methodElement.GetString()!.ToUpperInvariant();
            }

            var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            if (root.TryGetProperty("headers", out var headersElement) && headersElement.ValueKind != JsonValueKind.Null)
            {
                if (headersElement.ValueKind != JsonValueKind.Object) return null;
                foreach (var header in headersElement.EnumerateObject())
                {
                    headers[header.Name] = header.Value.ValueKind == JsonValueKind.String
                        ? header.Value.GetString()!
                        : header.Value.GetRawText();
                }
            }

            // A body that is not a string is sent as its JSON text, sparing C callers a level of escaping.
            string? body = null;
            if (root.TryGetProperty("body", out var bodyElement) && bodyElement.ValueKind != JsonValueKind.Null)
            {
                body = bodyElement.ValueKind == JsonValueKind.String ? bodyElement.GetString() : bodyElement.GetRawText();
            }

            return new SandboxFetchRequest(url.GetString()!, method, headers, body);
        }
    }

    /// <summary>The response as UTF-8 JSON <c>{status, statusText, headers, body}</c>.</summary>
    internal static byte[] Encode(SandboxFetchResponse response)
    {
        using var stream = new MemoryStream();
        // Relaxed escaping keeps non-ASCII text readable for the guest; the output is still valid JSON.
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            writer.WriteStartObject();
            writer.WriteNumber("status", response.Status);
            writer.WriteString("statusText", response.StatusText);
            writer.WriteStartObject("headers");
            foreach (var (name, value) in response.Headers) writer.WriteString(name, value);
            writer.WriteEndObject();
            writer.WriteString("body", response.Body);
            writer.WriteEndObject();
        }

        return stream.ToArray();
    }

    // The execution's own deadline ends the run as a Timeout rather than handing the guest an error code it could
    // ignore and keep running past its budget.
    private static void ThrowIfDeadlinePassed(CancellationToken cancellation)
    {
        if (cancellation.IsCancellationRequested) throw HostTrapException.Timeout();
    }
}
