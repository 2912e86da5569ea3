using ScriptRunner.Core.Hosting;

namespace ScriptRunner.Tests.Core.Hosting;

public sealed class HostAllowListTests
{
    [Fact]
    public void EmptyList_AllowsAnyHost()
    {
        var list = new HostAllowList([]);

        Assert.True(list.AllowsAny);
        Assert.True(list.Allows("anything.example"));
    }

    [Theory]
    [InlineData("api.example.com", true)]
    [InlineData("API.Example.COM", true)]
    [InlineData("api.example.com.", true)]
    [InlineData("example.com", false)]
    [InlineData("www.api.example.com", false)]
    [InlineData("api.example.com.evil.test", false)]
    public void ExactEntry_MatchesOnlyThatHost(string host, bool allowed)
    {
        Assert.Equal(allowed, new HostAllowList(["api.example.com"]).Allows(host));
    }

    [Theory]
    [InlineData("api.example.com", true)]
    [InlineData("a.b.example.com", true)]
    [InlineData("API.EXAMPLE.COM", true)]
    [InlineData("example.com", false)]
    [InlineData("badexample.com", false)]
    [InlineData("example.com.evil.test", false)]
    [InlineData("com", false)]
    public void WildcardEntry_MatchesSubdomainsButNotTheApex(string host, bool allowed)
    {
        Assert.Equal(allowed, new HostAllowList(["*.example.com"]).Allows(host));
    }

    [Fact]
    public void ApexAndWildcardTogether_MatchBoth()
    {
        var list = new HostAllowList(["example.com", "*.example.com"]);

        Assert.True(list.Allows("example.com"));
        Assert.True(list.Allows("api.example.com"));
    }

    [Theory]
    [InlineData("203.0.113.7", "203.0.113.7")]
    [InlineData("2001:db8::1", "[2001:db8::1]")]
    [InlineData("[2001:db8::1]", "[2001:db8::1]")]
    public void IpAddressEntry_MatchesThatAddress(string entry, string host)
    {
        Assert.True(new HostAllowList([entry]).Allows(host));
    }

    [Theory]
    [InlineData("*")]
    [InlineData("*.")]
    [InlineData("https://example.com")]
    [InlineData("example.com:8080")]
    [InlineData("api.*.example.com")]
    [InlineData("exa mple.com")]
    [InlineData("")]
    public void MalformedEntry_IsRejectedNamingIt(string entry)
    {
        var ex = Assert.Throws<ArgumentException>(() => new HostAllowList([entry]));

        Assert.Contains($"entry '{entry}'", ex.Message);
    }
}
