using System.Text;
using System.Text.Json;
using ScriptRunner.Core.Execution;
using ScriptRunner.Core.Hosting;
using ScriptRunner.Core.Model;
using ScriptRunner.Sandbox.JavaScript;
using ScriptRunner.Sandbox.JavaScript.V8;

namespace ScriptRunner.Tests.Sandbox.JavaScript;

/// <summary>Runs scripts through a JavaScript engine's sandbox (Jint unless told) with real host bindings.</summary>
internal static class JsHarness
{
    /// <summary>The harness for one engine: the same calls, run on <paramref name="engine"/>.</summary>
    public static EngineHarness On(string engine) => new(engine);

    /// <summary>Serializer options that keep quotes and non-ASCII readable in expected strings.</summary>
    public static readonly JsonSerializerOptions Relaxed = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public sealed record Run(SandboxOutcome Outcome, OutputCapture Output);

    public static Run Execute(
        string code,
        string? handler = null,
        string? requestJson = null,
        IReadOnlyDictionary<string, string>? env = null,
        TimeSpan? timeout = null,
        long memoryBytes = 128L * 1024 * 1024,
        ISandboxFetcher? fetcher = null,
        OutputCapture? output = null,
        TimeProvider? clock = null,
        CancellationToken cancellation = default,
        byte[]? codeBytes = null,
        IScriptSandbox? sandbox = null,
        string engine = EngineNames.Jint)
    {
        output ??= new OutputCapture(1 << 20, 1 << 20, 100, 4096);
        var host = new HostBindings(output, fetcher ?? new RefusingFetcher(), clock ?? TimeProvider.System);
        var bytes = codeBytes ?? Encoding.UTF8.GetBytes(code);
        var job = new SandboxJob
        {
            Code = bytes,
            Sha256 = Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(bytes)),
            CodeType = CodeType.JavaScript,
            Engine = engine,
            Handler = handler,
            Request = requestJson is null ? null : JsonDocument.Parse(requestJson).RootElement.Clone(),
            EnvVars = env ?? new Dictionary<string, string>(),
            Timeout = timeout ?? TimeSpan.FromSeconds(10),
            MemoryLimitBytes = memoryBytes,
        };
        using var deadline = ExecutionDeadline.Start(job, cancellation);
        var outcome = (sandbox ?? JsEngines.Sandbox(engine)).Execute(new SandboxInvocation(job, host, deadline));
        Support.AnswerScan.AssertNoDotNetNames(outcome);
        return new Run(outcome, output);
    }

    /// <summary>The result of a script that must succeed, as compact JSON text.</summary>
    public static string Result(string code, string? handler = null, IScriptSandbox? sandbox = null, string engine = EngineNames.Jint)
    {
        var run = Execute(code, handler: handler, sandbox: sandbox, engine: engine);
        Assert.True(run.Outcome.Success, $"{run.Outcome.ErrorType}: {run.Outcome.Error}");
        return run.Outcome.Result?.ToJsonString() ?? "null";
    }

    /// <summary>A sandbox's outcome as compact JSON text, for tests that expect success.</summary>
    public static string Json(Run run)
    {
        Assert.True(run.Outcome.Success, $"{run.Outcome.ErrorType}: {run.Outcome.Error}");
        return run.Outcome.Result?.ToJsonString() ?? "null";
    }

    private sealed class RefusingFetcher : ISandboxFetcher
    {
        public SandboxFetchResponse Send(SandboxFetchRequest request, CancellationToken cancellationToken) =>
            throw new SandboxFetchException(SandboxFetchError.PolicyRefused, "fetch is not allowed in this test");
    }
}
