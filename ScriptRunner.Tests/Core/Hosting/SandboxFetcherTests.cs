using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using ScriptRunner.Core.Hosting;
using ScriptRunner.Core.Networking;
using ScriptRunner.Core.Options;
using ScriptRunner.Tests.Support;

namespace ScriptRunner.Tests.Core.Hosting;

public sealed class SandboxFetcherTests : IClassFixture<LoopbackServer>, IDisposable
{
    private static readonly Dictionary<string, string> NoHeaders = [];
    private readonly LoopbackServer _server;
    private readonly List<SandboxFetcherFactory> _factories = [];

    public SandboxFetcherTests(LoopbackServer server)
    {
        _server = server;
        _server.Map("/api/data", async context =>
        {
            context.Response.Headers["X-Custom-Header"] = "Yes";
            context.Response.Headers.Append("X-Multi", "a");
            context.Response.Headers.Append("X-Multi", "b");
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync("""{"ok":true,"text":"héllo"}""");
        });
        _server.Map("/echo", async context =>
        {
            using var reader = new StreamReader(context.Request.Body);
            var body = await reader.ReadToEndAsync();
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(JsonSerializer.Serialize(new
            {
                method = context.Request.Method,
                body,
                contentType = context.Request.ContentType,
                auth = context.Request.Headers.Authorization.ToString(),
                trace = context.Request.Headers["X-Trace"].ToString(),
            }));
        });
        _server.MapStatus("/missing", 404, "nope");
        _server.MapDelay("/slow", TimeSpan.FromSeconds(30));
        _server.MapStream("/endless", length: null);
        _server.MapStream("/claims-huge", length: 10, declaredLength: 50_000_000);
        _server.MapRedirect("/redirect", "/api/data");
        _server.MapRedirect("/loop", "/loop");
        _server.MapRedirect("/see-other", "/echo", 303);
        _server.MapRedirect("/temporary", "/echo", 307);
        _server.MapRedirect("/to-file", "file:///etc/passwd");
    }

    [Fact]
    public void Get_ReturnsStatusLowercasedHeadersAndUtf8Body()
    {
        var fetcher = Fetcher();

        var response = fetcher.Send(Get(_server.Url("/api/data")), CancellationToken.None);

        Assert.Equal(200, response.Status);
        Assert.Equal("OK", response.StatusText);
        Assert.Equal("Yes", response.Headers["x-custom-header"]);
        Assert.Equal("a, b", response.Headers["x-multi"]);
        Assert.Equal("application/json", response.Headers["content-type"]);
        Assert.All(response.Headers.Keys, key => Assert.Equal(key.ToLowerInvariant(), key));
        Assert.Equal("""{"ok":true,"text":"héllo"}""", response.Body);
    }

    [Fact]
    public void Post_SendsMethodBodyAndHeaders()
    {
        var fetcher = Fetcher();
        var headers = new Dictionary<string, string> { ["Content-Type"] = "application/json", ["X-Trace"] = "t-1" };

        var response = fetcher.Send(new SandboxFetchRequest(_server.Url("/echo").ToString(), "post", headers, """{"a":1}"""), CancellationToken.None);

        var echo = JsonDocument.Parse(response.Body).RootElement;
        Assert.Equal("POST", echo.GetProperty("method").GetString());
        Assert.Equal("""{"a":1}""", echo.GetProperty("body").GetString());
        Assert.Equal("application/json", echo.GetProperty("contentType").GetString());
        Assert.Equal("t-1", echo.GetProperty("trace").GetString());
    }

    [Theory]
    [InlineData("PUT")]
    [InlineData("PATCH")]
    [InlineData("DELETE")]
    [InlineData("OPTIONS")]
    public void OtherMethods_AreSentAsGiven(string method)
    {
        var response = Fetcher().Send(new SandboxFetchRequest(_server.Url("/echo").ToString(), method, NoHeaders, null), CancellationToken.None);

        Assert.Equal(method, JsonDocument.Parse(response.Body).RootElement.GetProperty("method").GetString());
    }

