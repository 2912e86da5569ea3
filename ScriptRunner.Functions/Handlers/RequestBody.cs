using System.Buffers;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Features;
using ScriptRunner.Core.Model;

namespace ScriptRunner.Functions.Handlers;

/// <summary>Reads and parses the body of an execute request, naming what is wrong without echoing it.</summary>
internal static class RequestBody
{
    private const int ReadChunkBytes = 16 * 1024;

    /// <summary>Reads the whole body, or returns null as soon as it exceeds <paramref name="maxBytes"/>.</summary>
    public static async Task<byte[]?> ReadAsync(HttpContext context, int maxBytes, CancellationToken cancellationToken)
    {
        if (context.Request.ContentLength > maxBytes) return null;

        // Our own cap governs; lift the server's so it neither cuts in first nor allows more than ours.
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } sizeFeature)
            sizeFeature.MaxRequestBodySize = maxBytes + 1L;

        var initial = (int)Math.Min(context.Request.ContentLength ?? ReadChunkBytes, maxBytes);
        using var buffer = new MemoryStream(initial);
        var chunk = ArrayPool<byte>.Shared.Rent(ReadChunkBytes);
        try
        {
            int read;
            while ((read = await context.Request.Body.ReadAsync(chunk.AsMemory(0, ReadChunkBytes), cancellationToken).ConfigureAwait(false)) > 0)
            {
                if (buffer.Length + read > maxBytes) return null;
                buffer.Write(chunk, 0, read);
            }
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return null;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }

        return buffer.ToArray();
    }

    /// <summary>The request in <paramref name="body"/>, or why it is not one.</summary>
    public static (ExecutionRequest? Request, string? Error) Parse(byte[] body, JsonSerializerOptions serializer)
    {
        if (body.Length == 0) return (null, "The request body is empty; send a JSON object.");
        try
        {
            var request = JsonSerializer.Deserialize<ExecutionRequest>(body, serializer);
            return request is null ? (null, "The request body must be a JSON object, not null.") : (request, null);
        }
        catch (JsonException e)
        {
            return (null, Describe(e, body));
        }
    }

    /// <summary>Names the field at fault, or where the syntax breaks, without echoing the body or .NET type names.</summary>
    private static string Describe(JsonException e, byte[] body)
    {
        var syntax = SyntaxError(body);
        if (syntax is not null) return syntax;

        var path = e.Path;
        if (string.IsNullOrEmpty(path) || path == "$") return "The request body must be a JSON object.";
        var field = path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path.TrimStart('$');
        return $"The field '{field}' has the wrong type or value.";
    }

    /// <summary>Only the failure path pays for this second read: it tells broken JSON from a well-formed wrong shape.</summary>
    private static string? SyntaxError(byte[] body)
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
