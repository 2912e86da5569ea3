using System.Text;
using System.Text.Json;
using ScriptRunner.Core.Execution;
using ScriptRunner.Core.Model;
using ScriptRunner.Core.Options;

namespace ScriptRunner.Tests.Core.Execution;

public sealed class RequestValidatorTests
{
    private readonly RequestValidator _validator = new(new LimitsOptions
    {
        DefaultTimeoutMs = 10_000, MinTimeoutMs = 1, MaxTimeoutMs = 30_000,
        DefaultMemoryMb = 128, MinMemoryMb = 64, MaxMemoryMb = 512,
    });

    private InvalidRequestException Invalid(ExecutionRequest request) => Assert.Throws<InvalidRequestException>(() => _validator.Validate(request));

    [Fact]
    public void InlineCode_AppliesDefaultTimeoutAndMemory()
    {
        var valid = _validator.Validate(new ExecutionRequest { Code = "1 + 1" });

        Assert.Equal(Encoding.UTF8.GetBytes("1 + 1"), valid.InlineCode);
        Assert.Null(valid.Url);
        Assert.Equal(TimeSpan.FromSeconds(10), valid.Job.Timeout);
        Assert.Equal(128L * 1024 * 1024, valid.Job.MemoryLimitBytes);
        Assert.Null(valid.TypeHint);
    }

    [Fact]
    public void NoSource_IsRejectedNamingUrl()
    {
        var error = Invalid(new ExecutionRequest());
        Assert.Equal("url", error.Field);
        Assert.Contains("'code'", error.Message);
    }

    [Theory]
    [InlineData("http://example.com/a.js", "x", null, "code")]
    [InlineData(null, "x", "eA==", "codeBase64")]
    [InlineData("http://example.com/a.js", null, "eA==", "codeBase64")]
    public void TwoSources_AreRejectedNamingBoth(string? url, string? code, string? codeBase64, string second)
    {
        var error = Invalid(new ExecutionRequest { Url = url, Code = code, CodeBase64 = codeBase64 });
        Assert.Equal(second, error.Field);
        Assert.Contains("Exactly one", error.Message);
        Assert.Contains($"'{second}'", error.Message);
    }

    [Theory]
    [InlineData("ftp://example.com/a.js", "ftp")]
    [InlineData("file:///etc/passwd", "file")]
    [InlineData("javascript:alert(1)", "javascript")]
    public void NonHttpScheme_IsRejected(string url, string scheme)
    {
        var error = Invalid(new ExecutionRequest { Url = url });
        Assert.Equal("url", error.Field);
        Assert.Contains($"not '{scheme}'", error.Message);
    }

    [Theory]
    [InlineData("")]
    [InlineData("example.com/a.js")]
    [InlineData("/relative/a.js")]
    public void MalformedUrl_IsRejected(string url) => Assert.Equal("url", Invalid(new ExecutionRequest { Url = url }).Field);

    [Fact]
    public void HttpsUrl_IsAccepted() =>
        Assert.Equal(new Uri("https://example.com/a.js"), _validator.Validate(new ExecutionRequest { Url = "https://example.com/a.js" }).Url);

    [Fact]
    public void Base64_IsDecoded()
    {
        var valid = _validator.Validate(new ExecutionRequest { CodeBase64 = Convert.ToBase64String([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0]) });
        Assert.Equal(new byte[] { 0, 0x61, 0x73, 0x6d, 1, 0, 0, 0 }, valid.InlineCode);
    }

    [Theory]
    [InlineData("not base64!")]
    [InlineData("abc")]
    [InlineData("")]
    public void InvalidBase64_IsRejected(string base64) =>
        Assert.Equal("codeBase64", Invalid(new ExecutionRequest { CodeBase64 = base64 }).Field);

    [Fact]
    public void EmptyCode_IsRejected() => Assert.Equal("code", Invalid(new ExecutionRequest { Code = "" }).Field);

    [Theory]
    [InlineData(null, null)]
    [InlineData("auto", null)]
    [InlineData("javascript", CodeType.JavaScript)]
    [InlineData("js", CodeType.JavaScript)]
    [InlineData("JS", CodeType.JavaScript)]
    [InlineData("wasm", CodeType.Wasm)]
    public void TypeHint_IsParsed(string? type, CodeType? expected) =>
        Assert.Equal(expected, _validator.Validate(new ExecutionRequest { Code = "1", Type = type }).TypeHint);

