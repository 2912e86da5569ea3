using System.Globalization;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Options;
using ScriptRunner.Core.Execution;
using ScriptRunner.Core.Model;
using ScriptRunner.Core.Options;
using ScriptRunner.Functions.Hosting;

namespace ScriptRunner.Functions.Handlers;

/// <summary>
/// <c>POST /api/execute</c>: reads the JSON request within the body limit, runs it, and maps the outcome to a status:
/// 200 for every execution outcome, 400 invalid request, 413 body too large, 503 over capacity.
/// </summary>
/// <remarks>The same instance method serves the Functions host's invocation and a standalone route.</remarks>
public sealed partial class ExecuteFunction(
    ExecutionService service,
    IOptions<ScriptRunnerOptions> options,
    IOptions<JsonOptions> json,
    TimeProvider clock,
    RequestActivity activity,
    ILogger<ExecuteFunction> logger)
{
    /// <summary>The function's name in the Functions host and in its generated metadata.</summary>
    public const string Name = "execute";

    /// <summary>Seconds a client told 503 should wait before retrying.</summary>
    public const int RetryAfterSeconds = 1;

    /// <summary>The Functions entry point: an HTTP trigger guarded by a function key.</summary>
    [Function(Name)]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = Name)] HttpRequest request,
        FunctionContext context) =>
        HandleAsync(request.HttpContext, context.CancellationToken);

    /// <summary>Runs the request in <paramref name="http"/>; either the client or <paramref name="invocationAborted"/> stops it.</summary>
    public async Task<IResult> HandleAsync(HttpContext http, CancellationToken invocationAborted)
    {
        using var busy = activity.Begin();
        using var aborted = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted, invocationAborted);
        var started = clock.GetTimestamp();
        var limits = options.Value.Limits;
        var serializer = json.Value.SerializerOptions;

        ExecutionResult result;
        using (var read = await RequestBody.ReadAsync(http, limits.MaxRequestBodyBytes, aborted.Token).ConfigureAwait(false))
        {
            if (read.TooLarge)
            {
                result = Rejected(started, ErrorTypes.PayloadTooLarge, $"The request body is larger than {limits.MaxRequestBodyBytes} bytes.");
            }
            else if (read.Refusal is { } refusal)
            {
                result = Rejected(started, ErrorTypes.InvalidRequest, refusal.Message);
            }
            else
            {
                // The body's pooled segments go back as soon as it is parsed, before the run.
                var (request, error) = RequestBody.Parse(read.Body!.Sequence(), serializer);
                read.Dispose();
                result = request is null
                    ? Rejected(started, ErrorTypes.InvalidRequest, error!)
                    : await service.ExecuteAsync(request, aborted.Token).ConfigureAwait(false);
            }
        }

        var status = StatusFor(result);
        if (status == StatusCodes.Status503ServiceUnavailable)
            http.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);

        LogExecution(logger, status, result.Metadata.CodeType ?? "none", result.Metadata.Engine ?? "none", result.Status,
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

    private ExecutionResult Rejected(long started, string errorType, string error) => new()
    {
        Success = false,
        ErrorType = errorType,
        Error = error,
        Duration = (long)Math.Round(clock.GetElapsedTime(started).TotalMilliseconds),
        Metadata = new ExecutionMetadata { Timestamp = clock.GetUtcNow() },
    };

    [LoggerMessage(EventId = 1, Level = LogLevel.Information,
        Message = "execute {StatusCode} codeType={CodeType} engine={Engine} outcome={Outcome} errorType={ErrorType} durationMs={DurationMs} executionTimeMs={ExecutionTimeMs} downloadTimeMs={DownloadTimeMs} sizeBytes={SizeBytes}")]
    private static partial void LogExecution(ILogger logger, int statusCode, string codeType, string engine, string outcome,
        string errorType, long durationMs, double executionTimeMs, double? downloadTimeMs, long? sizeBytes);
}
