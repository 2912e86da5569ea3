using System.Diagnostics;
using System.Net;
using System.Net.Http;
using ScriptRunner.Core.Networking;
using ScriptRunner.Core.Options;

namespace ScriptRunner.Core.Fetching;

/// <summary>
/// Downloads code over http/https under <see cref="DownloadOptions"/>: public addresses only unless private networks
/// are allowed (checked on every connection, every redirect hop), bounded redirects, a size cap enforced while
/// streaming and an overall timeout. One instance per process: it owns a pooled handler.
/// </summary>
public sealed class CodeFetcher : ICodeFetcher, IDisposable
{
    private static readonly KeyValuePair<string, string>[] DefaultHeaders =
    [
        new("Accept", "application/wasm, application/javascript, text/javascript, */*;q=0.5"),
        new("User-Agent", "ScriptRunner"),
    ];

    private readonly HttpMessageInvoker _client;
    private readonly long _maxBytes;
    private readonly int _timeoutMs;
    private readonly int _maxRedirects;

    /// <summary>A fetcher for <paramref name="options"/>, resolving host names with <paramref name="resolver"/> (default: the system resolver).</summary>
    public CodeFetcher(DownloadOptions options, IHostResolver? resolver = null)
        : this(options, resolver ?? new SystemHostResolver(), new AddressPolicy((options ?? throw new ArgumentNullException(nameof(options))).AllowPrivateNetworks).RefusalOf)
    {
    }

    internal CodeFetcher(DownloadOptions options, IHostResolver resolver, Func<IPAddress, string?> refusalOf)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.MaxBytes < 0) throw new ArgumentOutOfRangeException(nameof(options), "Download.MaxBytes must not be negative.");
        if (options.TimeoutMs <= 0) throw new ArgumentOutOfRangeException(nameof(options), "Download.TimeoutMs must be positive.");
        if (options.MaxRedirects < 0) throw new ArgumentOutOfRangeException(nameof(options), "Download.MaxRedirects must not be negative.");
        _maxBytes = options.MaxBytes;
        _timeoutMs = options.TimeoutMs;
        _maxRedirects = options.MaxRedirects;
        var handler = GuardedHandlerFactory.Create(refusalOf, resolver, TimeSpan.FromMilliseconds(_timeoutMs));
        _client = new HttpMessageInvoker(handler, disposeHandler: true);
    }

    /// <inheritdoc />
    public async Task<FetchedCode> FetchAsync(Uri url, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(url);
        var started = Stopwatch.GetTimestamp();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_timeoutMs);
        try
        {
            var request = new OutboundRequest(HttpMethod.Get, url, DefaultHeaders, Body: null);
            var (response, finalUrl) = await RedirectFollower.SendAsync(_client, request, _maxRedirects, checkHop: null, timeout.Token)
                .ConfigureAwait(false);
            using (response)
            {
                if (!response.IsSuccessStatusCode)
                {
                    throw new CodeDownloadException(DescribeStatus(response, finalUrl)) { StatusCode = (int)response.StatusCode };
                }

                var bytes = await BoundedBody.ReadAsync(response.Content, _maxBytes, timeout.Token).ConfigureAwait(false);
                return new FetchedCode(bytes, response.Content.Headers.ContentType?.ToString(), finalUrl, Stopwatch.GetElapsedTime(started));
            }
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested && timeout.IsCancellationRequested)
        {
            throw new CodeDownloadException($"download timed out after {_timeoutMs} ms", ex);
        }
        catch (OutboundRequestException ex)
        {
            var message = ex.Failure == OutboundFailure.ProtocolError ? $"download from {url} failed: {ex.Message}" : ex.Message;
            throw new CodeDownloadException(message, ex);
        }
        catch (BodyTooLargeException ex)
        {
            var declared = ex.DeclaredLength is { } length ? $" (Content-Length {length})" : "";
            throw new CodeDownloadException($"download exceeds the {ex.Limit}-byte limit{declared}", ex);
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException)
        {
            throw new CodeDownloadException($"download from {url} failed: {HttpFailureText.Describe(ex)}", ex);
        }
    }

    /// <summary>Closes pooled connections.</summary>
    public void Dispose() => _client.Dispose();

    private static string DescribeStatus(HttpResponseMessage response, Uri url)
    {
        var code = (int)response.StatusCode;
        var reason = string.IsNullOrEmpty(response.ReasonPhrase) ? "" : " " + response.ReasonPhrase;
        var redirect = code is >= 300 and < 400 ? " (redirect without a Location header)" : "";
        return $"HTTP {code}{reason} from {url}{redirect}";
    }
}
