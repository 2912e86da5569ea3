using System.Net.Http;
using System.Text;
using ScriptRunner.Core.Networking;

namespace ScriptRunner.Core.Hosting;

/// <summary>
/// The <c>fetch</c> of one execution, enforcing <see cref="Options.SandboxFetchOptions"/>: allowed hosts (every redirect
/// hop too), public addresses only unless private networks are allowed (checked on the address connected to), a
/// request count, request and response size caps, and a timeout that never outlasts the execution. Thread-safe.
/// Made by <see cref="SandboxFetcherFactory.Create"/>.
/// </summary>
public sealed class SandboxFetcher : ISandboxFetcher
{
    private static readonly HashSet<string> Methods = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"];

    // Headers that describe the connection or framing, not the request; letting a script set them could smuggle requests.
    private static readonly HashSet<string> ForbiddenHeaders = new(StringComparer.OrdinalIgnoreCase)
    {
        "Host", "Connection", "Keep-Alive", "Transfer-Encoding", "TE", "Trailer", "Upgrade", "Expect",
    };

    private readonly SandboxFetchPolicy _policy;
    private readonly HttpMessageInvoker _client;
    private readonly CancellationToken _executionToken;
    private int _attempts;

    internal SandboxFetcher(SandboxFetchPolicy policy, HttpMessageInvoker client, CancellationToken executionToken)
    {
        _policy = policy;
        _client = client;
        _executionToken = executionToken;
    }

    /// <summary>How many fetches the script has attempted, refused ones included.</summary>
    public int Attempts => Volatile.Read(ref _attempts);

    /// <inheritdoc />
    public SandboxFetchResponse Send(SandboxFetchRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (Interlocked.Increment(ref _attempts) > _policy.MaxRequests)
        {
            throw new SandboxFetchException(SandboxFetchError.PolicyRefused,
                $"fetch limit of {_policy.MaxRequests} requests per execution reached");
        }

        var outbound = Prepare(request);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(_executionToken, cancellationToken);
        if (timeout.IsCancellationRequested) throw DeadlineReached(outbound.Url);
        timeout.CancelAfter(_policy.TimeoutMs);
        try
        {
            // The script's thread blocks here; the work runs on the pool so no synchronization context can deadlock it.
            return Task.Run(() => SendAsync(outbound, timeout.Token), timeout.Token).GetAwaiter().GetResult();
        }
        catch (OperationCanceledException ex) when (timeout.IsCancellationRequested)
        {
            if (_executionToken.IsCancellationRequested || cancellationToken.IsCancellationRequested) throw DeadlineReached(outbound.Url, ex);
            throw new SandboxFetchException(SandboxFetchError.Timeout, $"fetch to {outbound.Url} timed out after {_policy.TimeoutMs} ms", ex);
        }
        catch (OutboundRequestException ex)
        {
            var error = ex.Failure is OutboundFailure.AddressRefused or OutboundFailure.UnsupportedScheme
                ? SandboxFetchError.PolicyRefused
                : SandboxFetchError.NetworkError;
            throw new SandboxFetchException(error, $"fetch to {outbound.Url} failed: {ex.Message}", ex);
        }
        catch (BodyTooLargeException ex)
        {
            throw new SandboxFetchException(SandboxFetchError.ResponseTooLarge,
                $"fetch response from {outbound.Url} exceeds the {ex.Limit}-byte limit", ex);
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException)
        {
            throw new SandboxFetchException(SandboxFetchError.NetworkError, $"fetch to {outbound.Url} failed: {HttpFailureText.Describe(ex)}", ex);
        }
    }

    private async Task<SandboxFetchResponse> SendAsync(OutboundRequest request, CancellationToken cancellationToken)
    {
        var (response, finalUrl) = await RedirectFollower.SendAsync(_client, request, _policy.MaxRedirects, CheckHost, cancellationToken)
            .ConfigureAwait(false);
        using (response)
        {
            var body = request.Method == HttpMethod.Head
                ? []
                : await BoundedBody.ReadAsync(response.Content, _policy.MaxResponseBytes, cancellationToken).ConfigureAwait(false);
            return new SandboxFetchResponse((int)response.StatusCode, response.ReasonPhrase ?? "", CollectHeaders(response),
                Encoding.UTF8.GetString(body))
            {
                FinalUrl = finalUrl.AbsoluteUri,
                Redirected = finalUrl != request.Url,
            };
        }
    }

