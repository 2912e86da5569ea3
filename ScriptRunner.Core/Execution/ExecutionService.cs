using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using ScriptRunner.Core.Detection;
using ScriptRunner.Core.Fetching;
using ScriptRunner.Core.Hosting;
using ScriptRunner.Core.Model;
using ScriptRunner.Core.Options;
using ScriptRunner.Core.Telemetry;

namespace ScriptRunner.Core.Execution;

/// <summary>
/// Runs one <see cref="ExecutionRequest"/> end to end: validate, obtain the code, check its pin, detect its type and
/// run it in the matching sandbox on a worker, then report how it went. Never throws: every failure is a result.
/// </summary>
public sealed class ExecutionService
{
    private readonly RequestValidator _validator;
    private readonly ICodeFetcher _fetcher;
    private readonly ISandboxExecutor _executor;
    private readonly JavaScriptOptions _javaScript;
    private readonly WasmOptions _wasm;
    private readonly ScriptRunnerTelemetry _telemetry;
    private readonly OutputOptions _output;
    private readonly TimeProvider _clock;
    private readonly ILogger _logger;

    internal ExecutionService(
        RequestValidator validator,
        ICodeFetcher fetcher,
        ISandboxExecutor executor,
        ScriptRunnerTelemetry telemetry,
        ScriptRunnerOptions options,
        TimeProvider clock,
        ILogger<ExecutionService> logger)
    {
        _validator = validator;
        _fetcher = fetcher;
        _executor = executor;
        _telemetry = telemetry;
        _output = options.Output;
        _javaScript = options.JavaScript;
        _wasm = options.Wasm;
        _clock = clock;
        _logger = logger;
    }

    /// <summary>Runs <paramref name="request"/> and reports how it went; <paramref name="cancellationToken"/> aborts it.</summary>
    public async Task<ExecutionResult> ExecuteAsync(ExecutionRequest request, CancellationToken cancellationToken)
    {
        var run = new RunState(_clock);
        using var activity = _telemetry.StartExecution(request?.Url is null ? "inline" : "url");
        ExecutionResult result;
        try
        {
            result = await RunAsync(request!, run, cancellationToken).ConfigureAwait(false);
        }
        catch (InvalidRequestException e)
        {
            result = run.Fail(ErrorTypes.InvalidRequest, e.Message);
        }
        catch (CodeDownloadException e)
        {
            result = run.Fail(ErrorTypes.DownloadError, e.Message);
        }
        catch (IntegrityException e)
        {
            result = run.Fail(ErrorTypes.IntegrityError, e.Message);
        }
        catch (CapacityExceededException e)
        {
            result = run.Fail(ErrorTypes.Capacity, e.Message);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            result = run.Fail(ErrorTypes.HostError, "The request was cancelled before the execution finished.");
        }
        catch (Exception e)
        {
            // Only the exception type and stack go to the log: messages can quote script input.
            _logger.LogError("Execution failed inside the host: {ExceptionType} {StackTrace}", e.GetType().FullName, e.StackTrace);
            result = run.Fail(ErrorTypes.HostError, "The host failed while running the execution.");
        }

        _telemetry.RecordExecution(activity, result);
        return result;
    }

    private async Task<ExecutionResult> RunAsync(ExecutionRequest request, RunState run, CancellationToken cancellationToken)
    {
        if (request is null) throw new InvalidRequestException("body", "The request body must be a JSON object.");
        var valid = _validator.Validate(request);

        var (code, contentType) = await ObtainCodeAsync(valid, run, cancellationToken).ConfigureAwait(false);
        run.Metadata = run.Metadata with { SizeBytes = code.Length, Sha256 = IntegrityCheck.Sha256Hex(code) };
        IntegrityCheck.Verify(code, valid.Sha256);

        var detection = CodeTypeDetector.Detect(code, run.SourceUrl, contentType, valid.TypeHint);
        run.Metadata = run.Metadata with { DetectedBy = detection.DetectedBy };
        if (detection.Type is not { } codeType)
            return run.Fail(ErrorTypes.UnsupportedCodeType, "The code is neither JavaScript nor a WebAssembly module; set 'type' to say which.");
        run.Metadata = run.Metadata with { CodeType = CodeTypeName(codeType) };

        var engine = valid.Engine ?? DefaultEngine(codeType);
        if (EngineNames.CodeTypeOf(engine) != codeType)
        {
            throw new InvalidRequestException("engine",
                $"The {engine} engine runs {CodeTypeName(EngineNames.CodeTypeOf(engine)!.Value)}, but the code is {CodeTypeName(codeType)}.");
        }
        run.Metadata = run.Metadata with { Engine = engine };

        var capture = OutputCapture.For(_output, _clock);
        var job = valid.Job with { Code = code, Sha256 = run.Metadata.Sha256!, CodeType = codeType, Engine = engine };

        var (outcome, elapsed) = await _executor.RunAsync(job, capture, cancellationToken).ConfigureAwait(false);
        run.Metadata = run.Metadata with { ExecutionTimeMs = elapsed.TotalMilliseconds };
        return run.Complete(outcome, capture);
    }

