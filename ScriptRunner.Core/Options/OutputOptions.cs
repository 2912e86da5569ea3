namespace ScriptRunner.Core.Options;

/// <summary>Caps on what an execution may write.</summary>
public sealed class OutputOptions
{
    public int MaxStdoutBytes { get; set; } = 1024 * 1024;
    public int MaxStderrBytes { get; set; } = 1024 * 1024;
    public int MaxLogEntries { get; set; } = 1000;
    public int MaxLogMessageBytes { get; set; } = 16 * 1024;

    /// <summary>Bytes of all of an execution's log messages together, as the answer carries them.</summary>
    public int MaxLogBytes { get; set; } = DefaultMaxLogBytes;

    /// <summary>The default of <see cref="MaxLogBytes"/>: 1 MiB, like stdout's.</summary>
    public const int DefaultMaxLogBytes = 1024 * 1024;
}