    [Fact]
    public void Head_ReturnsHeadersAndEmptyBody()
    {
        var response = Fetcher().Send(new SandboxFetchRequest(_server.Url("/api/data").ToString(), "HEAD", NoHeaders, null), CancellationToken.None);

        Assert.Equal(200, response.Status);
        Assert.Equal("", response.Body);
    }

    [Fact]
    public void ErrorStatus_IsAResponseNotAFailure()
    {
        var response = Fetcher().Send(Get(_server.Url("/missing")), CancellationToken.None);

        Assert.Equal(404, response.Status);
        Assert.Equal("Not Found", response.StatusText);
        Assert.Equal("nope", response.Body);
    }

    [Fact]
    public void Redirect_IsFollowed()
    {
        var response = Fetcher().Send(Get(_server.Url("/redirect")), CancellationToken.None);

        Assert.Equal(200, response.Status);
        Assert.Contains("héllo", response.Body);
    }

    [Fact]
    public void SeeOtherAfterPost_BecomesGetWithoutBody()
    {
        var response = Fetcher().Send(new SandboxFetchRequest(_server.Url("/see-other").ToString(), "POST", NoHeaders, "data"), CancellationToken.None);

        var echo = JsonDocument.Parse(response.Body).RootElement;
        Assert.Equal("GET", echo.GetProperty("method").GetString());
        Assert.Equal("", echo.GetProperty("body").GetString());
    }

    [Fact]
    public void TemporaryRedirectAfterPost_KeepsMethodAndBody()
    {
        var response = Fetcher().Send(new SandboxFetchRequest(_server.Url("/temporary").ToString(), "POST", NoHeaders, "data"), CancellationToken.None);

        var echo = JsonDocument.Parse(response.Body).RootElement;
        Assert.Equal("POST", echo.GetProperty("method").GetString());
        Assert.Equal("data", echo.GetProperty("body").GetString());
    }

    [Fact]
    public void CrossOriginRedirect_DropsAuthorization()
    {
        var resolver = new StaticHostResolver().Add("a.test", "127.0.0.1").Add("b.test", "127.0.0.1");
        _server.MapRedirect("/to-b", _server.UrlAt("b.test", "/echo").ToString());
        var fetcher = Fetcher(resolver: resolver);
        var headers = new Dictionary<string, string> { ["Authorization"] = "Bearer secret" };

        var response = fetcher.Send(new SandboxFetchRequest(_server.UrlAt("a.test", "/to-b").ToString(), "GET", headers, null), CancellationToken.None);

        Assert.Equal("", JsonDocument.Parse(response.Body).RootElement.GetProperty("auth").GetString());
    }

    [Fact]
    public void SameOriginRedirect_KeepsAuthorization()
    {
        var headers = new Dictionary<string, string> { ["Authorization"] = "Bearer secret" };

        var response = Fetcher().Send(new SandboxFetchRequest(_server.Url("/temporary").ToString(), "GET", headers, null), CancellationToken.None);

        Assert.Equal("Bearer secret", JsonDocument.Parse(response.Body).RootElement.GetProperty("auth").GetString());
    }

    [Fact]
    public void HostNotInAllowedList_IsRefusedWithoutConnecting()
    {
        var resolver = new StaticHostResolver().Add("evil.test", "127.0.0.1");
        var fetcher = Fetcher(o => o.AllowedHosts = ["api.example.test"], resolver);

        var ex = Assert.Throws<SandboxFetchException>(() => fetcher.Send(Get(_server.UrlAt("evil.test", "/api/data")), CancellationToken.None));

        Assert.Equal(SandboxFetchError.PolicyRefused, ex.Error);
        Assert.Equal("fetch to host 'evil.test' is not allowed", ex.Message);
        Assert.Equal(0, resolver.Lookups("evil.test"));
    }

    [Theory]
    [InlineData("api.example.test")]
    [InlineData("deep.api.example.test")]
    public void WildcardAllowedHost_AllowsSubdomains(string host)
    {
        var resolver = new StaticHostResolver().Add(host, "127.0.0.1");
        var fetcher = Fetcher(o => o.AllowedHosts = ["*.example.test"], resolver);

        Assert.Equal(200, fetcher.Send(Get(_server.UrlAt(host, "/api/data")), CancellationToken.None).Status);
    }

