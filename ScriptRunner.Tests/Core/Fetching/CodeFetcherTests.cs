using System.IO.Compression;
using System.Net;
using System.Net.Sockets;
using System.Text;
using ScriptRunner.Core.Fetching;
using ScriptRunner.Core.Networking;
using ScriptRunner.Core.Options;
using ScriptRunner.Tests.Support;

namespace ScriptRunner.Tests.Core.Fetching;

public sealed class CodeFetcherTests : IClassFixture<LoopbackServer>
{
    private static readonly byte[] WasmModule = [0x00, 0x61, 0x73, 0x6D, 0x01, 0x00, 0x00, 0x00];
    private readonly LoopbackServer _server;

    public CodeFetcherTests(LoopbackServer server)
    {
        _server = server;
        _server.MapText("/hello.js", "console.log('hi');", "text/javascript; charset=utf-8");
        _server.MapBytes("/module.wasm", WasmModule, "application/wasm");
        _server.MapStatus("/missing.js", 404);
        _server.MapStatus("/broken.js", 500, "boom");
        _server.MapStatus("/nowhere", 302);
        _server.MapDelay("/slow.js", TimeSpan.FromSeconds(30));
        _server.MapStream("/endless", length: null);
        _server.MapStream("/exact", length: 4096);
        _server.MapStream("/claims-huge", length: 10, declaredLength: 100L * 1024 * 1024);
        _server.MapRedirect("/hop1", "/hop2", 301);
        _server.MapRedirect("/hop2", _server.Url("/hop3").ToString(), 307);
        _server.MapRedirect("/hop3", "hello.js", 308);
        _server.MapRedirect("/loop", "/loop");
        _server.MapRedirect("/to-ftp", "ftp://example.com/x.js");
        _server.MapRedirect("/to-metadata", "http://metadata.test/latest/meta-data/");
        _server.MapRedirect("/to-internal", "http://internal.test/");
        _server.Map("/gzip.js", async context =>
        {
            context.Response.Headers.ContentEncoding = "gzip";
            await context.Response.Body.WriteAsync(Gzip("var x = 1;"));
        });
    }

    [Fact]
    public async Task Fetch_JavaScriptFile_ReturnsBytesContentTypeAndFinalUrl()
    {
        using var fetcher = PrivateAllowed();

        var code = await fetcher.FetchAsync(_server.Url("/hello.js"));

        Assert.Equal("console.log('hi');", Encoding.UTF8.GetString(code.Bytes));
        Assert.Equal("text/javascript; charset=utf-8", code.ContentType);
        Assert.Equal(_server.Url("/hello.js"), code.FinalUrl);
        Assert.True(code.DownloadTime > TimeSpan.Zero);
    }

    [Fact]
    public async Task Fetch_WasmFile_ReturnsExactBytes()
    {
        using var fetcher = PrivateAllowed();

        var code = await fetcher.FetchAsync(_server.Url("/module.wasm"));

        Assert.Equal(WasmModule, code.Bytes);
        Assert.Equal("application/wasm", code.ContentType);
    }

    [Fact]
    public async Task Fetch_NotFound_FailsWithStatusAndUrl()
    {
        using var fetcher = PrivateAllowed();

        var ex = await Assert.ThrowsAsync<CodeDownloadException>(() => fetcher.FetchAsync(_server.Url("/missing.js")));

        Assert.Equal($"HTTP 404 Not Found from {_server.Url("/missing.js")}", ex.Message);
        Assert.Equal(404, ex.StatusCode);
    }

    [Fact]
    public async Task Fetch_ServerError_FailsWithStatusAndUrl()
    {
        using var fetcher = PrivateAllowed();

        var ex = await Assert.ThrowsAsync<CodeDownloadException>(() => fetcher.FetchAsync(_server.Url("/broken.js")));

        Assert.Equal($"HTTP 500 Internal Server Error from {_server.Url("/broken.js")}", ex.Message);
    }

    [Fact]
    public async Task Fetch_RedirectWithoutLocation_FailsWithStatus()
    {
        using var fetcher = PrivateAllowed();

        var ex = await Assert.ThrowsAsync<CodeDownloadException>(() => fetcher.FetchAsync(_server.Url("/nowhere")));

        Assert.Equal($"HTTP 302 Found from {_server.Url("/nowhere")} (redirect without a Location header)", ex.Message);
    }

