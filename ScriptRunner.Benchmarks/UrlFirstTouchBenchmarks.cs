using BenchmarkDotNet.Attributes;
using ScriptRunner.Core.Execution;
using ScriptRunner.Core.Options;
using ScriptRunner.Sandbox.JavaScript;
using ScriptRunner.Sandbox.JavaScript.V8;
using ScriptRunner.Sandbox.JavaScript.Jint;

namespace ScriptRunner.Benchmarks;

/// <summary>
/// The first-touch cost of URL and URLPattern: one warm execution that reads the global once (building its lazy
/// group) against the same execution that touches nothing, on each engine. The difference is what a script pays
/// the first time it uses the API in an execution.
/// </summary>
/// <remarks>Run: <c>dotnet run -c Release --project ScriptRunner.Benchmarks -- bdn --filter *UrlFirstTouchBenchmarks* --job short</c>.</remarks>
[MemoryDiagnoser]
[MedianColumn]
public class UrlFirstTouchBenchmarks : EngineBenchmark
{
    private const string Nothing = "var a = 20; a * 2 + 2";
    private const string FirstUrl = "new URL('https://example.com/books/42?format=short').searchParams.get('format')";
    private const string FirstUrlPattern = "new URLPattern({ pathname: '/books/:id' }).exec('https://example.com/books/42').pathname.groups.id";



    [GlobalSetup]
    public void Setup()
    {
        StartEngines(Nothing, FirstUrl, FirstUrlPattern);
    }

    /// <summary>An execution that touches no web global: the baseline.</summary>
    [Benchmark(Baseline = true)]
    public SandboxOutcome TouchesNothing() => Run(Nothing);

    /// <summary>An execution whose first web API is URL (parse, searchParams).</summary>
    [Benchmark]
    public SandboxOutcome FirstTouchUrl() => Run(FirstUrl);

    /// <summary>An execution whose first web API is URLPattern (compile a pattern, match one URL).</summary>
    [Benchmark]
    public SandboxOutcome FirstTouchUrlPattern() => Run(FirstUrlPattern);

}
