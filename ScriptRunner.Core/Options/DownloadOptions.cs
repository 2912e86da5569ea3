namespace ScriptRunner.Core.Options;

/// <summary>How code is downloaded from a URL.</summary>
public sealed class DownloadOptions
{
    public long MaxBytes { get; set; } = 10 * 1024 * 1024;
    public int TimeoutMs { get; set; } = 10_000;
    public int MaxRedirects { get; set; } = 5;
    public bool AllowPrivateNetworks { get; set; }
}