    [Fact]
    public async Task Fetch_SlowServer_TimesOutAtTheConfiguredTimeout()
    {
        using var fetcher = PrivateAllowed(o => o.TimeoutMs = 300);
        var started = DateTime.UtcNow;

        var ex = await Assert.ThrowsAsync<CodeDownloadException>(() => fetcher.FetchAsync(_server.Url("/slow.js")));

        Assert.Equal("download timed out after 300 ms", ex.Message);
        Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task Fetch_CallerCancels_ThrowsOperationCanceledNotDownloadError()
    {
        using var fetcher = PrivateAllowed();
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => fetcher.FetchAsync(_server.Url("/slow.js"), cancel.Token));
    }

    [Fact]
    public async Task Fetch_EndlessBody_StopsAtTheSizeCap()
    {
        using var fetcher = PrivateAllowed(o => o.MaxBytes = 100_000);

        var ex = await Assert.ThrowsAsync<CodeDownloadException>(() => fetcher.FetchAsync(_server.Url("/endless")));

        Assert.Equal("download exceeds the 100000-byte limit", ex.Message);
    }

    [Fact]
    public async Task Fetch_DefaultCap_IsTenMebibytes()
    {
        using var fetcher = PrivateAllowed();

        var ex = await Assert.ThrowsAsync<CodeDownloadException>(() => fetcher.FetchAsync(_server.Url("/endless")));

        Assert.Equal("download exceeds the 10485760-byte limit", ex.Message);
    }

    [Fact]
    public async Task Fetch_BodyExactlyAtTheCap_Succeeds()
    {
        using var fetcher = PrivateAllowed(o => o.MaxBytes = 4096);

        var code = await fetcher.FetchAsync(_server.Url("/exact"));

        Assert.Equal(4096, code.Bytes.Length);
    }

    [Fact]
    public async Task Fetch_ContentLengthOverTheCap_FailsBeforeReadingTheBody()
    {
        using var fetcher = PrivateAllowed(o => o.MaxBytes = 1000);

        var ex = await Assert.ThrowsAsync<CodeDownloadException>(() => fetcher.FetchAsync(_server.Url("/claims-huge")));

        Assert.Equal("download exceeds the 1000-byte limit (Content-Length 104857600)", ex.Message);
    }

    [Fact]
    public async Task Fetch_BodyShorterThanItsContentLength_FailsAsATruncatedDownload()
    {
        using var raw = new RawHttpServer(["HTTP/1.1 200 OK", "Content-Length: 1000", "Connection: close"], "var short = 1;");
        using var fetcher = PrivateAllowed();

        var ex = await Assert.ThrowsAsync<CodeDownloadException>(() => fetcher.FetchAsync(raw.Url("/short.js")));

        Assert.StartsWith($"download from {raw.Url("/short.js")} failed: the connection closed before the response was complete", ex.Message);
    }

    [Fact]
    public async Task Fetch_BodyLongerThanItsContentLength_KeepsOnlyTheDeclaredBytes()
    {
        using var raw = new RawHttpServer(["HTTP/1.1 200 OK", "Content-Length: 5", "Connection: close"], "12345" + new string('x', 100_000));
        using var fetcher = PrivateAllowed(o => o.MaxBytes = 1000);

        var code = await fetcher.FetchAsync(raw.Url("/long.js"));

        Assert.Equal("12345", Encoding.ASCII.GetString(code.Bytes));
    }

    [Fact]
    public async Task Fetch_CloseDelimitedBodyOverTheCap_StopsAtTheCap()
    {
        using var raw = new RawHttpServer(["HTTP/1.1 200 OK", "Connection: close"], new string('x', 200_000), holdOpen: true);
        using var fetcher = PrivateAllowed(o => o.MaxBytes = 100_000);

        var ex = await Assert.ThrowsAsync<CodeDownloadException>(() => fetcher.FetchAsync(raw.Url("/big.js")));

        Assert.Equal("download exceeds the 100000-byte limit", ex.Message);
    }

