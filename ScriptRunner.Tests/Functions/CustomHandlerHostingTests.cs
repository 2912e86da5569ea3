using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Configuration;
using ScriptRunner.Functions;

namespace ScriptRunner.Tests.Functions;

/// <summary>Where the app listens: the Azure Functions custom-handler port, an explicit URL, or 7071.</summary>
public sealed class CustomHandlerHostingTests
{
    private static IConfiguration Config(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value))).Build();

    [Fact]
    public void NothingConfigured_ListensOnLocalhost7071() =>
        Assert.Equal("http://localhost:7071", ListenAddress.Resolve(Config()));

    [Fact]
    public void FunctionsHostPort_IsUsedOnLoopback() =>
        Assert.Equal("http://127.0.0.1:40123", ListenAddress.Resolve(Config(("FUNCTIONS_CUSTOMHANDLER_PORT", "40123"))));

    [Fact]
    public void FunctionsHostPort_WinsOverUrls() =>
        Assert.Equal("http://127.0.0.1:40123", ListenAddress.Resolve(Config(("FUNCTIONS_CUSTOMHANDLER_PORT", "40123"), ("urls", "http://0.0.0.0:9000"))));

    [Fact]
    public void ExplicitUrls_AreKept() => Assert.Null(ListenAddress.Resolve(Config(("urls", "http://0.0.0.0:9000"))));

    [Theory]
    [InlineData("abc")]
    [InlineData("0")]
    [InlineData("70000")]
    public void BadFunctionsHostPort_FailsStartup(string port) =>
        Assert.Throws<InvalidOperationException>(() => ListenAddress.Resolve(Config(("FUNCTIONS_CUSTOMHANDLER_PORT", port))));

    [Fact]
    public async Task BuiltApp_ServesHealthOnTheCustomHandlerPort()
    {
        var port = FreePort();
        var start = new ProcessStartInfo("dotnet", ["ScriptRunner.Functions.dll"])
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["FUNCTIONS_CUSTOMHANDLER_PORT"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment.Remove("ASPNETCORE_URLS");
        using var process = Process.Start(start)!;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
            var deadline = DateTime.UtcNow.AddSeconds(60);
            HttpResponseMessage? response = null;
            while (response is null)
            {
                Assert.False(process.HasExited, "the app exited before serving");
                Assert.True(DateTime.UtcNow < deadline, "the app did not answer on the custom handler port within 60 s");
                try
                {
                    response = await client.GetAsync($"http://127.0.0.1:{port}/api/health");
                }
                catch (HttpRequestException)
                {
                    await Task.Delay(200);
                }
            }

            using (response) Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
