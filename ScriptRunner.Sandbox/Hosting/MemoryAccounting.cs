namespace ScriptRunner.Sandbox.Hosting;

/// <summary>
/// What an engine may count as one execution's memory. In a sandbox process, which runs one execution at a time,
/// the process's own figures are the execution's: the managed heap that survives a collection, the resident size
/// grown since the run started. An engine hosted in a process shared with other work (tests, benchmarks) cannot tell
/// its run's memory from the rest, and falls back to what it can attribute: Jint to what the run's thread allocates,
/// V8 to its own heap limit.
/// </summary>
public sealed record MemoryAccounting(bool ProcessIsTheExecutions)
{
    /// <summary>The sandbox process's accounting: process figures belong to the one execution running.</summary>
    public static MemoryAccounting PerProcess { get; } = new(true);

    /// <summary>Accounting for an engine that shares its process.</summary>
    public static MemoryAccounting Shared { get; } = new(false);
}
