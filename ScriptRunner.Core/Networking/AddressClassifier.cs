using System.Net;
using System.Net.Sockets;

namespace ScriptRunner.Core.Networking;

/// <summary>Sorts an IP address into an <see cref="AddressCategory"/>, looking through IPv6 forms that embed an IPv4 address.</summary>
internal static class AddressClassifier
{
    /// <summary>The category of <paramref name="address"/>.</summary>
    public static AddressCategory Classify(IPAddress address)
    {
        Span<byte> bytes = stackalloc byte[16];
        if (!address.TryWriteBytes(bytes, out var written)) return AddressCategory.Reserved;
        return address.AddressFamily switch
        {
            AddressFamily.InterNetwork when written == 4 => ClassifyV4(bytes[..4]),
            AddressFamily.InterNetworkV6 when written == 16 => ClassifyV6(bytes[..16]),
            _ => AddressCategory.Reserved,
        };
    }

    /// <summary>The words used for a category in refusal messages.</summary>
    public static string Describe(AddressCategory category) => category switch
    {
        AddressCategory.Public => "public",
        AddressCategory.Unspecified => "unspecified",
        AddressCategory.Loopback => "loopback",
        AddressCategory.Private => "private",
        AddressCategory.CarrierGradeNat => "carrier-grade NAT",
        AddressCategory.LinkLocal => "link-local",
        AddressCategory.CloudMetadata => "link-local, cloud metadata",
        AddressCategory.UniqueLocal => "unique-local",
        AddressCategory.SiteLocal => "site-local",
        AddressCategory.Multicast => "multicast",
        AddressCategory.Broadcast => "broadcast",
        _ => "reserved",
    };

    private static AddressCategory ClassifyV4(ReadOnlySpan<byte> b)
    {
        // Linux connects 0.0.0.0/8 to the local host, so "this network" is as dangerous as loopback.
        if (b[0] == 0) return AddressCategory.Unspecified;
        if (b[0] == 10) return AddressCategory.Private;
        if (b[0] == 100 && (b[1] & 0xC0) == 64) return AddressCategory.CarrierGradeNat;
        if (b[0] == 127) return AddressCategory.Loopback;
        if (b[0] == 169 && b[1] == 254)
        {
            return b[2] == 169 && b[3] == 254 ? AddressCategory.CloudMetadata : AddressCategory.LinkLocal;
        }

        if (b[0] == 172 && (b[1] & 0xF0) == 16) return AddressCategory.Private;
        if (b[0] == 192 && b[1] == 168) return AddressCategory.Private;
        if (b[0] == 192 && b[1] == 0 && b[2] == 0) return AddressCategory.Reserved;
        if (b[0] == 198 && (b[1] & 0xFE) == 18) return AddressCategory.Reserved;
        if (b[0] is >= 224 and < 240) return AddressCategory.Multicast;
        if (b[0] == 255 && b[1] == 255 && b[2] == 255 && b[3] == 255) return AddressCategory.Broadcast;
        if (b[0] >= 240) return AddressCategory.Reserved;
        return AddressCategory.Public;
    }

    private static AddressCategory ClassifyV6(ReadOnlySpan<byte> b)
    {
        if (IsZero(b[..15]))
        {
            return b[15] switch
            {
                0 => AddressCategory.Unspecified,
                1 => AddressCategory.Loopback,
                _ => ClassifyV4(b[12..]),
            };
        }

        // ::ffff:a.b.c.d (mapped) and ::a.b.c.d (compatible) reach the embedded IPv4 host.
        if (IsZero(b[..10]) && b[10] == 0xFF && b[11] == 0xFF) return ClassifyV4(b[12..]);
        if (IsZero(b[..12])) return ClassifyV4(b[12..]);
        // ::ffff:0:a.b.c.d (SIIT translated) and 64:ff9b::a.b.c.d (NAT64) are translated to the embedded address.
        if (IsZero(b[..8]) && b[8] == 0xFF && b[9] == 0xFF && b[10] == 0 && b[11] == 0) return ClassifyV4(b[12..]);
        if (b[0] == 0x00 && b[1] == 0x64 && b[2] == 0xFF && b[3] == 0x9B && IsZero(b[4..12])) return ClassifyV4(b[12..]);
        // 2002:aabb:ccdd::/48 (6to4) tunnels to a.b.c.d.
        if (b[0] == 0x20 && b[1] == 0x02) return ClassifyV4(b[2..6]);

        if (b[0] == 0xFF) return AddressCategory.Multicast;
        if (b[0] == 0xFE && (b[1] & 0xC0) == 0x80) return AddressCategory.LinkLocal;
        if (b[0] == 0xFE && (b[1] & 0xC0) == 0xC0) return AddressCategory.SiteLocal;
        if ((b[0] & 0xFE) == 0xFC) return AddressCategory.UniqueLocal;
        if (b[0] == 0x01 && b[1] == 0x00 && IsZero(b[2..8])) return AddressCategory.Reserved;
        return AddressCategory.Public;
    }

    private static bool IsZero(ReadOnlySpan<byte> bytes) => !bytes.ContainsAnyExcept((byte)0);
}
