namespace ScriptRunner.Core.Telemetry;

/// <summary>Sandbox processes by state at one moment, as the pool gauge reports them.</summary>
/// <param name="Ready">Warm and waiting for an execution.</param>
/// <param name="Busy">Running an execution or cleaning up after one.</param>
/// <param name="Starting">Being started.</param>
public sealed record SandboxPoolCounts(int Ready, int Busy, int Starting);
