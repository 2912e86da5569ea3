using System.Security.Cryptography;
using System.Text.Json;
using ScriptRunner.Core.Execution;
using ScriptRunner.Core.Hosting;
using ScriptRunner.Core.Model;
using ScriptRunner.Sandbox.WebAssembly;
using ScriptRunner.Sandbox.WebAssembly.Wasmtime;
using ScriptRunner.Wasm;

namespace ScriptRunner.Tests.Sandbox.WebAssembly;

/// <summary>Runs a module on either WebAssembly engine the way the orchestrator does, keeping the captured output.</summary>
internal sealed class WasmRun
{
    public required SandboxOutcome Outcome { get; init; }
    public required OutputCapture Output { get; init; }

    public string Stdout => Output.Stdout;
    public string Stderr => Output.Stderr;

    /// <summary>Runs <paramref name="code"/> with the given inputs and limits.</summary>
    public static WasmRun Execute(
        byte[] code,
        Engine? engine = null,
        string? handler = null,
        IEnumerable<object?>? parameters = null,
        IReadOnlyList<string>? args = null,
        IReadOnlyDictionary<string, string>? env = null,
        string? stdin = null,
        TimeSpan? timeout = null,
        long memoryLimitBytes = 64L * 1024 * 1024,
        ISandboxFetcher? fetcher = null,
        int maxStdoutBytes = 1024 * 1024,
        string engineName = EngineNames.Managed,
        WasmtimeRuntime? runtime = null)
    {
        var output = new OutputCapture(maxStdoutBytes, 1024 * 1024, 100, 16 * 1024);
        var job = new SandboxJob
        {
            Code = code,
            CodeType = CodeType.Wasm,
            Engine = engineName,
            Sha256 = Convert.ToHexStringLower(SHA256.HashData(code)),
            Handler = handler,
            Params = parameters?.Select(p => JsonSerializer.SerializeToElement(p)).ToList() ?? [],
            Args = args ?? [],
            EnvVars = env ?? new Dictionary<string, string>(),
            Stdin = stdin,
            Timeout = timeout ?? TimeSpan.FromSeconds(10),
            MemoryLimitBytes = memoryLimitBytes,
        };
        using var deadline = ExecutionDeadline.Start(job);
        var invocation = new SandboxInvocation(job, new HostBindings(output, fetcher ?? RecordingFetcher.Unreachable(), TimeProvider.System), deadline);
        SandboxOutcome outcome;
        if (engineName == EngineNames.Wasmtime)
        {
            using var own = runtime is null ? WasmEngines.NewWasmtimeRuntime() : null;
            outcome = new WasmtimeSandbox(runtime ?? own!).Execute(invocation);
        }
        else
        {
            outcome = new ManagedWasmSandbox(engine ?? new Engine()).Execute(invocation);
        }

        Support.AnswerScan.AssertNoDotNetNames(outcome);
        return new WasmRun { Outcome = outcome, Output = output };
    }

    /// <summary>Runs a fixture from ScriptRunner.Tests/Fixtures/Wasm.</summary>
    public static WasmRun Fixture(
        string name,
        string? handler = null,
        IEnumerable<object?>? parameters = null,
        IReadOnlyList<string>? args = null,
        IReadOnlyDictionary<string, string>? env = null,
        string? stdin = null,
        TimeSpan? timeout = null,
        long memoryLimitBytes = 64L * 1024 * 1024,
        ISandboxFetcher? fetcher = null,
        int maxStdoutBytes = 1024 * 1024,
        string engineName = EngineNames.Managed) =>
        Execute(WasmFixtures.Load(name), null, handler, parameters, args, env, stdin, timeout, memoryLimitBytes, fetcher, maxStdoutBytes, engineName);
}
