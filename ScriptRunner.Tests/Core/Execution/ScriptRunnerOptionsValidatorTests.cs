using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ScriptRunner.Core;
using ScriptRunner.Core.Options;

namespace ScriptRunner.Tests.Core.Execution;

public sealed class ScriptRunnerOptionsValidatorTests
{
    private static ServiceProvider Services(params (string Key, string Value)[] settings)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value)))
            .Build();
        return new ServiceCollection().AddLogging().AddScriptRunnerCore(configuration).BuildServiceProvider();
    }

    private static OptionsValidationException StartupFailure(params (string Key, string Value)[] settings)
    {
        using var services = Services(settings);
        return Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IStartupValidator>().Validate());
    }

    [Fact]
    public void Defaults_AreValid()
    {
        using var services = Services();
        services.GetRequiredService<IStartupValidator>().Validate();
        Assert.Equal(10_000, services.GetRequiredService<IOptions<ScriptRunnerOptions>>().Value.Limits.DefaultTimeoutMs);
    }

    [Fact]
    public void Settings_BindFromTheScriptRunnerSection()
    {
        using var services = Services(("ScriptRunner:Limits:MaxTimeoutMs", "5000"), ("ScriptRunner:Limits:DefaultTimeoutMs", "2000"),
            ("ScriptRunner:Download:AllowPrivateNetworks", "true"), ("ScriptRunner:Output:MaxStdoutBytes", "100"));
        var options = services.GetRequiredService<IOptions<ScriptRunnerOptions>>().Value;

        Assert.Equal(5000, options.Limits.MaxTimeoutMs);
        Assert.Equal(2000, options.Limits.DefaultTimeoutMs);
        Assert.True(options.Download.AllowPrivateNetworks);
        Assert.Equal(100, options.Output.MaxStdoutBytes);
    }

    [Fact]
    public void AllowedHosts_AcceptACommaSeparatedValue()
    {
        using var services = Services(("ScriptRunner:SandboxFetch:AllowedHosts", "api.example.com, *.example.org"));
        Assert.Equal(["api.example.com", "*.example.org"], services.GetRequiredService<IOptions<ScriptRunnerOptions>>().Value.SandboxFetch.AllowedHosts);
    }

    [Fact]
    public void AllowedHosts_AcceptIndexedEntries()
    {
        using var services = Services(("ScriptRunner:SandboxFetch:AllowedHosts:0", "a.example.com"), ("ScriptRunner:SandboxFetch:AllowedHosts:1", "b.example.com"));
        Assert.Equal(["a.example.com", "b.example.com"], services.GetRequiredService<IOptions<ScriptRunnerOptions>>().Value.SandboxFetch.AllowedHosts);
    }

    [Fact]
    public void DefaultTimeoutAboveMax_FailsAtStartup() =>
        Assert.Contains("DefaultTimeoutMs", StartupFailure(("ScriptRunner:Limits:DefaultTimeoutMs", "40000")).Message);

    [Fact]
    public void MinTimeoutAboveMax_FailsAtStartup() =>
        Assert.Contains("MinTimeoutMs", StartupFailure(("ScriptRunner:Limits:MinTimeoutMs", "50000")).Message);

    [Fact]
    public void DefaultMemoryBelowMin_FailsAtStartup() =>
        Assert.Contains("DefaultMemoryMb", StartupFailure(("ScriptRunner:Limits:DefaultMemoryMb", "32")).Message);

    [Theory]
    [InlineData("ScriptRunner:Limits:MinTimeoutMs", "0")]
    [InlineData("ScriptRunner:Limits:MinMemoryMb", "0")]
    [InlineData("ScriptRunner:Limits:MaxConcurrentExecutions", "0")]
    [InlineData("ScriptRunner:Limits:MaxQueueLength", "-1")]
    [InlineData("ScriptRunner:Limits:MaxRequestBodyBytes", "0")]
    [InlineData("ScriptRunner:Download:MaxBytes", "0")]
    [InlineData("ScriptRunner:Download:TimeoutMs", "0")]
    [InlineData("ScriptRunner:Download:MaxRedirects", "-1")]
    [InlineData("ScriptRunner:SandboxFetch:MaxRequests", "-1")]
    [InlineData("ScriptRunner:SandboxFetch:MaxRequestBytes", "0")]
    [InlineData("ScriptRunner:SandboxFetch:MaxResponseBytes", "0")]
    [InlineData("ScriptRunner:SandboxFetch:TimeoutMs", "0")]
    [InlineData("ScriptRunner:Output:MaxStdoutBytes", "0")]
    [InlineData("ScriptRunner:Output:MaxStderrBytes", "0")]
    [InlineData("ScriptRunner:Output:MaxLogEntries", "-1")]
    [InlineData("ScriptRunner:Output:MaxLogMessageBytes", "0")]
    [InlineData("ScriptRunner:Sandbox:PoolSize", "-1")]
    [InlineData("ScriptRunner:Sandbox:MaxExecutionsPerProcess", "0")]
    [InlineData("ScriptRunner:Sandbox:RecycleAboveBaselineMb", "0")]
    [InlineData("ScriptRunner:Sandbox:KillGraceMs", "0")]
    [InlineData("ScriptRunner:Sandbox:MemorySampleIntervalMs", "11")]
    [InlineData("ScriptRunner:Sandbox:StartTimeoutMs", "0")]
    [InlineData("ScriptRunner:Wasm:CacheMaxMb", "0")]
    public void NonPositiveCap_FailsAtStartupNamingIt(string key, string value)
    {
        var failure = StartupFailure((key, value));
        Assert.Contains(key, failure.Message);
    }

    [Theory]
    [InlineData("ScriptRunner:JavaScript:DefaultEngine", "wasmtime")]
    [InlineData("ScriptRunner:Wasm:Engine", "v8")]
    [InlineData("ScriptRunner:Wasm:WasmtimeInterrupt", "fuel")]
    [InlineData("ScriptRunner:Sandbox:ExecutablePath", "/nonexistent/ScriptRunner.Sandbox.dll")]
    public void UnusableEngineOrSandboxSetting_FailsAtStartupNamingIt(string key, string value) =>
        Assert.Contains(key, StartupFailure((key, value)).Message);

    [Fact]
    public void MalformedAllowedHost_FailsAtStartup() =>
        Assert.Contains("AllowedHosts", StartupFailure(("ScriptRunner:SandboxFetch:AllowedHosts:0", "http://example.com/")).Message);

    [Fact]
    public void EveryFailure_IsReportedTogether()
    {
        var failure = StartupFailure(("ScriptRunner:Limits:MaxConcurrentExecutions", "0"), ("ScriptRunner:Output:MaxStdoutBytes", "0"));
        Assert.Contains("MaxConcurrentExecutions", failure.Message);
        Assert.Contains("MaxStdoutBytes", failure.Message);
    }
}
