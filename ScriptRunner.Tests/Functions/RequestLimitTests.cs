using System.Net.Sockets;
using System.Text;

namespace ScriptRunner.Tests.Functions;

/// <summary>
/// Bodies with a field past its limit are refused while they arrive, at that field, in the validator's words: the
/// rest of the body is never parsed, and need not even be sent.
/// </summary>
public sealed class RequestLimitTests : IClassFixture<RequestLimitTests.App>
{
    private readonly App _app;
    private readonly HttpClient _client;

    public RequestLimitTests(App app)
    {
        _app = app;
        _client = app.Server.Client();
    }

    /// <summary>One app for the class, with the default 10 MB body limit.</summary>
    public sealed class App : IDisposable
    {
        public ScriptRunnerApp Server { get; } = new();

        public void Dispose() => Server.Dispose();
    }

    /// <summary><paramref name="count"/> comma-separated copies of <paramref name="item"/>.</summary>
    private static string Repeat(string item, int count) => string.Join(",", Enumerable.Repeat(item, count));

    private static string EnvEntries(int count) => string.Join(",", Enumerable.Range(0, count).Select(i => $"\"K{i}\":\"v\""));

    private async Task AssertRefused(string body, string error)
    {
        var response = await ScriptRunnerApp.PostRawAsync(_client, body);

        Assert.Equal(400, response.StatusCode);
        Assert.Equal("InvalidRequest", response.ErrorType);
        Assert.Equal(error, response.Error);
    }

    // Each body below breaks off (or turns to garbage) right after the field past its limit. Parsed whole, it would be
    // "not valid JSON"; refused at the field, it names the field.

    [Fact]
    public Task ParamsPastTheLimit_AreRefusedBeforeTheBrokenRest() =>
        AssertRefused("""{"codeBase64":"AGFzbQEAAAA=","handler":"f","params":[""" + Repeat("1", 1001) + ",{{{ not json",
            "'params' has more than 1000 entries.");

    [Fact]
    public Task ArgsPastTheLimit_AreRefusedBeforeTheBrokenRest() =>
        AssertRefused("""{"code":"1","args":[""" + Repeat("\"a\"", 1001) + ",",
            "'args' has more than 1000 entries.");

    [Fact]
    public Task EnvVarsPastTheLimit_AreRefusedBeforeTheBrokenRest() =>
        AssertRefused("""{"code":"1","envVars":{""" + EnvEntries(1001) + ",\"",
            "'envVars' has more than 1000 entries.");

    [Fact]
    public Task HandlerTooLong_IsRefusedBeforeTheBrokenRest() =>
        AssertRefused("{\"code\":\"1\",\"handler\":\"" + new string('h', 129) + "\", ]]",
            "'handler' is longer than 128 characters.");

    [Fact]
    public Task UrlTooLong_IsRefusedBeforeTheBrokenRest() =>
        AssertRefused("""{"url":"https://example.com/""" + new string('u', 8192) + "\" garbage",
            "'url' is longer than 8192 characters.");

    [Fact]
    public Task FieldNames_MatchAsTheParserMatchesThem() =>
        AssertRefused("""{"code":"1","handler":"f","\u0050ARAMS":[""" + Repeat("2", 1001) + ",",
            "'params' has more than 1000 entries.");

    [Fact]
    public Task NestedEntries_CountOncePerEntry() =>
        AssertRefused("""{"code":"1","handler":"f","params":[""" + Repeat("""{"a":[1,2,3]}""", 1001) + ",",
            "'params' has more than 1000 entries.");

    [Fact]
    public Task AtTheLimit_TheValidatorJudgesTheRest() =>
        AssertRefused("""{"code":"1","params":[""" + Repeat("1", 1000) + "]}",
            "'params' requires 'handler' (the export to call).");

    [Fact]
    public Task EscapedHandlerAtTheLimit_IsNotRefusedForItsLength() =>
        AssertRefused("{\"code\":\"1\",\"handler\":\"" + string.Concat(Enumerable.Repeat("\\u0068", 128)) + "\",\"timeout\":0}",
            "'timeout' must be between 1 and 30000 ms; got 0.");

    [Fact]
    public Task FieldsOfOtherObjects_AreNotCounted() =>
        AssertRefused("""{"code":"1","request":{"params":[""" + Repeat("1", 1001) + "]},\"timeout\":0}",
            "'timeout' must be between 1 and 30000 ms; got 0.");

    [Fact]
    public async Task ParamsPastTheLimit_AreRefusedWhileTheRestIsStillUnsent()
    {
        // Content-Length promises a 7 MB body; only the part up to the 1001st entry is sent, and the answer must come
        // without the rest.
        var head = Encoding.UTF8.GetBytes("""{"codeBase64":"AGFzbQEAAAA=","handler":"f","params":[""" + Repeat("12345", 1001) + ",");
        var address = new Uri(_client.BaseAddress!, "/api/execute");
        using var socket = new TcpClient();
        await socket.ConnectAsync(address.Host, address.Port);
        var stream = socket.GetStream();
        var headers = $"POST {address.AbsolutePath} HTTP/1.1\r\nHost: {address.Authority}\r\nContent-Type: application/json\r\nContent-Length: {7 * 1024 * 1024}\r\n\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(headers));
        await stream.WriteAsync(head);
        await stream.FlushAsync();

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var answer = await ReadResponseAsync(stream, timeout.Token);

        Assert.StartsWith("HTTP/1.1 400 ", answer, StringComparison.Ordinal);
        Assert.Contains("\"error\":\"'params' has more than 1000 entries.\"", answer, StringComparison.Ordinal);
    }

    /// <summary>Reads one response, its body sent with a Content-Length or chunked, as text.</summary>
    private static async Task<string> ReadResponseAsync(NetworkStream stream, CancellationToken cancellationToken)
    {
        var received = new MemoryStream();
        var buffer = new byte[8192];
        while (true)
        {
            var read = await stream.ReadAsync(buffer, cancellationToken);
            if (read == 0) return Encoding.UTF8.GetString(received.ToArray());
            received.Write(buffer, 0, read);
            var text = Encoding.UTF8.GetString(received.ToArray());
            var end = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
            if (end < 0) continue;
            var head = text[..end];
            if (head.Contains("Transfer-Encoding: chunked", StringComparison.OrdinalIgnoreCase))
            {
                if (text.EndsWith("\r\n0\r\n\r\n", StringComparison.Ordinal)) return text;
                continue;
            }
            var lengthLine = head.Split("\r\n").FirstOrDefault(l => l.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase));
            if (lengthLine is not null
                && Encoding.UTF8.GetByteCount(text) - (end + 4) >= int.Parse(lengthLine["Content-Length:".Length..].Trim(), System.Globalization.CultureInfo.InvariantCulture))
                return text;
        }
    }
}
