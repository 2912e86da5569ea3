using System.Net;
using System.Net.Http;
using ScriptRunner.Core.Networking;
using ScriptRunner.Core.Options;

namespace ScriptRunner.Core.Hosting;

/// <summary>
/// Makes the <see cref="SandboxFetcher"/> of each execution. One instance per process: it owns the pooled handler
/// (guarded by the <c>AllowPrivateNetworks</c> address policy) that every execution's fetches share.
/// </summary>
public sealed class SandboxFetcherFactory : IDisposable
{
    private readonly SandboxFetchPolicy _policy;
    private readonly HttpMessageInvoker _client;

    /// <summary>A factory for <paramref name="options"/>, resolving host names with <paramref name="resolver"/> (default: the system resolver).</summary>
    /// <exception cref="ArgumentException">An option is out of range or an allowed-hosts entry is malformed.</exception>
    public SandboxFetcherFactory(SandboxFetchOptions options, IHostResolver? resolver = null)
        : this(options, resolver ?? new SystemHostResolver(), new AddressPolicy((options ?? throw new ArgumentNullException(nameof(options))).AllowPrivateNetworks).RefusalOf)
    {
    }

    internal SandboxFetcherFactory(SandboxFetchOptions options, IHostResolver resolver, Func<IPAddress, string?> refusalOf)
    {
        _policy = SandboxFetchPolicy.From(options);
        var handler = GuardedHandlerFactory.Create(refusalOf, resolver, TimeSpan.FromMilliseconds(_policy.TimeoutMs));
        _client = new HttpMessageInvoker(handler, disposeHandler: true);
    }

    /// <summary>The fetcher for one execution; its fetches end when <paramref name="executionToken"/> is cancelled (the deadline).</summary>
    public SandboxFetcher Create(CancellationToken executionToken) => new(_policy, _client, executionToken);

    /// <summary>Closes pooled connections.</summary>
    public void Dispose() => _client.Dispose();
}
