using System.Net;
using System.Net.Http;
using System.Runtime.ExceptionServices;

namespace ScriptRunner.Core.Networking;

/// <summary>
/// Sends a request and follows redirects itself, so every hop is checked: scheme http/https, the caller's own hop
/// rule (e.g. an allowed-hosts list) and, through the guarded handler, the address connected to.
/// </summary>
internal static class RedirectFollower
{
    /// <summary>
    /// Sends <paramref name="request"/>, following at most <paramref name="maxRedirects"/> redirects. Returns the first
    /// response that is not a followable redirect, with its headers read and its body still unread.
    /// </summary>
    public static async Task<(HttpResponseMessage Response, Uri FinalUrl)> SendAsync(
        HttpMessageInvoker invoker,
        OutboundRequest request,
        int maxRedirects,
        Action<Uri>? checkHop,
        CancellationToken cancellationToken)
    {
        var current = request;
        for (var redirects = 0; ; redirects++)
        {
            CheckScheme(current.Url);
            checkHop?.Invoke(current.Url);

            var response = await SendOnceAsync(invoker, current, cancellationToken).ConfigureAwait(false);
            if (!IsFollowedRedirect(response.StatusCode) || response.Headers.Location is not { } location)
            {
                return (response, current.Url);
            }

            response.Dispose();
            if (redirects >= maxRedirects)
            {
                throw new OutboundRequestException(OutboundFailure.TooManyRedirects, $"too many redirects (max {maxRedirects})");
            }

            if (!Uri.TryCreate(current.Url, location, out var target))
            {
                throw new OutboundRequestException(OutboundFailure.ProtocolError, $"redirect to '{location}' is not a valid URL");
            }

            current = NextHop(current, response.StatusCode, target);
        }
    }

    /// <summary>Refuses anything but absolute http and https URLs.</summary>
    public static void CheckScheme(Uri url)
    {
        if (!url.IsAbsoluteUri)
        {
            throw new OutboundRequestException(OutboundFailure.UnsupportedScheme, $"URL '{url}' is not absolute");
        }

        if (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps)
        {
            throw new OutboundRequestException(OutboundFailure.UnsupportedScheme, $"unsupported URL scheme '{url.Scheme}'");
        }
    }

    private static async Task<HttpResponseMessage> SendOnceAsync(HttpMessageInvoker invoker, OutboundRequest request, CancellationToken cancellationToken)
    {
        using var message = Build(request);
        try
        {
            return await invoker.SendAsync(message, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException ex) when (FindOutboundFailure(ex) is { } failure)
        {
            ExceptionDispatchInfo.Throw(failure);
            throw;
        }
        catch (HttpRequestException ex)
        {
            throw new OutboundRequestException(OutboundFailure.ProtocolError, HttpFailureText.Describe(ex), ex);
        }
    }

    private static HttpRequestMessage Build(OutboundRequest request)
    {
        var message = new HttpRequestMessage(request.Method, request.Url);
        if (request.Body is not null) message.Content = new ByteArrayContent(request.Body);
        foreach (var (name, value) in request.Headers)
        {
            if (message.Headers.TryAddWithoutValidation(name, value)) continue;
            // Content headers (Content-Type, Content-Language...) only make sense with a body.
            message.Content?.Headers.TryAddWithoutValidation(name, value);
        }

        return message;
    }

    private static bool IsFollowedRedirect(HttpStatusCode status) => status is
        HttpStatusCode.MovedPermanently or HttpStatusCode.Found or HttpStatusCode.SeeOther or
        HttpStatusCode.TemporaryRedirect or HttpStatusCode.PermanentRedirect;

    private static OutboundRequest NextHop(OutboundRequest current, HttpStatusCode status, Uri target)
    {
        // 303 always, and 301/302 after POST, turn into a GET without body (what every browser does).
        var toGet = (status == HttpStatusCode.SeeOther && current.Method != HttpMethod.Head) ||
                    (status is HttpStatusCode.MovedPermanently or HttpStatusCode.Found && current.Method == HttpMethod.Post);
        var headers = current.Headers.AsEnumerable();
        if (toGet) headers = headers.Where(h => !h.Key.StartsWith("Content-", StringComparison.OrdinalIgnoreCase));
        // Credentials are for the origin they were written for; a redirect elsewhere must not carry them.
        if (!SameOrigin(current.Url, target))
        {
            headers = headers.Where(h => !h.Key.Equals("Authorization", StringComparison.OrdinalIgnoreCase) &&
                                         !h.Key.Equals("Cookie", StringComparison.OrdinalIgnoreCase));
        }

        return new OutboundRequest(toGet ? HttpMethod.Get : current.Method, target, headers.ToArray(), toGet ? null : current.Body);
    }

    private static bool SameOrigin(Uri a, Uri b) =>
        a.Scheme == b.Scheme && a.Port == b.Port && string.Equals(a.IdnHost, b.IdnHost, StringComparison.OrdinalIgnoreCase);

    private static OutboundRequestException? FindOutboundFailure(Exception? ex)
    {
        for (; ex is not null; ex = ex.InnerException)
        {
            if (ex is OutboundRequestException failure) return failure;
        }

        return null;
    }
}
