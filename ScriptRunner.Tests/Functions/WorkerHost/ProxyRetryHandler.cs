using System.Net.Sockets;

namespace ScriptRunner.Tests.Functions.WorkerHost;

/// <summary>
/// Retries a forwarded request the worker's server refused to connect, as the Functions host's HTTP proxy does: a
/// worker announces its HTTP address at init, possibly a moment before its server accepts connections.
/// </summary>
public sealed class ProxyRetryHandler() : DelegatingHandler(new SocketsHttpHandler())
{
    private const int MaxAttempts = 10;
    private static readonly TimeSpan Delay = TimeSpan.FromMilliseconds(100);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await base.SendAsync(request, cancellationToken);
            }
            catch (HttpRequestException e) when (attempt < MaxAttempts && e.InnerException is SocketException { SocketErrorCode: SocketError.ConnectionRefused })
            {
                await Task.Delay(Delay, cancellationToken);
            }
        }
    }
}
