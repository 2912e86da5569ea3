namespace ScriptRunner.Core.Options;

/// <summary>What a script's own <c>fetch</c> may reach.</summary>
public sealed class SandboxFetchOptions
{
    /// <summary>Host names a script may fetch; empty allows any public host. Entries may be <c>*.example.com</c>.</summary>
    public List<string> AllowedHosts { get; set; } = [];
    public int MaxRequests { get; set; } = 10;
    public int MaxRequestBytes { get; set; } = 1024 * 1024;
    public int MaxResponseBytes { get; set; } = 5 * 1024 * 1024;
    public int TimeoutMs { get; set; } = 5_000;
    public int MaxRedirects { get; set; } = 5;
    public bool AllowPrivateNetworks { get; set; }
}