    [Fact]
    public async Task Fetch_MalformedResponse_FailsAsInvalidHttp()
    {
        using var raw = new RawHttpServer(["SSH-2.0-OpenSSH_9.6"], "");
        using var fetcher = PrivateAllowed();

        var ex = await Assert.ThrowsAsync<CodeDownloadException>(() => fetcher.FetchAsync(raw.Url("/x.js")));

        Assert.StartsWith($"download from {raw.Url("/x.js")} failed: the server sent an invalid HTTP response", ex.Message);
    }

    [Fact]
    public async Task Fetch_RedirectChain_FollowsEveryHopToTheFinalUrl()
    {
        using var fetcher = PrivateAllowed();

        var code = await fetcher.FetchAsync(_server.Url("/hop1"));

        Assert.Equal("console.log('hi');", Encoding.UTF8.GetString(code.Bytes));
        Assert.Equal(_server.Url("/hello.js"), code.FinalUrl);
    }

    [Fact]
    public async Task Fetch_RedirectChainLongerThanTheLimit_Fails()
    {
        using var fetcher = PrivateAllowed(o => o.MaxRedirects = 2);

        var ex = await Assert.ThrowsAsync<CodeDownloadException>(() => fetcher.FetchAsync(_server.Url("/hop1")));

        Assert.Equal("too many redirects (max 2)", ex.Message);
    }

    [Fact]
    public async Task Fetch_RedirectLoop_FailsAfterMaxRedirects()
    {
        using var fetcher = PrivateAllowed();
        var before = _server.CountRequests("/loop");

        var ex = await Assert.ThrowsAsync<CodeDownloadException>(() => fetcher.FetchAsync(_server.Url("/loop")));

        Assert.Equal("too many redirects (max 5)", ex.Message);
        Assert.Equal(6, _server.CountRequests("/loop") - before);
    }

    [Fact]
    public async Task Fetch_RedirectToUnsupportedScheme_Fails()
    {
        using var fetcher = PrivateAllowed();

        var ex = await Assert.ThrowsAsync<CodeDownloadException>(() => fetcher.FetchAsync(_server.Url("/to-ftp")));

        Assert.Equal("unsupported URL scheme 'ftp'", ex.Message);
    }

    [Theory]
    [InlineData("ftp://example.com/code.js", "ftp")]
    [InlineData("file:///etc/passwd", "file")]
    [InlineData("data:text/javascript,1", "data")]
    public async Task Fetch_UnsupportedScheme_FailsWithoutConnecting(string url, string scheme)
    {
        using var fetcher = new CodeFetcher(new DownloadOptions());

        var ex = await Assert.ThrowsAsync<CodeDownloadException>(() => fetcher.FetchAsync(new Uri(url)));

        Assert.Equal($"unsupported URL scheme '{scheme}'", ex.Message);
    }

    [Fact]
    public async Task Fetch_LoopbackAddress_IsRefusedByDefault()
    {
        using var fetcher = new CodeFetcher(new DownloadOptions());
        var before = _server.CountRequests("/hello.js");

        var ex = await Assert.ThrowsAsync<CodeDownloadException>(() => fetcher.FetchAsync(_server.Url("/hello.js")));

        Assert.Equal("address 127.0.0.1 is not allowed (loopback)", ex.Message);
        Assert.Equal(before, _server.CountRequests("/hello.js"));
    }

    [Fact]
    public async Task Fetch_Localhost_IsRefusedByDefault()
    {
        using var fetcher = new CodeFetcher(new DownloadOptions());

        var ex = await Assert.ThrowsAsync<CodeDownloadException>(() => fetcher.FetchAsync(new Uri($"http://localhost:{_server.Port}/hello.js")));

        Assert.Matches(@"^address (127\.0\.0\.1|::1) is not allowed \(loopback\)$", ex.Message);
    }

    [Fact]
    public async Task Fetch_HostNameResolvingToLoopback_IsRefusedOnTheAddressActuallyResolved()
    {
        var resolver = new StaticHostResolver().Add("public.test", "127.0.0.1");
        using var fetcher = new CodeFetcher(new DownloadOptions(), resolver);

        var ex = await Assert.ThrowsAsync<CodeDownloadException>(() => fetcher.FetchAsync(_server.UrlAt("public.test", "/hello.js")));

        Assert.Equal("address 127.0.0.1 is not allowed (loopback)", ex.Message);
    }

