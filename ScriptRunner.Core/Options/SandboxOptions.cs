namespace ScriptRunner.Core.Options;

/// <summary>The pool of sandbox processes every execution runs in.</summary>
public sealed class SandboxOptions
{
    /// <summary>Warm processes kept; 0 means <see cref="LimitsOptions.MaxConcurrentExecutions"/>.</summary>
    public int PoolSize { get; set; }

    /// <summary>
    /// Warm processes kept beyond the pool that never serve: one takes the place of a process that dies, is killed or
    /// is recycled at once, instead of after a process start. Each costs an idle process's memory.
    /// </summary>
    public int SpareProcesses { get; set; } = 1;

    /// <summary>Executions a process runs before it is replaced by a fresh one.</summary>
    public int MaxExecutionsPerProcess { get; set; } = 100_000;

    /// <summary>A process whose resident memory after a run stays this far above its starting baseline is replaced.</summary>
    public int RecycleAboveBaselineMb { get; set; } = 64;

    /// <summary>How long past its deadline a run may take to stop by itself before its process is killed.</summary>
    public int KillGraceMs { get; set; } = 200;

    /// <summary>
    /// For how long code that ran out its deadline or its memory counts as a repeat offender: its executions then hold
    /// at most all but one of the pool's processes and wait behind other executions. 0 turns this off.
    /// </summary>
    public int OffenderWindowSeconds { get; set; } = 60;

    /// <summary>How often a busy process's resident memory is sampled against its cap.</summary>
    public int MemorySampleIntervalMs { get; set; } = 5;

    /// <summary>How long a new process may take to become ready before it counts as failed.</summary>
    public int StartTimeoutMs { get; set; } = 20_000;

    /// <summary>The sandbox executable (<c>ScriptRunner.Sandbox.dll</c> or its native launcher); empty means beside the app.</summary>
    public string ExecutablePath { get; set; } = "";
}
