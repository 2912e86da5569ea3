namespace ScriptRunner.Core.Options;

/// <summary>Per-execution limits and the process-wide concurrency bounds.</summary>
public sealed class LimitsOptions
{
    public int DefaultTimeoutMs { get; set; } = 10_000;
    public int MinTimeoutMs { get; set; } = 1;
    public int MaxTimeoutMs { get; set; } = 30_000;
    public int DefaultMemoryMb { get; set; } = 128;
    public int MinMemoryMb { get; set; } = 64;
    public int MaxMemoryMb { get; set; } = 512;
    public int MaxConcurrentExecutions { get; set; } = Environment.ProcessorCount;
    public int MaxQueueLength { get; set; } = 100;
    public int MaxRequestBodyBytes { get; set; } = 10 * 1024 * 1024;
}
