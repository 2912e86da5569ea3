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
public class V8SandboxBenchmarks
{
    internal const string Fib25 = "function fib(n) { return n < 2 ? n : fib(n - 1) + fib(n - 2); } fib(25)";
    internal const string Trivial = "var a = 20; a * 2 + 2";

    private readonly ScriptRunnerOptions _options = new();
    private V8Sandbox _v8 = null!;
    private JintSandbox _jint = null!;

    /// <summary>The engine the benchmark runs on.</summary>
    [Params(EngineNames.V8, EngineNames.Jint)]
    public string Engine { get; set; } = EngineNames.V8;

    [GlobalSetup]
    public void Setup()
    {
        _v8 = new V8Sandbox(Microsoft.Extensions.Options.Options.Create(_options));
        _jint = new JintSandbox();
        foreach (var code in new[] { Fib25, Trivial })
        {
            var warm = Run(code);
            if (!warm.Success) throw new InvalidOperationException($"warm-up failed: {warm.ErrorType} {warm.Error}");
        }
    }

    [GlobalCleanup]
    public void Cleanup() => _v8.Dispose();

    /// <summary>fib(25) inside the sandbox.</summary>
    [Benchmark]
    public SandboxOutcome Fib25InSandbox() => Run(Fib25);

    /// <summary>A trivial script inside the sandbox: the fixed cost of one execution.</summary>
    [Benchmark]
    public SandboxOutcome TrivialInSandbox() => Run(Trivial);

    private SandboxOutcome Run(string code) => Run(Engine == EngineNames.V8 ? _v8 : _jint, _options, code);

    /// <summary>One execution of <paramref name="code"/> on <paramref name="sandbox"/> with the default limits.</summary>
    internal static SandboxOutcome Run(IScriptSandbox sandbox, ScriptRunnerOptions options, string code, string? handler = null, long memoryLimitBytes = 128L * 1024 * 1024)
    {
        var bytes = System.Text.Encoding.UTF8.GetBytes(code);
        var output = OutputCapture.For(options.Output);
        return sandbox.Execute(new SandboxInvocation
        {
            Code = bytes,
            Sha256 = code.Length.ToString(System.Globalization.CultureInfo.InvariantCulture) + code.GetHashCode(StringComparison.Ordinal),
            Handler = handler,
            Timeout = TimeSpan.FromSeconds(10),
            MemoryLimitBytes = memoryLimitBytes,
            Host = new HostBindings(output, NoFetch.Instance, TimeProvider.System),
        });
    }
}
