using Microsoft.Extensions.Configuration;
using ScriptRunner.Functions.Hosting;

namespace ScriptRunner.Tests.Functions;

/// <summary>Which mode the app starts in, told by what the Functions host really passes, and where it listens.</summary>
public sealed class HostingModeTests
{
    private static readonly Dictionary<string, string?> NoEnvironment = [];

    private static IConfiguration Config(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value))).Build();

    [Fact]
    public void NoArguments_IsStandalone() => Assert.Equal(HostingMode.Standalone, HostingModeDetector.Detect([], NoEnvironment));

    [Fact]
    public void TheHostsSwitches_AreWorkerMode() => Assert.Equal(HostingMode.Worker, HostingModeDetector.Detect(
        ["--functions-uri", "http://127.0.0.1:50051/", "--functions-worker-id", "w1", "--functions-request-id", "r1", "--functions-grpc-max-message-length", "2147483647"],
        NoEnvironment));

    [Fact]
    public void TheHostsSwitches_AfterAnAssemblyPath_AreWorkerMode() => Assert.Equal(HostingMode.Worker, HostingModeDetector.Detect(
        ["/home/site/wwwroot/ScriptRunner.Functions.dll", "--functions-uri", "http://127.0.0.1:50051/"], NoEnvironment));

    [Fact]
    public void TheHostEndpointInTheEnvironment_IsWorkerMode() => Assert.Equal(HostingMode.Worker,
        HostingModeDetector.Detect([], new Dictionary<string, string?> { ["Functions__Worker__HostEndpoint"] = "http://127.0.0.1:50051/" }));

    [Fact]
    public void TheWorkerRuntimeSetting_AloneIsStandalone() => Assert.Equal(HostingMode.Standalone,
        HostingModeDetector.Detect([], new Dictionary<string, string?> { ["FUNCTIONS_WORKER_RUNTIME"] = "dotnet-isolated" }));

    [Fact]
    public void OtherSwitches_AreStandalone() =>
        Assert.Equal(HostingMode.Standalone, HostingModeDetector.Detect(["--urls", "http://localhost:9000"], NoEnvironment));

    [Fact]
    public void NothingConfigured_ListensOnLocalhost7071() =>
        Assert.Equal("http://localhost:7071", ListenAddress.Resolve(Config()));

    [Fact]
    public void Port_IsUsedOnLoopback() =>
        Assert.Equal("http://localhost:3003", ListenAddress.Resolve(Config(("PORT", "3003"))));

    [Fact]
    public void Port_WinsOverUrls() =>
        Assert.Equal("http://localhost:3003", ListenAddress.Resolve(Config(("PORT", "3003"), ("urls", "http://0.0.0.0:9000"))));

    [Theory]
    [InlineData("urls", "http://0.0.0.0:9000")]
    [InlineData("http_ports", "8080")]
    public void AspNetCoreUrlSettings_AreKept(string key, string value) => Assert.Null(ListenAddress.Resolve(Config((key, value))));

    [Theory]
    [InlineData("abc")]
    [InlineData("0")]
    [InlineData("70000")]
    [InlineData("-1")]
    [InlineData("80 ")]
    public void BadPort_FailsStartupNamingTheVariable(string port)
    {
        var e = Assert.Throws<InvalidOperationException>(() => ListenAddress.Resolve(Config(("PORT", port))));
        Assert.Equal($"PORT must be a TCP port number from 1 to 65535; got '{port}'.", e.Message);
    }
}
