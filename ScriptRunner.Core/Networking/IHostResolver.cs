using System.Net;

namespace ScriptRunner.Core.Networking;

/// <summary>Turns a host name into the addresses outbound connections may try, in order.</summary>
public interface IHostResolver
{
    /// <summary>Resolves <paramref name="host"/>; throws <see cref="System.Net.Sockets.SocketException"/> when it does not exist.</summary>
    Task<IPAddress[]> ResolveAsync(string host, CancellationToken cancellationToken);
}
