namespace ScriptRunner.Core.Networking;

/// <summary>The kind of network an IP address belongs to, as far as outbound connections are concerned.</summary>
internal enum AddressCategory
{
    Public,
    Unspecified,
    Loopback,
    Private,
    CarrierGradeNat,
    LinkLocal,
    CloudMetadata,
    UniqueLocal,
    SiteLocal,
    Multicast,
    Broadcast,
    Reserved,
}
