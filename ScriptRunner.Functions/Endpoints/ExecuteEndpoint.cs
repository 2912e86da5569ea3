using System.Buffers;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using ScriptRunner.Core.Execution;
using ScriptRunner.Core.Model;
using ScriptRunner.Core.Options;

namespace ScriptRunner.Functions.Endpoints;

/// <summary>
/// <c>POST /api/execute</c>: reads the JSON request within the body limit, runs it, and maps the outcome to a status:
/// 200 for every execution outcome, 400 invalid request, 413 body too large, 503 over capacity.
/// </summary>
internal static partial class ExecuteEndpoint
{
    /// <summary>Seconds a client told 503 should wait before retrying.</summary>
    public const int RetryAfterSeconds = 1;

    private const int ReadChunkBytes = 16 * 1024;

    /// <summary>Maps the route under <paramref name="api"/>.</summary>
    public static RouteHandlerBuilder MapExecuteEndpoint(this IEndpointRouteBuilder api) => api.MapPost("/execute", HandleAsync);

    private static async Task<IResult> HandleAsync(
        HttpContext context,
        ExecutionService service,
        IOptions<ScriptRunnerOptions> options,
        IOptions<JsonOptions> json,
        TimeProvider clock,
        ILoggerFactory loggers)
    {
        var logger = loggers.CreateLogger("ScriptRunner.Functions.Execute");
        var started = clock.GetTimestamp();
        var serializer = json.Value.SerializerOptions;

        var body = await ReadBodyAsync(context, options.Value.Limits.MaxRequestBodyBytes).ConfigureAwait(false);
        ExecutionResult result;
        if (body is null)
        {
            result = Rejected(clock, started, ErrorTypes.PayloadTooLarge,
                $"The request body is larger than {options.Value.Limits.MaxRequestBodyBytes} bytes.");
        }
        else
        {
            var (request, error) = Parse(body, serializer);
            result = request is null
                ? Rejected(clock, started, ErrorTypes.InvalidRequest, error!)
                : await service.ExecuteAsync(request, context.RequestAborted).ConfigureAwait(false);
        }

        var status = StatusFor(result);
        if (status == StatusCodes.Status503ServiceUnavailable)
            context.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);

        LogExecution(logger, context.Request.Method, status, result.Metadata.CodeType ?? "none", result.Status,
            result.ErrorType ?? "none", result.Duration, result.Metadata.ExecutionTimeMs, result.Metadata.DownloadTimeMs,
            result.Metadata.SizeBytes);

        return TypedResults.Json(result, serializer, statusCode: status);
    }

    /// <summary>The HTTP status for a result: only refusals before running change it from 200.</summary>
    internal static int StatusFor(ExecutionResult result) => result.ErrorType switch
    {
        ErrorTypes.InvalidRequest => StatusCodes.Status400BadRequest,
        ErrorTypes.PayloadTooLarge => StatusCodes.Status413PayloadTooLarge,
        ErrorTypes.Capacity => StatusCodes.Status503ServiceUnavailable,
        _ => StatusCodes.Status200OK,
    };

    /// <summary>Reads the whole body, or returns null as soon as it exceeds <paramref name="maxBytes"/>.</summary>
    private static async Task<byte[]?> ReadBodyAsync(HttpContext context, int maxBytes)
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
            while ((read = await context.Request.Body.ReadAsync(chunk.AsMemory(0, ReadChunkBytes), context.RequestAborted).ConfigureAwait(false)) > 0)
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

    private static (ExecutionRequest? Request, string? Error) Parse(byte[] body, JsonSerializerOptions serializer)
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

    private static ExecutionResult Rejected(TimeProvider clock, long started, string errorType, string error) => new()
    {
        Success = false,
        ErrorType = errorType,
        Error = error,
        Duration = (long)Math.Round(clock.GetElapsedTime(started).TotalMilliseconds),
        Metadata = new ExecutionMetadata { Timestamp = clock.GetUtcNow() },
    };

    [LoggerMessage(EventId = 1, Level = LogLevel.Information,
        Message = "{Method} /api/execute {StatusCode} codeType={CodeType} outcome={Outcome} errorType={ErrorType} durationMs={DurationMs} executionTimeMs={ExecutionTimeMs} downloadTimeMs={DownloadTimeMs} sizeBytes={SizeBytes}")]
    private static partial void LogExecution(ILogger logger, string method, int statusCode, string codeType, string outcome,
        string errorType, long durationMs, double executionTimeMs, double? downloadTimeMs, long? sizeBytes);
}
