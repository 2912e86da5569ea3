using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Moq;
using ScriptRunner.Core;
using ScriptRunner.Core.Execution;
using ScriptRunner.Core.Hosting;
using ScriptRunner.Core.Options;
using Microsoft.Extensions.Options;
using ScriptRunner.Core.Model;
using ScriptRunner.Core.Telemetry;

namespace ScriptRunner.Tests.Core.Execution;

/// <summary>
/// The orchestration around a sandbox: what happens before it runs, and how its outcome becomes a result. The
/// sandbox here is a test double run straight on this process's threads; the real engines in their sandbox processes,
/// with the pool's deadline wall and admission, are exercised in the Sandboxing and Functions tests.
/// </summary>
public sealed class ExecutionServiceTests : IDisposable
{
    private static readonly byte[] EmptyWasmModule = [0x00, 0x61, 0x73, 0x6D, 0x01, 0x00, 0x00, 0x00];
    private readonly List<ServiceProvider> _providers = [];

    public void Dispose()
    {
        foreach (var provider in _providers) provider.Dispose();
    }

    private ServiceProvider Services(IEnumerable<IScriptSandbox> extraSandboxes, params (string Key, string Value)[] settings)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value)))
            .Build();
        var services = InProcess(new ServiceCollection().AddLogging().AddScriptRunnerCore(configuration));
        foreach (var sandbox in extraSandboxes) services.AddSingleton(sandbox);
        var provider = services.BuildServiceProvider();
        _providers.Add(provider);
        return provider;
    }

    /// <summary>Runs sandboxes on this process's threads instead of the process pool.</summary>
    private static IServiceCollection InProcess(IServiceCollection services)
    {
        services.RemoveAll<ISandboxExecutor>();
        services.AddSingleton<ISandboxExecutor>(sp =>
        {
            var options = sp.GetRequiredService<IOptions<ScriptRunnerOptions>>().Value;
            return new Support.DirectSandboxExecutor(sp.GetServices<IScriptSandbox>(), new SandboxFetcherFactory(options.SandboxFetch), options.Output);
        });
        return services;
    }

    private ExecutionService Service(params IScriptSandbox[] sandboxes) => Services(sandboxes).GetRequiredService<ExecutionService>();

    private static Mock<IScriptSandbox> Sandbox(CodeType type, Func<SandboxInvocation, SandboxOutcome> run)
    {
        var sandbox = new Mock<IScriptSandbox>(MockBehavior.Strict);
        sandbox.SetupGet(s => s.CodeType).Returns(type);
        var defaults = new ScriptRunnerOptions();
        sandbox.SetupGet(s => s.Engine).Returns(type == CodeType.Wasm ? defaults.Wasm.Engine : defaults.JavaScript.DefaultEngine);
        sandbox.Setup(s => s.Execute(It.IsAny<SandboxInvocation>())).Returns(run);
        return sandbox;
    }

    [Fact]
    public async Task InvalidRequest_IsAResult_NotAnException()
    {
        var result = await Service().ExecuteAsync(new ExecutionRequest { Code = "1", Timeout = 0 }, CancellationToken.None);

        Assert.False(result.Success);
        Assert.Equal("InvalidRequest", result.ErrorType);
        Assert.Contains("'timeout'", result.Error);
    }

    [Fact]
    public async Task NullRequest_IsInvalidRequest()
    {
        var result = await Service().ExecuteAsync(null!, CancellationToken.None);
        Assert.Equal("InvalidRequest", result.ErrorType);
    }

    [Fact]
    public async Task WasmWithoutAWasmSandbox_IsUnsupportedCodeType()
    {
        var js = Sandbox(CodeType.JavaScript, _ => SandboxOutcome.Succeeded(null));
        // AddScriptRunnerCore registers both engines; keep only a JavaScript one.
        var services = InProcess(new ServiceCollection().AddLogging().AddScriptRunnerCore(new ConfigurationBuilder().Build()));
        services.RemoveAll<IScriptSandbox>();
        services.AddSingleton(js.Object);
        var provider = services.BuildServiceProvider();
        _providers.Add(provider);
        var result = await provider.GetRequiredService<ExecutionService>().ExecuteAsync(
            new ExecutionRequest { CodeBase64 = Convert.ToBase64String(EmptyWasmModule) }, CancellationToken.None);

        Assert.Equal("UnsupportedCodeType", result.ErrorType);
        Assert.Equal($"The {new ScriptRunnerOptions().Wasm.Engine} engine is not available.", result.Error);
        Assert.Equal("wasm", result.Metadata.CodeType);
        Assert.Equal("magic-bytes", result.Metadata.DetectedBy);
    }

    [Fact]
    public async Task CodeIsRoutedToTheSandboxOfItsDetectedType()
    {
        var js = Sandbox(CodeType.JavaScript, _ => SandboxOutcome.Succeeded(JsonValue.Create("js")));
        var wasm = Sandbox(CodeType.Wasm, _ => SandboxOutcome.Succeeded(JsonValue.Create("wasm")));
        var service = Service(js.Object, wasm.Object);

        var fromWasm = await service.ExecuteAsync(new ExecutionRequest { CodeBase64 = Convert.ToBase64String(EmptyWasmModule) }, CancellationToken.None);
        var fromJs = await service.ExecuteAsync(new ExecutionRequest { Code = "1" }, CancellationToken.None);

        Assert.Equal("wasm", fromWasm.Result!.GetValue<string>());
        Assert.Equal("js", fromJs.Result!.GetValue<string>());
    }

    [Fact]
    public async Task TypeHint_OverridesDetection()
    {
        var wasm = Sandbox(CodeType.Wasm, _ => SandboxOutcome.Succeeded(null));
        var result = await Service(wasm.Object).ExecuteAsync(new ExecutionRequest { Code = "not really wasm", Type = "wasm" }, CancellationToken.None);

        Assert.True(result.Success);
        Assert.Equal("wasm", result.Metadata.CodeType);
        Assert.Equal("type-hint", result.Metadata.DetectedBy);
    }

    [Fact]
    public async Task Invocation_CarriesTheRequestAndTheResolvedLimits()
    {
        SandboxInvocation? seen = null;
        var stoppable = false;
        var js = Sandbox(CodeType.JavaScript, invocation =>
        {
            seen = invocation;
            stoppable = invocation.Deadline.Token.CanBeCanceled;
            return SandboxOutcome.Succeeded(null);
        });

        await Service(js.Object).ExecuteAsync(new ExecutionRequest
        {
            Code = "x", Handler = "handle", EnvVars = new Dictionary<string, string> { ["K"] = "V" }, Timeout = 1234, Memory = 100,
        }, CancellationToken.None);

        Assert.NotNull(seen);
        Assert.Equal("x"u8.ToArray(), seen.Job.Code.ToArray());
        Assert.Equal("handle", seen.Job.Handler);
        Assert.Equal("V", seen.Job.EnvVars["K"]);
        Assert.Equal(TimeSpan.FromMilliseconds(1234), seen.Job.Timeout);
        Assert.Equal(TimeSpan.FromMilliseconds(1234), seen.Deadline.Timeout);
        Assert.Equal(100L * 1024 * 1024, seen.Job.MemoryLimitBytes);
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData("x"u8)), seen.Job.Sha256);
        Assert.True(stoppable);
    }

    [Fact]
    public async Task SandboxOutput_AndMetadata_AreReported()
    {
        var js = Sandbox(CodeType.JavaScript, invocation =>
        {
            invocation.Host.Output.WriteStdout("out\n");
            invocation.Host.Output.WriteStderr("err\n");
            invocation.Host.Output.Log("warning", "careful");
            return SandboxOutcome.Succeeded(JsonValue.Create(42));
        });

        var result = await Service(js.Object).ExecuteAsync(new ExecutionRequest { Code = "42" }, CancellationToken.None);

        Assert.True(result.Success);
        Assert.Equal("success", result.Status);
        Assert.Equal(42, result.Result!.GetValue<int>());
        Assert.Equal("out\n", result.Stdout);
        Assert.Equal("err\n", result.Stderr);
        Assert.Equal(("warn", "careful"), (result.Logs.Single().Level, result.Logs.Single().Message));
        Assert.Equal("javascript", result.Metadata.CodeType);
        Assert.Equal(2, result.Metadata.SizeBytes);
        Assert.Null(result.Metadata.SourceUrl);
        Assert.Null(result.Metadata.DownloadTimeMs);
        Assert.Equal(TruncationFlags.None, result.Metadata.Truncated);
    }

    [Fact]
    public async Task OutputOverItsCap_StillSucceeds_AndSaysTruncated()
    {
        var js = Sandbox(CodeType.JavaScript, invocation =>
        {
            invocation.Host.Output.WriteStdout(new string('a', 100));
            return SandboxOutcome.Succeeded(null);
        });
        var service = Services([js.Object], ("ScriptRunner:Output:MaxStdoutBytes", "10")).GetRequiredService<ExecutionService>();

        var result = await service.ExecuteAsync(new ExecutionRequest { Code = "x" }, CancellationToken.None);

        Assert.True(result.Success);
        Assert.Equal(new string('a', 10), result.Stdout);
        Assert.True(result.Metadata.Truncated.Stdout);
        Assert.False(result.Metadata.Truncated.Stderr);
    }

    [Fact]
    public async Task ResultLargerThanTheOutputCap_IsOutputLimit()
    {
        var js = Sandbox(CodeType.JavaScript, _ => SandboxOutcome.Succeeded(JsonValue.Create(new string('r', 100))));
        var service = Services([js.Object], ("ScriptRunner:Output:MaxStdoutBytes", "50")).GetRequiredService<ExecutionService>();

        var result = await service.ExecuteAsync(new ExecutionRequest { Code = "x" }, CancellationToken.None);

        Assert.False(result.Success);
        Assert.Equal("OutputLimit", result.ErrorType);
        Assert.Null(result.Result);
    }

    [Fact]
    public async Task SandboxFailure_IsReportedWithItsKind()
    {
        var js = Sandbox(CodeType.JavaScript, invocation =>
        {
            invocation.Host.Output.WriteStdout("before");
            return SandboxOutcome.Failed("RuntimeError", "boom", "at line 1");
        });

        var result = await Service(js.Object).ExecuteAsync(new ExecutionRequest { Code = "x" }, CancellationToken.None);

        Assert.Equal(("RuntimeError", "boom", "at line 1"), (result.ErrorType, result.Error, result.Stack));
        Assert.Equal("before", result.Stdout);
        Assert.Null(result.Result);
    }

    [Fact]
    public async Task SandboxThatThrows_IsHostError_AndTheNextRunWorks()
    {
        var calls = 0;
        var js = Sandbox(CodeType.JavaScript, _ => ++calls == 1 ? throw new InvalidOperationException("engine bug") : SandboxOutcome.Succeeded(JsonValue.Create(2)));
        var service = Service(js.Object);

        var failed = await service.ExecuteAsync(new ExecutionRequest { Code = "x" }, CancellationToken.None);
        var next = await service.ExecuteAsync(new ExecutionRequest { Code = "x" }, CancellationToken.None);

        Assert.Equal("HostError", failed.ErrorType);
        Assert.DoesNotContain("engine bug", failed.Error);
        Assert.True(next.Success);
    }

    [Fact]
    public async Task NoSandboxFreeInTime_IsCapacityResult()
    {
        // The pool's admission is exercised in the Sandboxing and Functions tests; here, how the service answers it.
        var executor = new Mock<ISandboxExecutor>(MockBehavior.Strict);
        executor.Setup(e => e.RunAsync(It.IsAny<SandboxJob>(), It.IsAny<OutputCapture>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new CapacityExceededException("No sandbox became free within 10 ms."));
        var services = new ServiceCollection().AddLogging().AddScriptRunnerCore(new ConfigurationBuilder().Build());
        services.RemoveAll<ISandboxExecutor>();
        services.AddSingleton(executor.Object);
        var provider = services.BuildServiceProvider();
        _providers.Add(provider);

        var result = await provider.GetRequiredService<ExecutionService>().ExecuteAsync(new ExecutionRequest { Code = "x" }, CancellationToken.None);

        Assert.Equal(("Capacity", "No sandbox became free within 10 ms."), (result.ErrorType, result.Error));
    }

    [Fact]
    public async Task Sha256Pin_MatchingTheCode_Runs()
    {
        var js = Sandbox(CodeType.JavaScript, _ => SandboxOutcome.Succeeded(JsonValue.Create(1)));
        var pin = Convert.ToHexString(System.Security.Cryptography.SHA256.HashData("x"u8));

        var result = await Service(js.Object).ExecuteAsync(new ExecutionRequest { Code = "x", Sha256 = pin }, CancellationToken.None);

        Assert.True(result.Success);
        Assert.Equal(pin.ToLowerInvariant(), result.Metadata.Sha256);
    }

    [Fact]
    public async Task Execution_EmitsOneSpanAndCountsItsOutcome()
    {
        var js = Sandbox(CodeType.JavaScript, _ => SandboxOutcome.Failed("RuntimeError", "boom"));
        var provider = Services([js.Object]);
        var telemetry = provider.GetRequiredService<ScriptRunnerTelemetry>();
        var service = provider.GetRequiredService<ExecutionService>();
        var spans = new List<Activity>();
        var counts = new List<(string Instrument, long Value, Dictionary<string, object?> Tags)>();

        using var activities = new ActivityListener
        {
            ShouldListenTo = source => ReferenceEquals(source, telemetry.ActivitySource),
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = spans.Add,
        };
        ActivitySource.AddActivityListener(activities);
        using var meters = new MeterListener
        {
            InstrumentPublished = (instrument, listener) =>
            {
                if (ReferenceEquals(instrument.Meter, telemetry.Meter)) listener.EnableMeasurementEvents(instrument);
            },
        };
        meters.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
        {
            lock (counts) counts.Add((instrument.Name, value, tags.ToArray().ToDictionary(t => t.Key, t => t.Value)));
        });
        meters.Start();

        await service.ExecuteAsync(new ExecutionRequest { Code = "var secret = env.TOKEN", EnvVars = new Dictionary<string, string> { ["TOKEN"] = "s3cr3t" } }, CancellationToken.None);

        var span = Assert.Single(spans, s => s.OperationName == "ScriptRunner.Execute");
        Assert.Equal("ScriptRunner.Execute", span.OperationName);
        Assert.Equal("javascript", span.GetTagItem("scriptrunner.code_type"));
        Assert.Equal("error", span.GetTagItem("scriptrunner.status"));
        Assert.Equal("RuntimeError", span.GetTagItem("scriptrunner.error_type"));
        Assert.Equal(22L, span.GetTagItem("scriptrunner.code_size"));
        Assert.Equal(ActivityStatusCode.Error, span.Status);
        Assert.DoesNotContain(span.TagObjects, t => t.Value?.ToString() is { } v && (v.Contains("s3cr3t") || v.Contains("env.TOKEN")));

        lock (counts)
        {
            var execution = Assert.Single(counts, c => c.Instrument == "scriptrunner.executions");
            Assert.Equal("RuntimeError", execution.Tags["scriptrunner.error_type"]);
            Assert.Contains(counts, c => c.Instrument == "scriptrunner.code.size" && c.Value == 22);
        }
    }
}