    [Fact]
    public void WildcardAllowedHost_DoesNotAllowTheApex()
    {
        var resolver = new StaticHostResolver().Add("example.test", "127.0.0.1");
        var fetcher = Fetcher(o => o.AllowedHosts = ["*.example.test"], resolver);

        var ex = Assert.Throws<SandboxFetchException>(() => fetcher.Send(Get(_server.UrlAt("example.test", "/api/data")), CancellationToken.None));

        Assert.Equal("fetch to host 'example.test' is not allowed", ex.Message);
    }

    [Fact]
    public void RedirectToHostNotInAllowedList_IsRefusedAtThatHop()
    {
        var resolver = new StaticHostResolver().Add("api.example.test", "127.0.0.1").Add("evil.test", "127.0.0.1");
        _server.MapRedirect("/to-evil", _server.UrlAt("evil.test", "/api/data").ToString());
        var fetcher = Fetcher(o => o.AllowedHosts = ["api.example.test"], resolver);

        var ex = Assert.Throws<SandboxFetchException>(() => fetcher.Send(Get(_server.UrlAt("api.example.test", "/to-evil")), CancellationToken.None));

        Assert.Equal(SandboxFetchError.PolicyRefused, ex.Error);
        Assert.Equal("fetch to host 'evil.test' is not allowed", ex.Message);
        Assert.Equal(0, resolver.Lookups("evil.test"));
    }

    [Fact]
    public void LoopbackAddress_IsRefusedByDefault()
    {
        using var factory = new SandboxFetcherFactory(new SandboxFetchOptions());

        var ex = Assert.Throws<SandboxFetchException>(() => factory.Create(CancellationToken.None).Send(Get(_server.Url("/api/data")), CancellationToken.None));

        Assert.Equal(SandboxFetchError.PolicyRefused, ex.Error);
        Assert.Equal($"fetch to {_server.Url("/api/data")} failed: address 127.0.0.1 is not allowed (loopback)", ex.Message);
    }

    [Fact]
    public void AllowedHostResolvingToLoopback_IsStillRefusedByTheAddressPolicy()
    {
        var resolver = new StaticHostResolver().Add("api.example.test", "127.0.0.1");
        using var factory = new SandboxFetcherFactory(new SandboxFetchOptions { AllowedHosts = ["api.example.test"] }, resolver);

        var ex = Assert.Throws<SandboxFetchException>(() =>
            factory.Create(CancellationToken.None).Send(Get(_server.UrlAt("api.example.test", "/api/data")), CancellationToken.None));

        Assert.Equal(SandboxFetchError.PolicyRefused, ex.Error);
        Assert.EndsWith("address 127.0.0.1 is not allowed (loopback)", ex.Message);
    }

    [Fact]
    public void AllowedFirstHopRedirectingToPrivateAddress_IsRefusedAtTheSecondHop()
    {
        var resolver = new StaticHostResolver().Add("public.test", "127.0.0.1").Add("internal.test", "192.168.0.10");
        _server.MapRedirect("/to-internal", "http://internal.test/admin");
        using var factory = new SandboxFetcherFactory(new SandboxFetchOptions(), resolver, OnlyLoopbackServerIsPublic);
        var before = _server.CountRequests("/to-internal");

        var ex = Assert.Throws<SandboxFetchException>(() =>
            factory.Create(CancellationToken.None).Send(Get(_server.UrlAt("public.test", "/to-internal")), CancellationToken.None));

        Assert.Equal(SandboxFetchError.PolicyRefused, ex.Error);
        Assert.EndsWith("address 192.168.0.10 is not allowed (private)", ex.Message);
        Assert.Equal(before + 1, _server.CountRequests("/to-internal"));
    }