    private async Task<(byte[] Code, string? ContentType)> ObtainCodeAsync(ValidatedRequest valid, RunState run, CancellationToken cancellationToken)
    {
        if (valid.InlineCode is { } inline) return (inline, null);

        var url = valid.Url!;
        run.SourceUrl = url;
        run.Metadata = run.Metadata with { SourceUrl = url.AbsoluteUri };
        var started = _clock.GetTimestamp();
        try
        {
            var fetched = await _fetcher.FetchAsync(url, cancellationToken).ConfigureAwait(false);
            run.SourceUrl = fetched.FinalUrl;
            run.Metadata = run.Metadata with { SourceUrl = fetched.FinalUrl.AbsoluteUri, DownloadTimeMs = fetched.DownloadTime.TotalMilliseconds };
            return (fetched.Bytes, fetched.ContentType);
        }
        finally
        {
            var downloadMs = _clock.GetElapsedTime(started).TotalMilliseconds;
            run.Metadata = run.Metadata with { DownloadTimeMs = run.Metadata.DownloadTimeMs ?? downloadMs };
            _telemetry.RecordDownload(downloadMs);
        }
    }

    private string DefaultEngine(CodeType codeType) => codeType == CodeType.Wasm
        ? EngineNames.Normalize(_wasm.Engine) ?? EngineNames.Wasmtime
        : EngineNames.Normalize(_javaScript.DefaultEngine) ?? EngineNames.Jint;

    internal static string CodeTypeName(CodeType type) => type switch
    {
        CodeType.JavaScript => "javascript",
        CodeType.Wasm => "wasm",
        _ => type.ToString().ToLowerInvariant(),
    };

    /// <summary>What is known about one execution so far, so a failure at any step still reports it.</summary>
    private sealed class RunState(TimeProvider clock)
    {
        private readonly long _started = clock.GetTimestamp();

        public ExecutionMetadata Metadata { get; set; } = new() { Timestamp = clock.GetUtcNow() };

        /// <summary>Where the code came from after redirects; null for inline code.</summary>
        public Uri? SourceUrl { get; set; }

        public ExecutionResult Fail(string errorType, string error) => new()
        {
            Success = false,
            Error = error,
            ErrorType = errorType,
            Duration = Elapsed(),
            Metadata = Metadata,
        };

        public ExecutionResult Complete(SandboxOutcome outcome, OutputCapture capture) => new()
        {
            Success = outcome.Success,
            Result = outcome.Success ? outcome.Result : null,
            Stdout = capture.Stdout,
            Stderr = capture.Stderr,
            Logs = capture.Logs,
            Error = outcome.Success ? null : outcome.Error ?? "The execution failed.",
            ErrorType = outcome.Success ? null : outcome.ErrorType ?? ErrorTypes.HostError,
            Stack = outcome.Success ? null : outcome.Stack,
            ExitCode = outcome.ExitCode,
            Duration = Elapsed(),
            Metadata = Metadata with
            {
                Truncated = capture.Truncated,
                CompileTimeMs = outcome.CompileTimeMs,
                CacheHit = outcome.CacheHit,
                FuelConsumed = outcome.FuelConsumed,
                MemoryPeakBytes = outcome.MemoryPeakBytes,
            },
        };

        private long Elapsed() => (long)Math.Round(clock.GetElapsedTime(_started).TotalMilliseconds);
    }
}
