using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace ScriptRunner.Tests.Support;

/// <summary>
/// A real HTTP/1.1 server (Kestrel) on 127.0.0.1 with an ephemeral port, for tests that download or fetch over the
/// network. Routes are registered by the test at any time, by exact path (the query string is ignored); an unknown
/// path answers 404. Every request is recorded. Use one per test class (<c>IClassFixture&lt;LoopbackServer&gt;</c>)
/// or per test (<c>using var server = new LoopbackServer();</c>).
/// </summary>
/// <example>
/// <code>
/// using var server = new LoopbackServer();
/// server.MapText("/hello.js", "1 + 1", "text/javascript");
/// var url = server.Url("/hello.js");   // http://127.0.0.1:54321/hello.js
/// </code>
/// </example>
public sealed class LoopbackServer : IDisposable, IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, RequestDelegate> _routes = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();

    /// <summary>Starts the server; it listens until disposed.</summary>
    public LoopbackServer()
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        _app = builder.Build();
        _app.Run(HandleAsync);
        _app.StartAsync().GetAwaiter().GetResult();

        var address = _app.Services.GetService(typeof(IServer)) is IServer server
            ? server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()
            : null;
        BaseUrl = new Uri((address ?? throw new InvalidOperationException("Kestrel reported no address.")) + "/");
    }

    /// <summary>The server's root, e.g. <c>http://127.0.0.1:54321/</c>.</summary>
    public Uri BaseUrl { get; }

    /// <summary>The port the server listens on.</summary>
    public int Port => BaseUrl.Port;

    /// <summary>The absolute URL of <paramref name="pathAndQuery"/> on this server.</summary>
    public Uri Url(string pathAndQuery) => new(BaseUrl, pathAndQuery);

    /// <summary>The same URL as <see cref="Url"/> but naming <paramref name="host"/> instead of 127.0.0.1 (pair with a test resolver).</summary>
    public Uri UrlAt(string host, string pathAndQuery) => new UriBuilder(Url(pathAndQuery)) { Host = host }.Uri;

    /// <summary>Every request received so far, in arrival order.</summary>
    public IReadOnlyList<RecordedRequest> Requests => _requests.ToArray();

    /// <summary>How many requests were received for <paramref name="path"/>.</summary>
    public int CountRequests(string path) => _requests.Count(r => r.Path == path);

    /// <summary>Answers <paramref name="path"/> with a text body.</summary>
    public LoopbackServer MapText(string path, string text, string contentType = "text/plain; charset=utf-8", int status = 200) =>
        Map(path, async context =>
        {
            context.Response.StatusCode = status;
            context.Response.ContentType = contentType;
            await context.Response.WriteAsync(text, context.RequestAborted);
        });

    /// <summary>Answers <paramref name="path"/> with raw bytes and an optional Content-Type.</summary>
    public LoopbackServer MapBytes(string path, byte[] bytes, string? contentType = "application/octet-stream") =>
        Map(path, async context =>
        {
            if (contentType is not null) context.Response.ContentType = contentType;
            context.Response.ContentLength = bytes.Length;
            await context.Response.Body.WriteAsync(bytes, context.RequestAborted);
        });

    /// <summary>Answers <paramref name="path"/> with a bare status code and an optional text body.</summary>
    public LoopbackServer MapStatus(string path, int status, string? body = null) =>
        Map(path, async context =>
        {
            context.Response.StatusCode = status;
            if (body is not null) await context.Response.WriteAsync(body, context.RequestAborted);
        });

    /// <summary>Waits <paramref name="delay"/> (or until the client goes away) before answering with <paramref name="text"/>.</summary>
    public LoopbackServer MapDelay(string path, TimeSpan delay, string text = "late") =>
        Map(path, async context =>
        {
            await Task.Delay(delay, context.RequestAborted);
            await context.Response.WriteAsync(text, context.RequestAborted);
        });

    /// <summary>Redirects <paramref name="path"/> to <paramref name="location"/> (absolute or relative) with <paramref name="status"/>.</summary>
    public LoopbackServer MapRedirect(string path, string location, int status = 302) =>
        Map(path, context =>
        {
            context.Response.StatusCode = status;
            context.Response.Headers.Location = location;
            return Task.CompletedTask;
        });

    /// <summary>
    /// Streams zero bytes in chunks: <paramref name="length"/> bytes, or without end (until the client disconnects) when
    /// null. <paramref name="declaredLength"/> sets Content-Length, which may be larger than what is sent (the
    /// connection then stays open until the client leaves); without it the body is chunked.
    /// </summary>
    public LoopbackServer MapStream(string path, long? length, long? declaredLength = null) =>
        Map(path, async context =>
        {
            context.Response.ContentType = "application/octet-stream";
            if (declaredLength is not null) context.Response.ContentLength = declaredLength;
            var chunk = new byte[16 * 1024];
            for (long sent = 0; length is null || sent < length; sent += chunk.Length)
            {
                var size = (int)Math.Min(chunk.Length, (length ?? long.MaxValue) - sent);
                await context.Response.Body.WriteAsync(chunk.AsMemory(0, size), context.RequestAborted);
                await context.Response.Body.FlushAsync(context.RequestAborted);
            }

            // Kestrel resets a connection whose body falls short of its Content-Length, which can discard what was
            // sent; hold it open instead so the client sees the headers (use RawHttpServer for a clean short body).
            if (declaredLength is not null && length < declaredLength) await Task.Delay(Timeout.Infinite, context.RequestAborted);
        });

    /// <summary>Answers <paramref name="path"/> with any handler (full control over status, headers and body).</summary>
    public LoopbackServer Map(string path, RequestDelegate handler)
    {
        _routes[path] = handler;
        return this;
    }

    /// <summary>Stops listening and drops open connections.</summary>
    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    /// <inheritdoc cref="Dispose"/>
    public async ValueTask DisposeAsync()
    {
        // Handlers that wait on RequestAborted end as soon as connections are dropped; don't wait for slow ones.
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(1));
        await _app.StopAsync(stop.Token);
        await _app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context)
    {
        // Buffered so the route's handler can read the body again after it is recorded.
        context.Request.EnableBuffering();
        string body;
        using (var reader = new StreamReader(context.Request.Body, leaveOpen: true))
        {
            body = await reader.ReadToEndAsync(context.RequestAborted);
        }

        context.Request.Body.Position = 0;

        var headers = context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        _requests.Enqueue(new RecordedRequest(context.Request.Method, context.Request.Path.Value ?? "/",
            context.Request.QueryString.Value ?? "", headers, body));

        if (!_routes.TryGetValue(context.Request.Path.Value ?? "/", out var handler))
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        try
        {
            await handler(context);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client went away (a cap or timeout under test); nothing left to answer.
        }
        catch (IOException) when (context.RequestAborted.IsCancellationRequested)
        {
        }
    }
}
