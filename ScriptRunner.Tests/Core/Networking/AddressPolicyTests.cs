using System.Net;
using ScriptRunner.Core.Networking;

namespace ScriptRunner.Tests.Core.Networking;

public sealed class AddressPolicyTests
{
    [Theory]
    [InlineData("127.0.0.1", "loopback")]
    [InlineData("127.255.255.254", "loopback")]
    [InlineData("::1", "loopback")]
    [InlineData("10.0.0.1", "private")]
    [InlineData("10.255.255.255", "private")]
    [InlineData("172.16.0.1", "private")]
    [InlineData("172.31.255.255", "private")]
    [InlineData("192.168.1.1", "private")]
    [InlineData("169.254.1.1", "link-local")]
    [InlineData("169.254.169.254", "link-local, cloud metadata")]
    [InlineData("fe80::1", "link-local")]
    [InlineData("febf:ffff::1", "link-local")]
    [InlineData("fc00::1", "unique-local")]
    [InlineData("fd00::1", "unique-local")]
    [InlineData("fec0::1", "site-local")]
    [InlineData("0.0.0.0", "unspecified")]
    [InlineData("0.1.2.3", "unspecified")]
    [InlineData("::", "unspecified")]
    [InlineData("100.64.0.1", "carrier-grade NAT")]
    [InlineData("100.127.255.255", "carrier-grade NAT")]
    [InlineData("224.0.0.1", "multicast")]
    [InlineData("239.255.255.250", "multicast")]
    [InlineData("ff02::1", "multicast")]
    [InlineData("255.255.255.255", "broadcast")]
    [InlineData("240.0.0.1", "reserved")]
    [InlineData("192.0.0.170", "reserved")]
    [InlineData("198.18.0.1", "reserved")]
    [InlineData("100::1", "reserved")]
    public void PublicOnly_RefusesNonPublicAddress_NamingItsCategory(string address, string category)
    {
        var allowed = AddressPolicy.PublicOnly.IsAllowed(IPAddress.Parse(address), out var refusal);

        Assert.False(allowed);
        Assert.Equal($"address {IPAddress.Parse(address)} is not allowed ({category})", refusal);
    }

    [Theory]
    [InlineData("::ffff:127.0.0.1", "loopback")]
    [InlineData("::ffff:10.1.2.3", "private")]
    [InlineData("::ffff:172.20.0.1", "private")]
    [InlineData("::ffff:192.168.0.1", "private")]
    [InlineData("::ffff:169.254.169.254", "link-local, cloud metadata")]
    [InlineData("::ffff:0.0.0.0", "unspecified")]
    [InlineData("::ffff:100.64.0.1", "carrier-grade NAT")]
    [InlineData("::ffff:224.0.0.1", "multicast")]
    [InlineData("::ffff:255.255.255.255", "broadcast")]
    [InlineData("::127.0.0.1", "loopback")]
    [InlineData("::ffff:0:127.0.0.1", "loopback")]
    [InlineData("64:ff9b::10.0.0.1", "private")]
    [InlineData("64:ff9b::169.254.169.254", "link-local, cloud metadata")]
    [InlineData("2002:7f00:1::1", "loopback")]
    [InlineData("2002:a9fe:a9fe::1", "link-local, cloud metadata")]
    public void PublicOnly_RefusesIPv6FormsEmbeddingANonPublicIPv4Address(string address, string category)
    {
        var allowed = AddressPolicy.PublicOnly.IsAllowed(IPAddress.Parse(address), out var refusal);

        Assert.False(allowed);
        Assert.EndsWith($"is not allowed ({category})", refusal);
    }

    [Theory]
    [InlineData("8.8.8.8")]
    [InlineData("1.1.1.1")]
    [InlineData("11.0.0.1")]
    [InlineData("9.255.255.255")]
    [InlineData("172.15.255.255")]
    [InlineData("172.32.0.1")]
    [InlineData("192.167.255.255")]
    [InlineData("192.169.0.1")]
    [InlineData("169.253.255.255")]
    [InlineData("169.255.0.1")]
    [InlineData("100.63.255.255")]
    [InlineData("100.128.0.1")]
    [InlineData("126.255.255.255")]
    [InlineData("128.0.0.1")]
    [InlineData("223.255.255.255")]
    [InlineData("2606:4700:4700::1111")]
    [InlineData("2001:4860:4860::8888")]
    [InlineData("::ffff:8.8.8.8")]
    [InlineData("64:ff9b::8.8.8.8")]
    [InlineData("2002:808:808::1")]
    [InlineData("fb00::1")]
    [InlineData("fe7f::1")]
    public void PublicOnly_AllowsPublicAddress(string address)
    {
        var allowed = AddressPolicy.PublicOnly.IsAllowed(IPAddress.Parse(address), out var refusal);

        Assert.True(allowed);
        Assert.Null(refusal);
    }

    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("::1")]
    [InlineData("10.0.0.1")]
    [InlineData("192.168.1.1")]
    [InlineData("169.254.169.254")]
    [InlineData("fe80::1")]
    [InlineData("fd00::1")]
    [InlineData("0.0.0.0")]
    [InlineData("100.64.0.1")]
    [InlineData("::ffff:127.0.0.1")]
    public void AllowPrivateNetworks_AllowsNonPublicUnicastAddress(string address)
    {
        Assert.True(new AddressPolicy(allowPrivateNetworks: true).IsAllowed(IPAddress.Parse(address), out _));
    }

    [Theory]
    [InlineData("224.0.0.1", "multicast")]
    [InlineData("ff02::1", "multicast")]
    [InlineData("255.255.255.255", "broadcast")]
    [InlineData("240.0.0.1", "reserved")]
    public void AllowPrivateNetworks_StillRefusesAddressesNoConnectionCanUse(string address, string category)
    {
        var allowed = new AddressPolicy(allowPrivateNetworks: true).IsAllowed(IPAddress.Parse(address), out var refusal);

        Assert.False(allowed);
        Assert.EndsWith($"({category})", refusal);
    }
}
