namespace ScriptRunner.Core.Hosting;

/// <summary>The host functions every sandbox exposes, defined once for all engines: output, logs, clock and fetch.</summary>
public sealed class HostBindings(OutputCapture output, ISandboxFetcher fetcher, TimeProvider clock)
{
    /// <summary>Captured stdout, stderr and <c>app_log</c> entries.</summary>
    public OutputCapture Output { get; } = output;

    /// <summary>The execution's fetch policy.</summary>
    public ISandboxFetcher Fetcher { get; } = fetcher;

    /// <summary>The clock behind <c>get_unixtime</c>.</summary>
    public TimeProvider Clock { get; } = clock;

    /// <summary>Seconds since the Unix epoch.</summary>
    public long UnixTime() => Clock.GetUtcNow().ToUnixTimeSeconds();
}
