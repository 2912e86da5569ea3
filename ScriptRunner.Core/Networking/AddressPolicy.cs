using System.Diagnostics.CodeAnalysis;
using System.Net;

namespace ScriptRunner.Core.Networking;

/// <summary>
/// Which IP addresses outbound connections may reach. Public addresses always; loopback, private, carrier-grade NAT,
/// link-local (cloud metadata included), unique-local, site-local and unspecified addresses only when
/// <see cref="AllowPrivateNetworks"/> is set; multicast, broadcast and reserved ranges never.
/// IPv6 forms that embed an IPv4 address (mapped, compatible, NAT64, 6to4) are judged by the embedded address.
/// </summary>
public sealed class AddressPolicy(bool allowPrivateNetworks)
{
    /// <summary>Refuses every non-public address.</summary>
    public static AddressPolicy PublicOnly { get; } = new(false);

    /// <summary>Whether loopback, private and link-local networks may be reached.</summary>
    public bool AllowPrivateNetworks { get; } = allowPrivateNetworks;

    /// <summary>Whether a connection to <paramref name="address"/> is allowed; if not, <paramref name="refusal"/> says why.</summary>
    public bool IsAllowed(IPAddress address, [NotNullWhen(false)] out string? refusal)
    {
        ArgumentNullException.ThrowIfNull(address);
        var category = AddressClassifier.Classify(address);
        var allowed = category switch
        {
            AddressCategory.Public => true,
            AddressCategory.Multicast or AddressCategory.Broadcast or AddressCategory.Reserved => false,
            _ => AllowPrivateNetworks,
        };
        refusal = allowed ? null : $"address {address} is not allowed ({AddressClassifier.Describe(category)})";
        return allowed;
    }

    /// <summary>The refusal message for <paramref name="address"/>, or null when it is allowed.</summary>
    internal string? RefusalOf(IPAddress address) => IsAllowed(address, out var refusal) ? null : refusal;
}