    [Fact]
    public async Task Fetch_HostNameResolvingToLoopback_SucceedsWhenPrivateNetworksAllowed()
    {
        var resolver = new StaticHostResolver().Add("public.test", "127.0.0.1");
        using var fetcher = new CodeFetcher(new DownloadOptions { AllowPrivateNetworks = true }, resolver);

        var code = await fetcher.FetchAsync(_server.UrlAt("public.test", "/hello.js"));

        Assert.Equal("console.log('hi');", Encoding.UTF8.GetString(code.Bytes));
    }

    [Fact]
    public async Task Fetch_AllowedFirstHopRedirectingToCloudMetadata_IsRefusedAtTheSecondHop()
    {
        var resolver = new StaticHostResolver().Add("public.test", "127.0.0.1").Add("metadata.test", "169.254.169.254");
        using var fetcher = new CodeFetcher(new DownloadOptions(), resolver, OnlyLoopbackServerIsPublic);
        var before = _server.CountRequests("/to-metadata");

        var ex = await Assert.ThrowsAsync<CodeDownloadException>(() => fetcher.FetchAsync(_server.UrlAt("public.test", "/to-metadata")));

        Assert.Equal("address 169.254.169.254 is not allowed (link-local, cloud metadata)", ex.Message);
        Assert.Equal(before + 1, _server.CountRequests("/to-metadata"));
    }

    [Fact]
    public async Task Fetch_AllowedFirstHopRedirectingToAPrivateName_IsRefusedAtTheSecondHop()
    {
        var resolver = new StaticHostResolver().Add("public.test", "127.0.0.1").Add("internal.test", "10.1.2.3");
        using var fetcher = new CodeFetcher(new DownloadOptions(), resolver, OnlyLoopbackServerIsPublic);

        var ex = await Assert.ThrowsAsync<CodeDownloadException>(() => fetcher.FetchAsync(_server.UrlAt("public.test", "/to-internal")));

        Assert.Equal("address 10.1.2.3 is not allowed (private)", ex.Message);
    }

    [Fact]
    public async Task Fetch_UnknownHost_FailsWithDnsError()
    {
        using var fetcher = new CodeFetcher(new DownloadOptions());

        var ex = await Assert.ThrowsAsync<CodeDownloadException>(() => fetcher.FetchAsync(new Uri("http://nonexistent.invalid/code.js")));

        Assert.Equal("could not resolve host 'nonexistent.invalid'", ex.Message);
    }

    [Fact]
    public async Task Fetch_ClosedPort_FailsWithConnectionRefused()
    {
        var port = UnusedPort();
        using var fetcher = PrivateAllowed();

        var ex = await Assert.ThrowsAsync<CodeDownloadException>(() => fetcher.FetchAsync(new Uri($"http://127.0.0.1:{port}/code.js")));

        Assert.Equal($"could not connect to 127.0.0.1:{port} (connection refused)", ex.Message);
    }

    [Fact]
    public async Task Fetch_CompressedResponse_IsReturnedAsSentWithoutDecompression()
    {
        using var fetcher = PrivateAllowed();

        var code = await fetcher.FetchAsync(_server.Url("/gzip.js"));

        Assert.Equal(Gzip("var x = 1;"), code.Bytes);
        Assert.False(_server.Requests.Last(r => r.Path == "/gzip.js").Headers.ContainsKey("Accept-Encoding"));
    }

    private static CodeFetcher PrivateAllowed(Action<DownloadOptions>? configure = null)
    {
        var options = new DownloadOptions { AllowPrivateNetworks = true };
        configure?.Invoke(options);
        return new CodeFetcher(options);
    }

    private static string? OnlyLoopbackServerIsPublic(IPAddress address) =>
        address.Equals(IPAddress.Loopback) ? null : AddressPolicy.PublicOnly.RefusalOf(address);

    private static int UnusedPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    private static byte[] Gzip(string text)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest))
        {
            gzip.Write(Encoding.UTF8.GetBytes(text));
        }

        return output.ToArray();
    }
}
