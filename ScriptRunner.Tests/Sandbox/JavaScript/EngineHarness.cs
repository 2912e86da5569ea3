using ScriptRunner.Core.Execution;
using ScriptRunner.Core.Hosting;

namespace ScriptRunner.Tests.Sandbox.JavaScript;

/// <summary><see cref="JsHarness"/> bound to one engine, so a test reads the same on every engine.</summary>
internal sealed class EngineHarness(string engine)
{
    /// <summary>Runs <paramref name="code"/> on the engine; see <see cref="JsHarness.Execute"/>.</summary>
    public JsHarness.Run Execute(
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
        IScriptSandbox? sandbox = null) =>
        JsHarness.Execute(code, handler, requestJson, env, timeout, memoryBytes, fetcher, output, clock, cancellation, codeBytes, sandbox, engine);

    /// <summary>The result of a script that must succeed on the engine, as compact JSON text.</summary>
    public string Result(string code, string? handler = null, IScriptSandbox? sandbox = null) => JsHarness.Result(code, handler, sandbox, engine);

    /// <summary>A run's outcome as compact JSON text, for tests that expect success.</summary>
    public string Json(JsHarness.Run run) => JsHarness.Json(run);
}
