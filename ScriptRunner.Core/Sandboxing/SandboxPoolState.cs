namespace ScriptRunner.Core.Sandboxing;

/// <summary>The sandbox pool at one moment, as <c>/api/health</c> reports it.</summary>
/// <param name="Size">Processes the pool keeps.</param>
/// <param name="Ready">Warm and waiting for an execution.</param>
/// <param name="Busy">Running an execution or cleaning up after one.</param>
/// <param name="Starting">Being started (or restarted after failing to start).</param>
/// <param name="Failing">The last starts failed and no process is up: the pool cannot serve.</param>
/// <param name="Spare">Warm processes held back to take the place of one that ends.</param>
public sealed record SandboxPoolState(int Size, int Ready, int Busy, int Starting, bool Failing, int Spare)
{
    /// <summary>"healthy", "degraded" (no sandbox free right now) or "unhealthy" (sandboxes cannot be started).</summary>
    public string Status => Failing ? "unhealthy" : Ready == 0 ? "degraded" : "healthy";
}