    [Fact]
    public void RequestCount_IsCappedPerExecutionCountingRefusedAttempts()
    {
        var fetcher = Fetcher(o => { o.MaxRequests = 3; o.AllowedHosts = ["127.0.0.1"]; });
        fetcher.Send(Get(_server.Url("/api/data")), CancellationToken.None);
        Assert.Throws<SandboxFetchException>(() => fetcher.Send(Get("http://refused.test/"), CancellationToken.None));
        fetcher.Send(Get(_server.Url("/missing")), CancellationToken.None);

        var ex = Assert.Throws<SandboxFetchException>(() => fetcher.Send(Get(_server.Url("/api/data")), CancellationToken.None));

        Assert.Equal(SandboxFetchError.PolicyRefused, ex.Error);
        Assert.Equal("fetch limit of 3 requests per execution reached", ex.Message);
        Assert.Equal(4, fetcher.Attempts);
    }

    [Fact]
    public void RequestCount_StartsAfreshForEachExecution()
    {
        var factory = PrivateFactory(o => o.MaxRequests = 1);
        factory.Create(CancellationToken.None).Send(Get(_server.Url("/api/data")), CancellationToken.None);

        var response = factory.Create(CancellationToken.None).Send(Get(_server.Url("/api/data")), CancellationToken.None);

        Assert.Equal(200, response.Status);
    }

    [Fact]
    public void RequestBodyOverTheCap_IsRefusedBeforeSending()
    {
        var fetcher = Fetcher(o => o.MaxRequestBytes = 10);
        var before = _server.CountRequests("/echo");

        var ex = Assert.Throws<SandboxFetchException>(() =>
            fetcher.Send(new SandboxFetchRequest(_server.Url("/echo").ToString(), "POST", NoHeaders, "ééééé+"), CancellationToken.None));

        Assert.Equal(SandboxFetchError.PolicyRefused, ex.Error);
        Assert.Equal("fetch request body of 11 bytes exceeds the 10-byte limit", ex.Message);
        Assert.Equal(before, _server.CountRequests("/echo"));
    }

    [Fact]
    public void RequestBodyAtTheCap_IsSent()
    {
        var response = Fetcher(o => o.MaxRequestBytes = 10)
            .Send(new SandboxFetchRequest(_server.Url("/echo").ToString(), "POST", NoHeaders, "ééééé"), CancellationToken.None);

        Assert.Equal("ééééé", JsonDocument.Parse(response.Body).RootElement.GetProperty("body").GetString());
    }

    [Fact]
    public void EndlessResponse_StopsAtTheResponseCap()
    {
        var fetcher = Fetcher(o => o.MaxResponseBytes = 50_000);

        var ex = Assert.Throws<SandboxFetchException>(() => fetcher.Send(Get(_server.Url("/endless")), CancellationToken.None));

        Assert.Equal(SandboxFetchError.ResponseTooLarge, ex.Error);
        Assert.Equal($"fetch response from {_server.Url("/endless")} exceeds the 50000-byte limit", ex.Message);
    }

    [Fact]
    public void ContentLengthOverTheResponseCap_FailsBeforeReading()
    {
        var ex = Assert.Throws<SandboxFetchException>(() => Fetcher().Send(Get(_server.Url("/claims-huge")), CancellationToken.None));

        Assert.Equal(SandboxFetchError.ResponseTooLarge, ex.Error);
        Assert.Equal($"fetch response from {_server.Url("/claims-huge")} exceeds the 5242880-byte limit", ex.Message);
    }

