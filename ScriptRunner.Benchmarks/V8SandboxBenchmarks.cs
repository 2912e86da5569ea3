using BenchmarkDotNet.Attributes;
using ScriptRunner.Core.Execution;
using ScriptRunner.Core.Hosting;
using ScriptRunner.Core.Options;
using ScriptRunner.Sandbox.JavaScript;
using ScriptRunner.Sandbox.JavaScript.V8;
using ScriptRunner.Sandbox.JavaScript.Jint;

namespace ScriptRunner.Benchmarks;

/// <summary>
/// One warm execution inside the sandbox on each JavaScript engine: a trivial script and fib(25) (242,785 calls),
/// the whole run (fresh context, prelude, code, event loop, outcome) as a request pays for it.
/// </summary>
[MemoryDiagnoser]
[MedianColumn, MinColumn, MaxColumn]
public class V8SandboxBenchmarks : EngineBenchmark
{
    internal const string Fib25 = "function fib(n) { return n < 2 ? n : fib(n - 1) + fib(n - 2); } fib(25)";
    internal const string Trivial = "var a = 20; a * 2 + 2";



    [GlobalSetup]
    public void Setup()
    {
        StartEngines(Fib25, Trivial);
    }

    /// <summary>fib(25) inside the sandbox.</summary>
    [Benchmark]
    public SandboxOutcome Fib25InSandbox() => Run(Fib25);

    /// <summary>A trivial script inside the sandbox: the fixed cost of one execution.</summary>
    [Benchmark]
    public SandboxOutcome TrivialInSandbox() => Run(Trivial);


    /// <summary>One execution of <paramref name="code"/> on <paramref name="sandbox"/> with the default limits.</summary>
    internal static SandboxOutcome Run(IScriptSandbox sandbox, ScriptRunnerOptions options, string code, string? handler = null, long memoryLimitBytes = 128L * 1024 * 1024)
    {
        var bytes = System.Text.Encoding.UTF8.GetBytes(code);
        var output = OutputCapture.For(options.Output);
        return EngineCall.Run(sandbox, new SandboxJob
        {
            Code = bytes,
            Sha256 = code.Length.ToString(System.Globalization.CultureInfo.InvariantCulture) + code.GetHashCode(StringComparison.Ordinal),
            CodeType = sandbox.CodeType,
            Engine = sandbox.Engine,
            Handler = handler,
            Timeout = TimeSpan.FromSeconds(10),
            MemoryLimitBytes = memoryLimitBytes,
        }, new HostBindings(output, NoFetch.Instance, TimeProvider.System));
    }
}
