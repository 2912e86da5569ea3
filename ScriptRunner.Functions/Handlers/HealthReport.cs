using System.Text.Json.Serialization;

namespace ScriptRunner.Functions.Handlers;

/// <summary>The body of <c>/api/health</c>.</summary>
/// <param name="Status">"healthy", "degraded" (no sandbox free right now) or "unhealthy" (sandboxes cannot start).</param>
/// <param name="Timestamp">When the report was made, ISO-8601 UTC.</param>
/// <param name="Version">The app's version.</param>
/// <param name="Pool">The sandbox-process pool, when the executor has one.</param>
public sealed record HealthReport(
    string Status,
    DateTimeOffset Timestamp,
    string Version,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] HealthReport.PoolState? Pool = null)
{
    /// <summary>The answer while the process can serve.</summary>
    public const string Healthy = "healthy";

    /// <summary>Serving, but every sandbox is taken right now.</summary>
    public const string Degraded = "degraded";

    /// <summary>Sandboxes cannot be started: executions would fail.</summary>
    public const string Unhealthy = "unhealthy";

    /// <summary>200 unless unhealthy, so a load balancer keeps a merely busy instance.</summary>
    [JsonIgnore]
    public int StatusCode => Status == Unhealthy ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status200OK;

    /// <summary>Sandbox processes by state.</summary>
    /// <param name="Size">Processes the pool keeps.</param>
    /// <param name="Ready">Warm and waiting.</param>
    /// <param name="Busy">Running an execution.</param>
    /// <param name="Starting">Being started.</param>
    /// <param name="Spare">Warm, held back to take the place of one that ends.</param>
    public sealed record PoolState(int Size, int Ready, int Busy, int Starting, int Spare);
}