    [Theory]
    [InlineData("python")]
    [InlineData("wat")]
    public void UnknownType_IsRejected(string type) => Assert.Equal("type", Invalid(new ExecutionRequest { Code = "1", Type = type }).Field);

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    [InlineData(30_001)]
    public void TimeoutOutOfBounds_IsRejectedWithBounds(int timeout)
    {
        var error = Invalid(new ExecutionRequest { Code = "1", Timeout = timeout });
        Assert.Equal("timeout", error.Field);
        Assert.Contains("between 1 and 30000", error.Message);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(30_000)]
    public void TimeoutAtBounds_IsAccepted(int timeout) =>
        Assert.Equal(TimeSpan.FromMilliseconds(timeout), _validator.Validate(new ExecutionRequest { Code = "1", Timeout = timeout }).Job.Timeout);

    [Theory]
    [InlineData(63)]
    [InlineData(513)]
    public void MemoryOutOfBounds_IsRejectedWithBounds(int memory)
    {
        var error = Invalid(new ExecutionRequest { Code = "1", Memory = memory });
        Assert.Equal("memory", error.Field);
        Assert.Contains("between 64 and 512", error.Message);
    }

    [Fact]
    public void Memory_IsConvertedToBytes() =>
        Assert.Equal(256L * 1024 * 1024, _validator.Validate(new ExecutionRequest { Code = "1", Memory = 256 }).Job.MemoryLimitBytes);

    [Theory]
    [InlineData("abc")]
    [InlineData("zz2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b98")]
    [InlineData("2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b98240")]
    public void MalformedSha256_IsRejected(string sha256) =>
        Assert.Equal("sha256", Invalid(new ExecutionRequest { Code = "1", Sha256 = sha256 }).Field);

    [Fact]
    public void Sha256_IsLowerCased() =>
        Assert.Equal("2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824",
            _validator.Validate(new ExecutionRequest { Code = "1", Sha256 = "2CF24DBA5FB0A30E26E83B2AC5B9E29E1B161E5C1FA7425E73043362938B9824" }).Sha256);

    [Theory]
    [InlineData("")]
    [InlineData("tab\there")]
    [InlineData("line\nbreak")]
    [InlineData("nul\0")]
    public void InsaneHandler_IsRejected(string handler) =>
        Assert.Equal("handler", Invalid(new ExecutionRequest { Code = "1", Handler = handler }).Field);

    [Theory]
    [InlineData("handler")]
    [InlineData("_start")]
    [InlineData("$main")]
    [InlineData("my-export.v2")]
    [InlineData("1abc")]
    [InlineData("has space")]
    [InlineData("a(b);")]
    public void SaneHandler_IsAccepted(string handler) =>
        Assert.Equal(handler, _validator.Validate(new ExecutionRequest { Code = "1", Handler = handler }).Job.Handler);

    [Fact]
    public void LongHandler_IsRejected() =>
        Assert.Equal("handler", Invalid(new ExecutionRequest { Code = "1", Handler = new string('a', 129) }).Field);

    [Fact]
    public void ParamsWithoutHandler_AreRejected()
    {
        var error = Invalid(new ExecutionRequest { Code = "1", Params = [Json("1")] });
        Assert.Equal("params", error.Field);
        Assert.Contains("'handler'", error.Message);
    }

    [Fact]
    public void NonNumericParam_IsRejectedNamingItsIndex() =>
        Assert.Equal("params[1]", Invalid(new ExecutionRequest { Code = "1", Handler = "f", Params = [Json("1"), Json("{}")] }).Field);

    [Fact]
    public void NumericAndStringParams_AreAccepted() =>
        Assert.Equal(2, _validator.Validate(new ExecutionRequest { Code = "1", Handler = "f", Params = [Json("1.5"), Json("\"-9223372036854775808\"")] }).Job.Params.Count);

    [Fact]
    public void RequestWithoutHandler_IsAccepted_ForAModulesDefaultExport() =>
        Assert.NotNull(_validator.Validate(new ExecutionRequest { Code = "1", Request = Json("{\"method\":\"GET\"}") }).Job.Request);

    [Fact]
    public void NonObjectRequest_IsRejected() =>
        Assert.Equal("request", Invalid(new ExecutionRequest { Code = "1", Handler = "h", Request = Json("[1]") }).Field);

    [Fact]
    public void NullEnvValue_IsRejectedNamingTheKey() =>
        Assert.Equal("envVars.API_KEY", Invalid(new ExecutionRequest { Code = "1", EnvVars = new Dictionary<string, string> { ["API_KEY"] = null! } }).Field);

    [Theory]
    [InlineData("")]
    [InlineData("A=B")]
    [InlineData("A\0B")]
    public void BadEnvName_IsRejected(string name) =>
        Assert.Equal("envVars", Invalid(new ExecutionRequest { Code = "1", EnvVars = new Dictionary<string, string> { [name] = "v" } }).Field);

    [Fact]
    public void NullArg_IsRejectedNamingItsIndex() =>
        Assert.Equal("args[0]", Invalid(new ExecutionRequest { Code = "1", Args = [null!] }).Field);

    private static JsonElement Json(string text) => JsonDocument.Parse(text).RootElement.Clone();
}
