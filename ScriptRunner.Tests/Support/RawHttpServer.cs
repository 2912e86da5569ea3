using System.Net;
using System.Net.Sockets;
using System.Text;

namespace ScriptRunner.Tests.Support;

/// <summary>
/// A TCP server on 127.0.0.1 that answers every connection with the same raw bytes, for responses a real HTTP server
/// refuses to produce: a body shorter or longer than its Content-Length, a malformed status line. After writing it
/// either closes its side cleanly (FIN) or holds the connection open until the client leaves.
/// </summary>
public sealed class RawHttpServer : IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly byte[] _response;
    private readonly bool _holdOpen;
    private readonly Task _acceptLoop;

    /// <summary>Starts answering with <paramref name="response"/> (status line, headers, blank line, body).</summary>
    public RawHttpServer(byte[] response, bool holdOpen = false)
    {
        _response = response;
        _holdOpen = holdOpen;
        _listener.Start();
        _acceptLoop = AcceptAsync();
    }

    /// <summary>Starts answering with <paramref name="head"/> (CRLF line ends added) followed by <paramref name="body"/>.</summary>
    public RawHttpServer(IEnumerable<string> head, string body, bool holdOpen = false)
        : this(Encoding.ASCII.GetBytes(string.Concat(head.Select(line => line + "\r\n")) + "\r\n" + body), holdOpen)
    {
    }

    /// <summary>The absolute URL of <paramref name="path"/> on this server (every path gets the same answer).</summary>
    public Uri Url(string path) => new($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}{path}");

    /// <summary>Stops listening and drops open connections.</summary>
    public void Dispose()
    {
        _stop.Cancel();
        _listener.Stop();
        try
        {
            _acceptLoop.Wait(TimeSpan.FromSeconds(2));
        }
        catch (AggregateException)
        {
        }

        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            Socket socket;
            try
            {
                socket = await _listener.AcceptSocketAsync(_stop.Token);
            }
            catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            _ = AnswerAsync(socket);
        }
    }

    private async Task AnswerAsync(Socket socket)
    {
        using (socket)
        {
            try
            {
                await ReadRequestHeadAsync(socket);
                await socket.SendAsync(_response, SocketFlags.None, _stop.Token);
                if (!_holdOpen) socket.Shutdown(SocketShutdown.Send);
                // Drain until the client closes so the close is never a reset that could discard sent bytes.
                var sink = new byte[1024];
                while (await socket.ReceiveAsync(sink, SocketFlags.None, _stop.Token) > 0)
                {
                }
            }
            catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
            {
            }
        }
    }

    private async Task ReadRequestHeadAsync(Socket socket)
    {
        var seen = new List<byte>();
        var buffer = new byte[1024];
        while (!HasBlankLine(seen))
        {
            var read = await socket.ReceiveAsync(buffer, SocketFlags.None, _stop.Token);
            if (read == 0) return;
            seen.AddRange(buffer.AsSpan(0, read));
        }
    }

    private static bool HasBlankLine(List<byte> bytes) => bytes.ToArray().AsSpan().IndexOf("\r\n\r\n"u8) >= 0;
}
