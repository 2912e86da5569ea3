using BenchmarkDotNet.Attributes;
using ScriptRunner.Core.Execution;
using ScriptRunner.Core.Options;
using ScriptRunner.Sandbox.JavaScript;
using ScriptRunner.Sandbox.JavaScript.Jint;
using ScriptRunner.Sandbox.JavaScript.V8;

namespace ScriptRunner.Benchmarks;

/// <summary>
/// What the JavaScript benchmarks that compare the two engines share: a V8 sandbox and a Jint sandbox with the default
/// options, made and warmed once, and a run on the one <see cref="Engine"/> names.
/// </summary>
public abstract class EngineBenchmark
{
    private V8Sandbox? _v8;
    private JintSandbox? _jint;

    /// <summary>The engine the benchmark runs on.</summary>
    [Params(EngineNames.Jint, EngineNames.V8)]
    public string Engine { get; set; } = EngineNames.Jint;

    /// <summary>The service's default options.</summary>
    protected ScriptRunnerOptions Options { get; } = new();

    /// <summary>The sandbox of <see cref="Engine"/>.</summary>
    protected IScriptSandbox Sandbox => Engine == EngineNames.V8 ? _v8! : _jint!;

    [GlobalCleanup]
    public void Cleanup()
    {
        _v8?.Dispose();
        CleanUpMore();
    }

    /// <summary>Makes both sandboxes and runs each of <paramref name="warmUps"/> once on the benchmark's engine.</summary>
    protected void StartEngines(params string[] warmUps)
    {
        _v8 = new V8Sandbox(Microsoft.Extensions.Options.Options.Create(Options));
        _jint = new JintSandbox();
        foreach (var code in warmUps)
        {
            var warm = Run(code);
            if (!warm.Success) throw new InvalidOperationException($"warm-up failed: {warm.ErrorType} {warm.Error}");
        }
    }

    /// <summary>One execution of <paramref name="code"/> on the benchmark's engine.</summary>
    protected virtual SandboxOutcome Run(string code) => V8SandboxBenchmarks.Run(Sandbox, Options, code);

    /// <summary>What a subclass holds besides the sandboxes, released after the benchmark.</summary>
    protected virtual void CleanUpMore()
    {
    }
}
