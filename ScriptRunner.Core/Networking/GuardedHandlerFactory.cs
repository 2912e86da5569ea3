using System.Net;
using System.Net.Http;

namespace ScriptRunner.Core.Networking;

/// <summary>
/// Builds the <see cref="SocketsHttpHandler"/> for outbound requests under an <see cref="AddressPolicy"/>: connections
/// only to allowed addresses (checked at connect time), no automatic redirects (callers follow them hop by hop), no
/// proxy, no cookies, no automatic decompression. Create one per policy and share it; it pools connections.
/// </summary>
public static class GuardedHandlerFactory
{
    /// <summary>A handler that connects only where <paramref name="policy"/> allows, resolving names with <paramref name="resolver"/>.</summary>
    public static SocketsHttpHandler Create(AddressPolicy policy, IHostResolver? resolver = null, TimeSpan? connectTimeout = null)
    {
        ArgumentNullException.ThrowIfNull(policy);
        return Create(policy.RefusalOf, resolver ?? new SystemHostResolver(), connectTimeout);
    }

    internal static SocketsHttpHandler Create(Func<IPAddress, string?> refusalOf, IHostResolver resolver, TimeSpan? connectTimeout)
    {
        var connector = new GuardedConnector(resolver, refusalOf);
        return new SocketsHttpHandler
        {
            ConnectCallback = connector.ConnectAsync,
            // Outbound requests go to hosts chosen by callers and scripts: they carry no trace context of ours.
            ActivityHeadersPropagator = null,
            AllowAutoRedirect = false,
            UseProxy = false,
            Proxy = null,
            UseCookies = false,
            AutomaticDecompression = DecompressionMethods.None,
            PreAuthenticate = false,
            Credentials = null,
            ConnectTimeout = connectTimeout ?? TimeSpan.FromSeconds(30),
            // Pooled connections were checked when opened; recycle them so a long-lived pool follows DNS changes.
            PooledConnectionLifetime = TimeSpan.FromMinutes(2),
            MaxResponseHeadersLength = 64,
        };
    }
}
