using System.Buffers;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Features;
using ScriptRunner.Core.Model;

namespace ScriptRunner.Functions.Handlers;

/// <summary>Reads and parses the body of an execute request, naming what is wrong without echoing it.</summary>
internal static class RequestBody
{
    /// <summary>
    /// Reads the body while checking it: stops at the first byte over <paramref name="maxBytes"/>, or at the first
    /// field past its limit (<see cref="RequestLimitScanner"/>), before the rest arrives.
    /// </summary>
    public static async Task<BodyRead> ReadAsync(HttpContext context, int maxBytes, CancellationToken cancellationToken)
    {
        if (context.Request.ContentLength > maxBytes) return BodyRead.OverSize();

        // Our own cap governs; lift the server's so it neither cuts in first nor allows more than ours.
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } sizeFeature)
            sizeFeature.MaxRequestBodySize = maxBytes + 1L;

        var buffer = new BodyBuffer();
        var scanner = new RequestLimitScanner();
        try
        {
            while (true)
            {
                var read = await context.Request.Body.ReadAsync(buffer.FreeSpace(), cancellationToken).ConfigureAwait(false);
                if (read > 0) buffer.Advance(read);
                if (buffer.Length > maxBytes)
                {
                    buffer.Dispose();
                    return BodyRead.OverSize();
                }
                if (!scanner.Scan(buffer.Sequence(), complete: read == 0))
                {
                    buffer.Dispose();
                    return BodyRead.Refused(scanner.Refusal!);
                }
                if (read == 0) return BodyRead.Complete(buffer);
            }
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            buffer.Dispose();
            return BodyRead.OverSize();
        }
        catch
        {
            buffer.Dispose();
            throw;
        }
    }

    /// <summary>The request in <paramref name="body"/>, or why it is not one.</summary>
    public static (ExecutionRequest? Request, string? Error) Parse(ReadOnlySequence<byte> body, JsonSerializerOptions serializer)
    {
        if (body.Length == 0) return (null, "The request body is empty; send a JSON object.");
        try
        {
            var reader = new Utf8JsonReader(body, ReaderOptions(serializer));
            var request = JsonSerializer.Deserialize<ExecutionRequest>(ref reader, serializer);
            // Reading from a reader stops after one value; anything but whitespace after it is broken JSON.
            if (reader.Read()) throw new JsonException("trailing content");
            return request is null ? (null, "The request body must be a JSON object, not null.") : (request, null);
        }
        catch (JsonException e)
        {
            return (null, Describe(e, body));
        }
    }

    private static JsonReaderOptions ReaderOptions(JsonSerializerOptions serializer) => new()
    {
        MaxDepth = serializer.MaxDepth,
        CommentHandling = serializer.ReadCommentHandling,
        AllowTrailingCommas = serializer.AllowTrailingCommas,
    };

    /// <summary>Names the field at fault, or where the syntax breaks, without echoing the body or .NET type names.</summary>
    private static string Describe(JsonException e, ReadOnlySequence<byte> body)
    {
        var syntax = SyntaxError(body);
        if (syntax is not null) return syntax;

        var path = e.Path;
        if (string.IsNullOrEmpty(path) || path == "$") return "The request body must be a JSON object.";
        var field = path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path.TrimStart('$');
        return $"The field '{field}' has the wrong type or value.";
    }

    /// <summary>Only the failure path pays for this second read: it tells broken JSON from a well-formed wrong shape.</summary>
    private static string? SyntaxError(ReadOnlySequence<byte> body)
    {
        var reader = new Utf8JsonReader(body, new JsonReaderOptions { MaxDepth = 64 });
        try
        {
            while (reader.Read())
            {
            }
            return null;
        }
        catch (JsonException e)
        {
            var where = e.LineNumber is { } line && e.BytePositionInLine is { } column ? $" (line {line + 1}, byte {column + 1})" : "";
            return $"The request body is not valid JSON{where}.";
        }
    }
}
