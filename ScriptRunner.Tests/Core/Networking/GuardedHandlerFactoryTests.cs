using System.Net;
using System.Net.Http;
using ScriptRunner.Core.Networking;
using ScriptRunner.Tests.Support;

namespace ScriptRunner.Tests.Core.Networking;

public sealed class GuardedHandlerFactoryTests : IClassFixture<LoopbackServer>
{
    private readonly LoopbackServer _server;

    public GuardedHandlerFactoryTests(LoopbackServer server)
    {
        _server = server;
        _server.MapText("/hello", "hello");
        _server.MapRedirect("/moved", "/hello");
    }

    [Fact]
    public void Create_TurnsOffRedirectsProxyCookiesAndDecompression()
    {
        using var handler = GuardedHandlerFactory.Create(AddressPolicy.PublicOnly);

        Assert.False(handler.AllowAutoRedirect);
        Assert.False(handler.UseProxy);
        Assert.False(handler.UseCookies);
        Assert.Equal(DecompressionMethods.None, handler.AutomaticDecompression);
        Assert.NotNull(handler.ConnectCallback);
    }

    [Fact]
    public async Task PublicOnly_ConnectionToLoopbackServer_IsRefusedAtConnectTime()
    {
        using var client = new HttpClient(GuardedHandlerFactory.Create(AddressPolicy.PublicOnly));
        var before = _server.CountRequests("/hello");

        var ex = await Assert.ThrowsAsync<HttpRequestException>(() => client.GetStringAsync(_server.Url("/hello")));

        Assert.Contains("address 127.0.0.1 is not allowed (loopback)", ex.Message);
        Assert.Equal(before, _server.CountRequests("/hello"));
    }

    [Fact]
    public async Task AllowPrivateNetworks_ConnectionToLoopbackServer_Succeeds()
    {
        using var client = new HttpClient(GuardedHandlerFactory.Create(new AddressPolicy(allowPrivateNetworks: true)));

        Assert.Equal("hello", await client.GetStringAsync(_server.Url("/hello")));
    }

    [Fact]
    public async Task PublicLookingNameResolvingToLoopback_IsRefused()
    {
        var resolver = new StaticHostResolver().Add("public.test", "127.0.0.1");
        using var client = new HttpClient(GuardedHandlerFactory.Create(AddressPolicy.PublicOnly, resolver));

        var ex = await Assert.ThrowsAsync<HttpRequestException>(() => client.GetStringAsync(_server.UrlAt("public.test", "/hello")));

        Assert.Contains("address 127.0.0.1 is not allowed (loopback)", ex.Message);
        Assert.Equal(1, resolver.Lookups("public.test"));
    }

    [Fact]
    public async Task PublicLookingNameResolvingToLoopback_ConnectsWhenPrivateNetworksAllowed()
    {
        var resolver = new StaticHostResolver().Add("public.test", "127.0.0.1");
        using var client = new HttpClient(GuardedHandlerFactory.Create(new AddressPolicy(allowPrivateNetworks: true), resolver));

        Assert.Equal("hello", await client.GetStringAsync(_server.UrlAt("public.test", "/hello")));
    }

    [Fact]
    public async Task NameResolvingToSeveralAddresses_SkipsRefusedOnesAndConnectsToAnAllowedOne()
    {
        // 127.0.0.1 stands for a public server here; the private address listed first must never be tried.
        var resolver = new StaticHostResolver().Add("mixed.test", "10.0.0.1", "169.254.169.254", "127.0.0.1");
        var handler = GuardedHandlerFactory.Create(OnlyLoopbackServerIsPublic, resolver, connectTimeout: null);
        using var client = new HttpClient(handler);

        Assert.Equal("hello", await client.GetStringAsync(_server.UrlAt("mixed.test", "/hello")));
    }

    [Fact]
    public async Task NameResolvingOnlyToRefusedAddresses_ReportsTheFirstRefusal()
    {
        var resolver = new StaticHostResolver().Add("internal.test", "10.0.0.1", "fd00::1");
        using var client = new HttpClient(GuardedHandlerFactory.Create(AddressPolicy.PublicOnly, resolver));

        var ex = await Assert.ThrowsAsync<HttpRequestException>(() => client.GetStringAsync("http://internal.test/"));

        Assert.Contains("address 10.0.0.1 is not allowed (private)", ex.Message);
    }

    [Fact]
    public async Task LocalhostThroughTheSystemResolver_IsRefused()
    {
        using var client = new HttpClient(GuardedHandlerFactory.Create(AddressPolicy.PublicOnly));

        var ex = await Assert.ThrowsAsync<HttpRequestException>(() => client.GetStringAsync($"http://localhost:{_server.Port}/hello"));

        Assert.Matches(@"address (127\.0\.0\.1|::1) is not allowed \(loopback\)", ex.Message);
    }

    [Fact]
    public async Task Redirect_IsReturnedNotFollowed()
    {
        using var client = new HttpClient(GuardedHandlerFactory.Create(new AddressPolicy(allowPrivateNetworks: true)));

        using var response = await client.GetAsync(_server.Url("/moved"));

        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        Assert.Equal("/hello", response.Headers.Location?.OriginalString);
    }

    private static string? OnlyLoopbackServerIsPublic(IPAddress address) =>
        address.Equals(IPAddress.Loopback) ? null : AddressPolicy.PublicOnly.RefusalOf(address);
}
