using System.Security.Cryptography;
using System.Text;
using BenchmarkDotNet.Attributes;
using ScriptRunner.Core.Execution;
using ScriptRunner.Core.Hosting;
using ScriptRunner.Core.Model;
using ScriptRunner.Sandbox.JavaScript;
using ScriptRunner.Sandbox.JavaScript.Jint;

namespace ScriptRunner.Benchmarks;

/// <summary>
/// The Jint sandbox alone, warm, on a large-stack thread as in a sandbox process: <c>1+1</c>, a trivial handler (seed
/// 000's), fib(25), and a 73 KB library (lodash 4.17.21) run with its prepared code cached versus parsed afresh.
/// </summary>
/// <remarks>Run: <c>dotnet run -c Release --project ScriptRunner.Benchmarks -- bdn --filter *JavaScriptBenchmarks*</c>.</remarks>
[MemoryDiagnoser]
[MedianColumn, MinColumn, MaxColumn]
public class JavaScriptBenchmarks
{
    private const string OnePlusOne = "1+1";
    private const string TrivialHandler = "export default async (req) => ({ statusCode: 200, body: 'OK' })";
    private const string Fib = "function fib(n) { return n < 2 ? n : fib(n - 1) + fib(n - 2); } fib(25)";

    private readonly JintSandbox _sandbox = new();
    private readonly JavaScriptLargeStack _stack = new();
    private Code _onePlusOne = null!;
    private Code _trivial = null!;
    private Code _fib = null!;
    private Code _library = null!;

    private sealed record Code(byte[] Bytes, string Sha256);

    [GlobalSetup]
    public void Setup()
    {
        _onePlusOne = Prepare(OnePlusOne);
        _trivial = Prepare(TrivialHandler);
        _fib = Prepare(Fib);
        _library = Prepare(File.ReadAllText(LibraryPath()) + "\n;module.exports.VERSION");
        Check(OnLargeStack(() => Run(_sandbox, _onePlusOne, null)));
        Check(OnLargeStack(() => Run(_sandbox, _trivial, "handler")));
        Check(OnLargeStack(() => Run(_sandbox, _fib, null)));
        Check(OnLargeStack(() => Run(_sandbox, _library, null)));
    }

    /// <summary>The smallest script: a new engine, the code, the answer.</summary>
    [Benchmark]
    public SandboxOutcome WarmOnePlusOne() => OnLargeStack(() => Run(_sandbox, _onePlusOne, null));

    /// <summary>An edge function handler (<c>export default async (req) => …</c>), its module prepared and cached: a new engine, the prelude, the call, the answer.</summary>
    [Benchmark]
    public SandboxOutcome WarmTrivialHandler() => OnLargeStack(() => Run(_sandbox, _trivial, "handler"));

    /// <summary>fib(25): about 250,000 calls of interpreted JavaScript.</summary>
    [Benchmark]
    public SandboxOutcome Fib25() => OnLargeStack(() => Run(_sandbox, _fib, null));

    /// <summary>lodash run again with its prepared code from the cache (the second execution of the same code).</summary>
    [Benchmark]
    public SandboxOutcome Library73KbCached() => OnLargeStack(() => Run(_sandbox, _library, null));

    /// <summary>lodash on a fresh sandbox: parsed and prepared, then run (the first execution).</summary>
    [Benchmark]
    public SandboxOutcome Library73KbFirst() => OnLargeStack(() => Run(new JintSandbox(), _library, null));

    private static SandboxOutcome Run(JintSandbox sandbox, Code code, string? handler)
    {
        var output = new OutputCapture(1 << 20, 1 << 20, 100, 4096);
        return EngineCall.Run(sandbox, new SandboxJob
        {
            Code = code.Bytes,
            Sha256 = code.Sha256,
            CodeType = CodeType.JavaScript,
            Engine = sandbox.Engine,
            Handler = handler,
            Timeout = TimeSpan.FromSeconds(30),
            MemoryLimitBytes = 512L * 1024 * 1024,
        }, new HostBindings(output, NoFetch.Instance, TimeProvider.System));
    }

    // A sandbox process runs every execution on a 64 MB thread; the benchmark uses one such thread, made once.
    private SandboxOutcome OnLargeStack(Func<SandboxOutcome> run) => _stack.Run(run);

    [GlobalCleanup]
    public void Cleanup() => _stack.Dispose();

    private static Code Prepare(string source)
    {
        var bytes = Encoding.UTF8.GetBytes(source);
        return new Code(bytes, Convert.ToHexStringLower(SHA256.HashData(bytes)));
    }

    private static void Check(SandboxOutcome outcome)
    {
        if (!outcome.Success) throw new InvalidOperationException($"warm-up failed: {outcome.ErrorType} {outcome.Error}");
    }

    private static string LibraryPath()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "ScriptRunner.Tests", "Sandbox", "JavaScript", "Libraries", "lodash.min.js");
            if (File.Exists(candidate)) return candidate;
        }

        throw new FileNotFoundException("lodash.min.js not found above " + AppContext.BaseDirectory);
    }
}