    [Fact]
    public void SlowServer_TimesOutAtTheFetchTimeout()
    {
        var fetcher = Fetcher(o => o.TimeoutMs = 300);
        var started = DateTime.UtcNow;

        var ex = Assert.Throws<SandboxFetchException>(() => fetcher.Send(Get(_server.Url("/slow")), CancellationToken.None));

        Assert.Equal(SandboxFetchError.Timeout, ex.Error);
        Assert.Equal($"fetch to {_server.Url("/slow")} timed out after 300 ms", ex.Message);
        Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(10));
    }

    [Fact]
    public void SlowServer_EndsAtTheExecutionDeadlineWhenThatComesFirst()
    {
        var factory = PrivateFactory(o => o.TimeoutMs = 60_000);
        using var deadline = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
        var fetcher = factory.Create(deadline.Token);
        var started = DateTime.UtcNow;

        var ex = Assert.Throws<SandboxFetchException>(() => fetcher.Send(Get(_server.Url("/slow")), CancellationToken.None));

        Assert.Equal(SandboxFetchError.Timeout, ex.Error);
        Assert.Equal($"fetch to {_server.Url("/slow")} was cancelled: the execution deadline was reached", ex.Message);
        Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(10));
    }

    [Fact]
    public void ExecutionAlreadyOver_FailsWithoutConnecting()
    {
        var factory = PrivateFactory();
        var before = _server.CountRequests("/api/data");

        var ex = Assert.Throws<SandboxFetchException>(() =>
            factory.Create(new CancellationToken(canceled: true)).Send(Get(_server.Url("/api/data")), CancellationToken.None));

        Assert.Equal(SandboxFetchError.Timeout, ex.Error);
        Assert.Equal(before, _server.CountRequests("/api/data"));
    }

    [Fact]
    public void RedirectLoop_FailsAsNetworkError()
    {
        var ex = Assert.Throws<SandboxFetchException>(() => Fetcher(o => o.MaxRedirects = 3).Send(Get(_server.Url("/loop")), CancellationToken.None));

        Assert.Equal(SandboxFetchError.NetworkError, ex.Error);
        Assert.Equal($"fetch to {_server.Url("/loop")} failed: too many redirects (max 3)", ex.Message);
    }

    [Fact]
    public void RedirectToFileScheme_IsRefused()
    {
        var ex = Assert.Throws<SandboxFetchException>(() => Fetcher().Send(Get(_server.Url("/to-file")), CancellationToken.None));

        Assert.Equal(SandboxFetchError.PolicyRefused, ex.Error);
        Assert.EndsWith("unsupported URL scheme 'file'", ex.Message);
    }

    [Fact]
    public void UnknownHost_FailsAsNetworkError()
    {
        var ex = Assert.Throws<SandboxFetchException>(() => Fetcher(resolver: new StaticHostResolver()).Send(Get("http://nowhere.test/"), CancellationToken.None));

        Assert.Equal(SandboxFetchError.NetworkError, ex.Error);
        Assert.Equal("fetch to http://nowhere.test/ failed: could not resolve host 'nowhere.test'", ex.Message);
    }

    [Theory]
    [InlineData("file:///etc/passwd", "file")]
    [InlineData("ftp://example.com/", "ftp")]
    [InlineData("gopher://example.com/", "gopher")]
    public void NonHttpScheme_IsRefused(string url, string scheme)
    {
        var ex = Assert.Throws<SandboxFetchException>(() => Fetcher().Send(Get(url), CancellationToken.None));

        Assert.Equal(SandboxFetchError.PolicyRefused, ex.Error);
        Assert.Equal($"fetch URL scheme '{scheme}' is not allowed (http and https only)", ex.Message);
    }

    [Theory]
    [InlineData("", "fetch needs a url")]
    [InlineData("/relative/path", "fetch url '/relative/path' is not an absolute URL")]
    [InlineData("not a url", "fetch url 'not a url' is not an absolute URL")]
    public void MissingOrRelativeUrl_IsAnInvalidRequest(string url, string message)
    {
        var ex = Assert.Throws<SandboxFetchException>(() => Fetcher().Send(Get(url), CancellationToken.None));

        Assert.Equal(SandboxFetchError.InvalidRequest, ex.Error);
        Assert.Equal(message, ex.Message);
    }

    [Fact]
    public void UnsupportedMethod_IsAnInvalidRequest()
    {
        var ex = Assert.Throws<SandboxFetchException>(() =>
            Fetcher().Send(new SandboxFetchRequest(_server.Url("/echo").ToString(), "TRACE", NoHeaders, null), CancellationToken.None));

        Assert.Equal(SandboxFetchError.InvalidRequest, ex.Error);
        Assert.Equal("fetch method 'TRACE' is not supported (GET, POST, PUT, PATCH, DELETE, HEAD, OPTIONS)", ex.Message);
    }

    [Fact]
    public void GetWithBody_IsAnInvalidRequest()
    {
        var ex = Assert.Throws<SandboxFetchException>(() =>
            Fetcher().Send(new SandboxFetchRequest(_server.Url("/echo").ToString(), "GET", NoHeaders, "x"), CancellationToken.None));

        Assert.Equal(SandboxFetchError.InvalidRequest, ex.Error);
        Assert.Equal("fetch with method GET cannot have a body", ex.Message);
    }

    [Theory]
    [InlineData("Host", "evil.test", "fetch header 'Host' may not be set by a script")]
    [InlineData("transfer-encoding", "chunked", "fetch header 'transfer-encoding' may not be set by a script")]
    [InlineData("Proxy-Authorization", "x", "fetch header 'Proxy-Authorization' may not be set by a script")]
    [InlineData("X-Bad", "a\r\nInjected: yes", "fetch header 'X-Bad' has an invalid value")]
    [InlineData("Bad Name", "x", "fetch header name 'Bad Name' is not valid")]
    public void BadHeader_IsAnInvalidRequest(string name, string value, string message)
    {
        var headers = new Dictionary<string, string> { [name] = value };

        var ex = Assert.Throws<SandboxFetchException>(() =>
            Fetcher().Send(new SandboxFetchRequest(_server.Url("/echo").ToString(), "GET", headers, null), CancellationToken.None));

        Assert.Equal(SandboxFetchError.InvalidRequest, ex.Error);
        Assert.Equal(message, ex.Message);
    }

    [Fact]
    public void MalformedAllowedHostsEntry_IsRejectedWhenTheFactoryIsBuilt()
    {
        var ex = Assert.Throws<ArgumentException>(() => new SandboxFetcherFactory(new SandboxFetchOptions { AllowedHosts = ["https://api.test/"] }));

        Assert.Contains("SandboxFetch.AllowedHosts entry 'https://api.test/'", ex.Message);
    }

    [Fact]
    public void Fetch_CarriesNoTraceContextOfTheService()
    {
        using var source = new System.Diagnostics.ActivitySource("ScriptRunner.Tests.TraceLeak");
        using var listener = new System.Diagnostics.ActivityListener
        {
            ShouldListenTo = _ => true,
            Sample = (ref System.Diagnostics.ActivityCreationOptions<System.Diagnostics.ActivityContext> _) =>
                System.Diagnostics.ActivitySamplingResult.AllDataAndRecorded,
        };
        System.Diagnostics.ActivitySource.AddActivityListener(listener);
        using var request = source.StartActivity("an incoming request of ours");
        var path = $"/trace-{Guid.NewGuid():N}";
        _server.MapText(path, "ok");

        Fetcher().Send(Get(_server.Url(path)), CancellationToken.None);

        var received = Assert.Single(_server.Requests, r => r.Path == path);
        Assert.NotNull(request);
        Assert.DoesNotContain(received.Headers.Keys, name => name is "traceparent" or "tracestate" or "Request-Id" or "baggage");
    }

    private static SandboxFetchRequest Get(Uri url) => Get(url.ToString());

    private static SandboxFetchRequest Get(string url) => new(url, "GET", NoHeaders, null);

    public void Dispose()
    {
        foreach (var factory in _factories) factory.Dispose();
    }

    private SandboxFetcher Fetcher(Action<SandboxFetchOptions>? configure = null, IHostResolver? resolver = null) =>
        PrivateFactory(configure, resolver).Create(CancellationToken.None);

    private SandboxFetcherFactory PrivateFactory(Action<SandboxFetchOptions>? configure = null, IHostResolver? resolver = null)
    {
        var options = new SandboxFetchOptions { AllowPrivateNetworks = true };
        configure?.Invoke(options);
        var factory = new SandboxFetcherFactory(options, resolver);
        _factories.Add(factory);
        return factory;
    }

    private static string? OnlyLoopbackServerIsPublic(IPAddress address) =>
        address.Equals(IPAddress.Loopback) ? null : AddressPolicy.PublicOnly.RefusalOf(address);
}