    private OutboundRequest Prepare(SandboxFetchRequest request)
    {
        if (string.IsNullOrWhiteSpace(request.Url))
        {
            throw new SandboxFetchException(SandboxFetchError.InvalidRequest, "fetch needs a url");
        }

        // On Unix "/path" parses as an absolute file URI; a script writing a path meant a relative URL, which fetch cannot resolve.
        var text = request.Url.Trim();
        if (!Uri.TryCreate(text, UriKind.Absolute, out var url) || url.IsFile && !text.StartsWith("file:", StringComparison.OrdinalIgnoreCase))
        {
            throw new SandboxFetchException(SandboxFetchError.InvalidRequest, $"fetch url '{request.Url}' is not an absolute URL");
        }

        if (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps)
        {
            throw new SandboxFetchException(SandboxFetchError.PolicyRefused,
                $"fetch URL scheme '{url.Scheme}' is not allowed (http and https only)");
        }

        var method = string.IsNullOrWhiteSpace(request.Method) ? "GET" : request.Method.Trim().ToUpperInvariant();
        if (!Methods.Contains(method))
        {
            throw new SandboxFetchException(SandboxFetchError.InvalidRequest,
                $"fetch method '{request.Method}' is not supported (GET, POST, PUT, PATCH, DELETE, HEAD, OPTIONS)");
        }

        byte[]? body = null;
        if (request.BodyBytes is { Length: > 0 } || !string.IsNullOrEmpty(request.Body))
        {
            if (method is "GET" or "HEAD")
            {
                throw new SandboxFetchException(SandboxFetchError.InvalidRequest, $"fetch with method {method} cannot have a body");
            }

            var size = request.BodyBytes?.Length ?? Encoding.UTF8.GetByteCount(request.Body!);
            if (size > _policy.MaxRequestBytes)
            {
                throw new SandboxFetchException(SandboxFetchError.PolicyRefused,
                    $"fetch request body of {size} bytes exceeds the {_policy.MaxRequestBytes}-byte limit");
            }

            body = request.BodyBytes ?? Encoding.UTF8.GetBytes(request.Body!);
        }

        CheckHost(url);
        return new OutboundRequest(new HttpMethod(method), url, PrepareHeaders(request.Headers), body);
    }

    private static KeyValuePair<string, string>[] PrepareHeaders(IReadOnlyDictionary<string, string>? headers)
    {
        var prepared = new List<KeyValuePair<string, string>>();
        var hasUserAgent = false;
        foreach (var (name, value) in headers ?? new Dictionary<string, string>())
        {
            if (!IsToken(name))
            {
                throw new SandboxFetchException(SandboxFetchError.InvalidRequest, $"fetch header name '{name}' is not valid");
            }

            if (value is null || value.AsSpan().ContainsAny('\r', '\n', '\0'))
            {
                throw new SandboxFetchException(SandboxFetchError.InvalidRequest, $"fetch header '{name}' has an invalid value");
            }

            if (ForbiddenHeaders.Contains(name) || name.StartsWith("Proxy-", StringComparison.OrdinalIgnoreCase))
            {
                throw new SandboxFetchException(SandboxFetchError.InvalidRequest, $"fetch header '{name}' may not be set by a script");
            }

            // The length is computed from the body actually sent; a script's own value could only be wrong.
            if (name.Equals("Content-Length", StringComparison.OrdinalIgnoreCase)) continue;
            hasUserAgent |= name.Equals("User-Agent", StringComparison.OrdinalIgnoreCase);
            prepared.Add(new(name, value));
        }

        if (!hasUserAgent) prepared.Add(new("User-Agent", "ScriptRunner-Fetch"));
        return [.. prepared];
    }

    private void CheckHost(Uri url)
    {
        if (!_policy.AllowedHosts.Allows(url.IdnHost))
        {
            throw new SandboxFetchException(SandboxFetchError.PolicyRefused, $"fetch to host '{url.IdnHost}' is not allowed");
        }
    }

    private static Dictionary<string, string> CollectHeaders(HttpResponseMessage response)
    {
        var headers = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, values) in response.Headers.Concat(response.Content.Headers))
        {
            var key = name.ToLowerInvariant();
            var joined = string.Join(", ", values);
            headers[key] = headers.TryGetValue(key, out var existing) ? existing + ", " + joined : joined;
        }

        return headers;
    }

    private static SandboxFetchException DeadlineReached(Uri url, Exception? inner = null) =>
        new(SandboxFetchError.Timeout, $"fetch to {url} was cancelled: the execution deadline was reached", inner);

    private static bool IsToken(string name) =>
        name.Length > 0 && !name.AsSpan().ContainsAnyExcept(TokenChars);

    private static readonly System.Buffers.SearchValues<char> TokenChars =
        System.Buffers.SearchValues.Create("!#$%&'*+-.^_`|~0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz");
}
