using System.Text;

namespace ScriptRunner.Tests.Functions;

/// <summary>Requests refused before anything runs: 400 or 413, always with the normal result shape.</summary>
public sealed class InvalidRequestTests : IClassFixture<InvalidRequestTests.App>
{
    private readonly HttpClient _client;

    public InvalidRequestTests(App app) => _client = app.Server.Client();

    /// <summary>One app for the class, with a small body limit so the 413 test stays small.</summary>
    public sealed class App : IDisposable
    {
        public ScriptRunnerApp Server { get; } = new(("ScriptRunner:Limits:MaxRequestBodyBytes", "65536"));

        public void Dispose() => Server.Dispose();
    }

    private static void AssertResultShape(ApiResponse response)
    {
        foreach (var field in new[] { "status", "success", "result", "stdout", "stderr", "logs", "error", "errorType", "stack", "exitCode", "duration", "metadata" })
            Assert.True(response.Body.ContainsKey(field), $"missing '{field}'");
        Assert.Equal("error", response.Body["status"]!.GetValue<string>());
        Assert.False(response.Success);
        Assert.True(response.Metadata.ContainsKey("timestamp"));
    }

    private async Task<ApiResponse> AssertBadRequest(string json, string mentions)
    {
        var response = await ScriptRunnerApp.PostRawAsync(_client, json);
        Assert.Equal(400, response.StatusCode);
        AssertResultShape(response);
        Assert.Equal("InvalidRequest", response.ErrorType);
        Assert.Contains(mentions, response.Error);
        return response;
    }

    [Fact]
    public Task MalformedJson_Is400() => AssertBadRequest("""{"code": "1 + 1",""", "not valid JSON");

    [Fact]
    public Task TrailingGarbage_Is400() => AssertBadRequest("""{"code": "1"} x""", "not valid JSON");

    [Fact]
    public Task EmptyBody_Is400() => AssertBadRequest("", "empty");

    [Fact]
    public Task JsonArray_Is400() => AssertBadRequest("[1, 2]", "JSON object");

    [Fact]
    public Task JsonNull_Is400() => AssertBadRequest("null", "JSON object");

    [Fact]
    public Task WrongFieldType_Is400NamingTheField() => AssertBadRequest("""{"code": "1", "timeout": "5000"}""", "'timeout'");

    [Fact]
    public Task WrongNestedType_Is400NamingTheField() => AssertBadRequest("""{"code": "1", "envVars": {"A": 1}}""", "'envVars.A'");

    [Fact]
    public Task NoSource_Is400() => AssertBadRequest("""{"timeout": 1000}""", "'url', 'code' or 'codeBase64'");

    [Fact]
    public Task CodeAndUrl_Is400() => AssertBadRequest("""{"code": "1", "url": "https://example.com/a.js"}""", "Exactly one");

    [Fact]
    public Task CodeAndCodeBase64_Is400() => AssertBadRequest("""{"code": "1", "codeBase64": "MQ=="}""", "Exactly one");

    [Fact]
    public Task TimeoutAboveMax_Is400() => AssertBadRequest("""{"code": "1", "timeout": 30001}""", "'timeout' must be between 1 and 30000");

    [Fact]
    public Task TimeoutZero_Is400() => AssertBadRequest("""{"code": "1", "timeout": 0}""", "'timeout'");

    [Fact]
    public Task MemoryBelowMin_Is400() => AssertBadRequest("""{"code": "1", "memory": 16}""", "'memory' must be between 64 and 512");

    [Fact]
    public Task MemoryAboveMax_Is400() => AssertBadRequest("""{"code": "1", "memory": 4096}""", "'memory'");

    [Fact]
    public Task FtpUrl_Is400() => AssertBadRequest("""{"url": "ftp://example.com/a.js"}""", "http or https");

    [Fact]
    public Task FileUrl_Is400() => AssertBadRequest("""{"url": "file:///etc/passwd"}""", "http or https");

    [Fact]
    public Task BadBase64_Is400() => AssertBadRequest("""{"codeBase64": "%%%"}""", "'codeBase64'");

    [Fact]
    public Task UnknownType_Is400() => AssertBadRequest("""{"code": "1", "type": "python"}""", "'type'");

    [Fact]
    public Task BadSha256_Is400() => AssertBadRequest("""{"code": "1", "sha256": "abc"}""", "'sha256'");

    [Fact]
    public Task ParamsWithoutHandler_Is400() => AssertBadRequest("""{"code": "1", "params": [1, 2]}""", "'params' requires 'handler'");

    [Fact]
    public async Task UnknownFields_AreIgnored()
    {
        var response = await ScriptRunnerApp.PostRawAsync(_client, """{"url": "ftp://x/y", "somethingElse": {"deep": [1]}}""");
        Assert.Equal(400, response.StatusCode);
        Assert.Contains("http or https", response.Error);
    }

    [Fact]
    public async Task FieldNames_AreCaseInsensitive()
    {
        var response = await ScriptRunnerApp.PostRawAsync(_client, """{"URL": "ftp://x/y"}""");
        Assert.Contains("http or https", response.Error);
    }

    [Fact]
    public async Task BodyOverTheLimit_Is413WithTheResultShape()
    {
        var json = "{\"code\": \"" + new string('x', 70_000) + "\"}";

        var response = await ScriptRunnerApp.PostRawAsync(_client, json);

        Assert.Equal(413, response.StatusCode);
        AssertResultShape(response);
        Assert.Equal("PayloadTooLarge", response.ErrorType);
        Assert.Contains("65536", response.Error);
    }

    [Fact]
    public async Task ChunkedBodyOverTheLimit_Is413()
    {
        var json = "{\"code\": \"" + new string('x', 70_000) + "\"}";
        using var content = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes(json)));
        content.Headers.ContentType = new("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/execute") { Content = content };
        request.Headers.TransferEncodingChunked = true;

        using var response = await _client.SendAsync(request);
        var parsed = await ApiResponse.ReadAsync(response);

        Assert.Equal(413, parsed.StatusCode);
        Assert.Equal("PayloadTooLarge", parsed.ErrorType);
    }

    [Fact]
    public async Task GetOnExecute_IsNotAllowed()
    {
        using var response = await _client.GetAsync("/api/execute");
        Assert.Equal(405, (int)response.StatusCode);
    }
}
