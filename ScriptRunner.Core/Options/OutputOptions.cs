namespace ScriptRunner.Core.Options;

/// <summary>Caps on what an execution may write.</summary>
public sealed class OutputOptions
{
    public int MaxStdoutBytes { get; set; } = 1024 * 1024;
    public int MaxStderrBytes { get; set; } = 1024 * 1024;
    public int MaxLogEntries { get; set; } = 1000;
    public int MaxLogMessageBytes { get; set; } = 16 * 1024;
}
