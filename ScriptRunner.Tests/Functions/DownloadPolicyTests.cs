using ScriptRunner.Tests.Support;

namespace ScriptRunner.Tests.Functions;

public sealed class DownloadPolicyTests
{
    [Fact]
    public async Task DefaultSettings_RefuseToDownloadFromLoopback()
    {
        using var files = new LoopbackServer();
        files.MapText("/hello.js", "'hello'", "text/javascript");
        await using var app = new ScriptRunnerApp();
        using var client = app.Client();

        var response = await ScriptRunnerApp.PostAsync(client, new { url = files.Url("/hello.js").AbsoluteUri });

        Assert.Equal(200, response.StatusCode);
        Assert.Equal("DownloadError", response.ErrorType);
        Assert.Contains("loopback", response.Error);
        Assert.Equal(0, files.CountRequests("/hello.js"));
        Assert.Equal(files.Url("/hello.js").AbsoluteUri, response.Metadata["sourceUrl"]!.GetValue<string>());
    }

    [Fact]
    public async Task MissingFile_IsDownloadErrorWithTheStatus()
    {
        using var files = new LoopbackServer();
        await using var app = new ScriptRunnerApp(("ScriptRunner:Download:AllowPrivateNetworks", "true"));
        using var client = app.Client();

        var response = await ScriptRunnerApp.PostAsync(client, new { url = files.Url("/missing.js").AbsoluteUri });

        Assert.Equal(200, response.StatusCode);
        Assert.Equal("DownloadError", response.ErrorType);
        Assert.Contains("404", response.Error);
    }

    [Fact]
    public async Task Sha256Mismatch_IsIntegrityErrorAndNothingRuns()
    {
        using var files = new LoopbackServer();
        files.MapText("/hello.js", "console.log('ran'); 1", "text/javascript");
        await using var app = new ScriptRunnerApp(("ScriptRunner:Download:AllowPrivateNetworks", "true"));
        using var client = app.Client();

        var response = await ScriptRunnerApp.PostAsync(client, new { url = files.Url("/hello.js").AbsoluteUri, sha256 = new string('0', 64) });

        Assert.Equal(200, response.StatusCode);
        Assert.Equal("IntegrityError", response.ErrorType);
        Assert.Contains("sha256 mismatch", response.Error);
        Assert.Equal("", response.Stdout);
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData("console.log('ran'); 1"u8)),
            response.Metadata["sha256"]!.GetValue<string>());
    }
}
