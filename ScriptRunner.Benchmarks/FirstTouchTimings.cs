using System.Diagnostics;
using ScriptRunner.Core.Execution;
using ScriptRunner.Core.Options;
using ScriptRunner.Sandbox.JavaScript;
using ScriptRunner.Sandbox.JavaScript.V8;

namespace ScriptRunner.Benchmarks;

/// <summary>
/// What a script pays the first time it reads a global of each lazy prelude group, on each engine: warm executions
/// of one-line scripts, each against the same script reading nothing, interleaved so the machine's load hits both.
/// </summary>
internal static class FirstTouchTimings
{
    private static readonly (string Name, string Code)[] Scripts =
    [
        ("trivial script (reads no global)", "var a = 20; a * 2 + 2"),
        ("trivial handler", "export default async (req) => ({ statusCode: 200, body: 'OK' })"),
        ("web: URL", "typeof URL"),
        ("web: new DOMException()", "new DOMException('x', 'AbortError'); 0"),
        ("events: EventTarget", "typeof EventTarget"),
        ("events: new AbortController()", "new AbortController(); 0"),
        ("events: new AbortController().abort()", "new AbortController().abort(); 0"),
        ("files: Blob", "typeof Blob"),
        ("files: new FormData()", "new FormData(); 0"),
        ("perf: performance.now()", "performance.now(); 0"),
    ];

    /// <summary>Prints the median and tenth percentile of <c>--runs</c> warm executions of each script on Jint and on V8.</summary>
    public static int Run(string[] args)
    {
        var runs = args.Length > 1 && args[0] == "--runs" ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 300;
        var options = new ScriptRunnerOptions();
        using var stack = new JavaScriptLargeStack();
        using var v8 = new V8Sandbox(Microsoft.Extensions.Options.Options.Create(options));
        foreach (var (engine, sandbox) in new (string, IScriptSandbox)[] { (EngineNames.Jint, new JavaScriptSandbox()), (EngineNames.V8, v8) })
        {
            var times = Scripts.Select(_ => new List<double>()).ToArray();
            for (var round = 0; round < runs + 20; round++)
            {
                for (var i = 0; i < Scripts.Length; i++)
                {
                    var (name, code) = Scripts[i];
                    var started = Stopwatch.GetTimestamp();
                    var outcome = stack.Run(() => Execute(sandbox, options, code, name == "trivial handler" ? "handler" : null));
                    var elapsed = Stopwatch.GetElapsedTime(started).TotalMicroseconds;
                    if (!outcome.Success) throw new InvalidOperationException($"{name}: {outcome.ErrorType} {outcome.Error}");
                    if (round >= 20) times[i].Add(elapsed);
                }
            }

            // The tenth percentile next to the median: on a loaded machine the low end is the steadier figure.
            var baseline = (Median: Percentile(times[0], 50), Low: Percentile(times[0], 10));
            for (var i = 0; i < Scripts.Length; i++)
            {
                var (median, low) = (Percentile(times[i], 50), Percentile(times[i], 10));
                var extra = i < 2 ? "" : $"first touch +{median - baseline.Median,7:F1} µs (p10 +{low - baseline.Low:F1} µs)";
                Console.WriteLine($"{engine,-5} {Scripts[i].Name,-40} median {median,8:F1} µs  p10 {low,8:F1} µs  {extra}");
            }
        }

        return 0;
    }

    private static SandboxOutcome Execute(IScriptSandbox sandbox, ScriptRunnerOptions options, string code, string? handler)
    {
        if (handler is null) return V8SandboxBenchmarks.Run(sandbox, options, code);
        var bytes = System.Text.Encoding.UTF8.GetBytes(code);
        return sandbox.Execute(new SandboxInvocation
        {
            Code = bytes,
            Sha256 = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes)),
            Handler = handler,
            Timeout = TimeSpan.FromSeconds(10),
            MemoryLimitBytes = 128L * 1024 * 1024,
            Host = new ScriptRunner.Core.Hosting.HostBindings(new ScriptRunner.Core.Hosting.OutputCapture(1 << 20, 1 << 20, 100, 4096), NoFetch.Instance, TimeProvider.System),
        });
    }

    private static double Percentile(List<double> values, int percent)
    {
        values.Sort();
        return values[values.Count * percent / 100];
    }

    private sealed class NoFetch : ScriptRunner.Core.Hosting.ISandboxFetcher
    {
        public static readonly NoFetch Instance = new();

        public ScriptRunner.Core.Hosting.SandboxFetchResponse Send(ScriptRunner.Core.Hosting.SandboxFetchRequest request, CancellationToken cancellationToken) =>
            throw new ScriptRunner.Core.Hosting.SandboxFetchException(ScriptRunner.Core.Hosting.SandboxFetchError.PolicyRefused, "no fetch in benchmarks");
    }
}
