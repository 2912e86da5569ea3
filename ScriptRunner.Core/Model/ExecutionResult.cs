namespace ScriptRunner.Core.Model;

/// <summary>The response body of <c>/api/execute</c>: how one execution went.</summary>
public sealed record ExecutionResult
{
    /// <summary>"success" or "error".</summary>
    public string Status => Success ? "success" : "error";

    public bool Success { get; init; }
    /// <summary>The result's JSON text, answered as it is.</summary>
    public ResultJson? Result { get; init; }
    public string Stdout { get; init; } = "";
    public string Stderr { get; init; } = "";
    public IReadOnlyList<LogEntry> Logs { get; init; } = [];
    public string? Error { get; init; }
    public string? ErrorType { get; init; }
    public string? Stack { get; init; }
    public int? ExitCode { get; init; }

    /// <summary>Milliseconds for the whole request, download included.</summary>
    public long Duration { get; init; }

    public ExecutionMetadata Metadata { get; init; } = new();
}
