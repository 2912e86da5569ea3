using System.Security.Cryptography;
using System.Text;
using BenchmarkDotNet.Attributes;
using ScriptRunner.Core.Execution;
using ScriptRunner.Core.Hosting;
using ScriptRunner.Sandbox.Hosting;
using ScriptRunner.Sandbox.JavaScript;
using ScriptRunner.Sandbox.JavaScript.Jint;

namespace ScriptRunner.Benchmarks;

/// <summary>
/// What Jint's memory cap costs a run, side by side in one process: no cap, the cap counted as allocation (Jint's
/// own <c>LimitMemory</c>, what a shared process can attribute), and the cap counted as memory held (what a sandbox
/// process uses). A tight arithmetic loop, a string-building loop, and a trivial edge function handler.
/// </summary>
/// <remarks>Run: <c>dotnet run -c Release --project ScriptRunner.Benchmarks -- bdn --filter *MemoryCapBenchmarks*</c>.</remarks>
[MemoryDiagnoser]
[MedianColumn, MinColumn]
public class MemoryCapBenchmarks
{
    private const string TightLoop = "let x = 0; for (let i = 0; i < 1e6; i++) x = (x + i * 7) % 1000003; x";
    private const string StringLoop = "let s = 0; for (let i = 0; i < 1e5; i++) s += String(i).length; s";
    private const string TrivialHandler = "export default async (req) => ({ statusCode: 200, body: 'OK' })";

    private readonly JavaScriptLargeStack _stack = new();
    private readonly ScriptRunner.Core.Options.ScriptRunnerOptions _options = new();
    private JintSandbox _sandbox = null!;

    /// <summary>How the cap is counted.</summary>
    [Params("none", "allocated", "held")]
    public string Cap { get; set; } = "held";

    [GlobalSetup]
    public void Setup()
    {
        _sandbox = new JintSandbox(allowStringCompilation: false, Cap == "held" ? MemoryAccounting.PerProcess : MemoryAccounting.Shared);
        foreach (var (code, handler) in new[] { (TightLoop, (string?)null), (StringLoop, null), (TrivialHandler, "handler") })
        {
            var outcome = _stack.Run(() => Run(code, handler));
            if (!outcome.Success) throw new InvalidOperationException($"{code}: {outcome.ErrorType} {outcome.Error}");
        }
    }

    /// <summary>A million iterations of arithmetic: the check on every statement, and nothing to count.</summary>
    [Benchmark]
    public SandboxOutcome TightArithmeticLoop() => _stack.Run(() => Run(TightLoop, null));

    /// <summary>A hundred thousand temporary strings.</summary>
    [Benchmark]
    public SandboxOutcome StringBuildingLoop() => _stack.Run(() => Run(StringLoop, null));

    /// <summary>A trivial edge function handler (<c>export default async (req) => …</c>): a new engine, the prelude, the call, the answer.</summary>
    [Benchmark]
    public SandboxOutcome Trivial() => _stack.Run(() => Run(TrivialHandler, "handler"));

    [GlobalCleanup]
    public void Cleanup() => _stack.Dispose();

    private SandboxOutcome Run(string source, string? handler) =>
        V8SandboxBenchmarks.Run(_sandbox, _options, source, handler, Cap == "none" ? 0 : 128L * 1024 * 1024);
}
