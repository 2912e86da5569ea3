using ScriptRunner.Core.Options;

namespace ScriptRunner.Core.Hosting;

/// <summary>An immutable snapshot of <see cref="SandboxFetchOptions"/>, checked once when the factory is built.</summary>
internal sealed record SandboxFetchPolicy
{
    public required HostAllowList AllowedHosts { get; init; }
    public required int MaxRequests { get; init; }
    public required int MaxRequestBytes { get; init; }
    public required int MaxResponseBytes { get; init; }
    public required int TimeoutMs { get; init; }
    public required int MaxRedirects { get; init; }

    public static SandboxFetchPolicy From(SandboxFetchOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.MaxRequests < 0) throw new ArgumentOutOfRangeException(nameof(options), "SandboxFetch.MaxRequests must not be negative.");
        if (options.MaxRequestBytes < 0) throw new ArgumentOutOfRangeException(nameof(options), "SandboxFetch.MaxRequestBytes must not be negative.");
        if (options.MaxResponseBytes < 0) throw new ArgumentOutOfRangeException(nameof(options), "SandboxFetch.MaxResponseBytes must not be negative.");
        if (options.TimeoutMs <= 0) throw new ArgumentOutOfRangeException(nameof(options), "SandboxFetch.TimeoutMs must be positive.");
        if (options.MaxRedirects < 0) throw new ArgumentOutOfRangeException(nameof(options), "SandboxFetch.MaxRedirects must not be negative.");
        return new SandboxFetchPolicy
        {
            AllowedHosts = new HostAllowList(options.AllowedHosts ?? []),
            MaxRequests = options.MaxRequests,
            MaxRequestBytes = options.MaxRequestBytes,
            MaxResponseBytes = options.MaxResponseBytes,
            TimeoutMs = options.TimeoutMs,
            MaxRedirects = options.MaxRedirects,
        };
    }
}
