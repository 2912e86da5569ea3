using System.Net;
using System.Net.Http;
using System.Net.Sockets;

namespace ScriptRunner.Core.Networking;

/// <summary>
/// The <see cref="SocketsHttpHandler.ConnectCallback"/> behind every outbound request: resolves the host itself and
/// opens a socket only to an address the policy allows, so the address checked is the address connected to and a
/// DNS answer that changes between check and use (rebinding) cannot slip through.
/// </summary>
internal sealed class GuardedConnector(IHostResolver resolver, Func<IPAddress, string?> refusalOf)
{
    public async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        var host = context.DnsEndPoint.Host;
        var port = context.DnsEndPoint.Port;
        var addresses = await ResolveAsync(host, cancellationToken).ConfigureAwait(false);

        string? firstRefusal = null;
        SocketException? lastError = null;
        foreach (var address in addresses)
        {
            if (refusalOf(address) is { } refusal)
            {
                firstRefusal ??= refusal;
                continue;
            }

            var target = address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;
            var socket = new Socket(target.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(new IPEndPoint(target, port), cancellationToken).ConfigureAwait(false);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch (SocketException ex)
            {
                socket.Dispose();
                lastError = ex;
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        }

        if (lastError is not null)
        {
            throw new OutboundRequestException(OutboundFailure.ConnectFailed,
                $"could not connect to {host}:{port} ({Describe(lastError)})", lastError);
        }

        throw new OutboundRequestException(OutboundFailure.AddressRefused,
            firstRefusal ?? $"host '{host}' has no address to connect to");
    }

    private async Task<IPAddress[]> ResolveAsync(string host, CancellationToken cancellationToken)
    {
        var literal = host.StartsWith('[') && host.EndsWith(']') ? host[1..^1] : host;
        if (IPAddress.TryParse(literal, out var address)) return [address];

        IPAddress[] addresses;
        try
        {
            addresses = await resolver.ResolveAsync(host, cancellationToken).ConfigureAwait(false);
        }
        catch (SocketException ex)
        {
            throw new OutboundRequestException(OutboundFailure.HostNotFound, $"could not resolve host '{host}'", ex);
        }

        if (addresses.Length == 0)
        {
            throw new OutboundRequestException(OutboundFailure.HostNotFound, $"could not resolve host '{host}'");
        }

        return addresses;
    }

    private static string Describe(SocketException ex) => ex.SocketErrorCode switch
    {
        SocketError.ConnectionRefused => "connection refused",
        SocketError.TimedOut => "connection timed out",
        SocketError.HostUnreachable => "host unreachable",
        SocketError.NetworkUnreachable => "network unreachable",
        SocketError.AddressFamilyNotSupported => "address family not supported",
        _ => ex.Message,
    };
}
