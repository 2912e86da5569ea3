using ScriptRunner.Core.Hosting;

namespace ScriptRunner.Benchmarks;

/// <summary>The fetch policy of benchmark runs: every request refused, so a benchmark measures only the engine.</summary>
internal sealed class NoFetch : ISandboxFetcher
{
    /// <summary>The one instance.</summary>
    public static readonly NoFetch Instance = new();

    /// <inheritdoc />
    public SandboxFetchResponse Send(SandboxFetchRequest request, CancellationToken cancellationToken) =>
        throw new SandboxFetchException(SandboxFetchError.PolicyRefused, "no fetch in benchmarks");
}
