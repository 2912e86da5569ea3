using System.Net;
using System.Net.Sockets;
using ScriptRunner.Core.Networking;

namespace ScriptRunner.Tests.Support;

/// <summary>
/// A DNS stand-in for tests: answers the names it was given (case-insensitive) and reports every other name as
/// not found, the way a resolver does for a name that does not exist. Counts lookups per name.
/// </summary>
public sealed class StaticHostResolver : IHostResolver
{
    private readonly Dictionary<string, IPAddress[]> _names = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, int> _lookups = new(StringComparer.OrdinalIgnoreCase);
    private readonly Lock _gate = new();

    /// <summary>Makes <paramref name="host"/> resolve to <paramref name="addresses"/>, in that order.</summary>
    public StaticHostResolver Add(string host, params string[] addresses)
    {
        lock (_gate) _names[host] = addresses.Select(IPAddress.Parse).ToArray();
        return this;
    }

    /// <summary>How many times <paramref name="host"/> was looked up.</summary>
    public int Lookups(string host)
    {
        lock (_gate) return _lookups.GetValueOrDefault(host);
    }

    /// <inheritdoc />
    public Task<IPAddress[]> ResolveAsync(string host, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            _lookups[host] = _lookups.GetValueOrDefault(host) + 1;
            return _names.TryGetValue(host, out var addresses)
                ? Task.FromResult(addresses)
                : Task.FromException<IPAddress[]>(new SocketException((int)SocketError.HostNotFound));
        }
    }
}
