using System.Net;

namespace ScriptRunner.Core.Networking;

/// <summary>Resolves host names through the operating system's resolver.</summary>
public sealed class SystemHostResolver : IHostResolver
{
    /// <inheritdoc />
    public Task<IPAddress[]> ResolveAsync(string host, CancellationToken cancellationToken) =>
        Dns.GetHostAddressesAsync(host, cancellationToken);
}
