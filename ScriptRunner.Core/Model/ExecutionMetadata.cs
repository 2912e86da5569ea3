using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace ScriptRunner.Core.Model;

/// <summary>Facts about one execution, returned in <c>metadata</c>.</summary>
public sealed record ExecutionMetadata
{
    public double ExecutionTimeMs { get; init; }
    public string? CodeType { get; init; }
    public string? DetectedBy { get; init; }

    /// <summary>The engine that ran the code, once one was chosen.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Engine { get; init; }
    public DateTimeOffset Timestamp { get; init; }
    public long? SizeBytes { get; init; }
    public string? SourceUrl { get; init; }
    public string? Sha256 { get; init; }
    public double? DownloadTimeMs { get; init; }
    public TruncationFlags Truncated { get; init; } = TruncationFlags.None;

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public double? CompileTimeMs { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public CacheHit? CacheHit { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public long? FuelConsumed { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public long? MemoryPeakBytes { get; init; }
}
