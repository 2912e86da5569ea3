using System.Diagnostics;
using ScriptRunner.Core.Execution;
using ScriptRunner.Core.Options;
using ScriptRunner.Sandbox.JavaScript;
using ScriptRunner.Sandbox.JavaScript.V8;
using ScriptRunner.Sandbox.JavaScript.Jint;

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

    /// <summary>Prints the median thread CPU time, and the median and tenth percentile wall time, of <c>--runs</c> warm executions of each script on Jint and on V8 (Linux).</summary>
    public static int Run(string[] args)
    {
        var runs = args.Length > 1 && args[0] == "--runs" ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 300;
        // --only-existing: just the scripts an older build can run too (no new globals), to compare builds like for like.
        var scripts = args.Contains("--only-existing") ? Scripts.Where(s => s.Name.StartsWith("trivial", StringComparison.Ordinal) || s.Name.StartsWith("web", StringComparison.Ordinal)).ToArray() : Scripts;
        var options = new ScriptRunnerOptions();
        using var stack = new JavaScriptLargeStack();
        using var v8 = new V8Sandbox(Microsoft.Extensions.Options.Options.Create(options));
        foreach (var (engine, sandbox) in new (string, IScriptSandbox)[] { (EngineNames.Jint, new JintSandbox()), (EngineNames.V8, v8) })
        {
            var times = scripts.Select(_ => new List<double>()).ToArray();
            var cpu = scripts.Select(_ => new List<double>()).ToArray();
            for (var round = 0; round < runs + 20; round++)
            {
                for (var i = 0; i < scripts.Length; i++)
                {
                    var (name, code) = scripts[i];
                    var started = Stopwatch.GetTimestamp();
                    var (outcome, cpuMicroseconds) = stack.Run(() =>
                    {
                        var before = ThreadCpu.Microseconds();
                        var result = Execute(sandbox, options, code, name == "trivial handler" ? "handler" : null);
                        return (result, ThreadCpu.Microseconds() - before);
                    });
                    var elapsed = Stopwatch.GetElapsedTime(started).TotalMicroseconds;
                    if (!outcome.Success) throw new InvalidOperationException($"{name}: {outcome.ErrorType} {outcome.Error}");
                    if (round >= 20)
                    {
                        times[i].Add(elapsed);
                        cpu[i].Add(cpuMicroseconds);
                    }
                }
            }

            // The tenth percentile next to the median: on a loaded machine the low end is the steadier figure.
            // The thread's CPU time is the steadier figure on a loaded machine: it leaves out the time spent waiting
            // for a core (it also leaves out work on other threads, such as a background GC).
            var baseline = (Median: ThreadCpu.Percentile(times[0], 50), Low: ThreadCpu.Percentile(times[0], 10), Cpu: ThreadCpu.Percentile(cpu[0], 50));
            for (var i = 0; i < scripts.Length; i++)
            {
                var (median, low, onThread) = (ThreadCpu.Percentile(times[i], 50), ThreadCpu.Percentile(times[i], 10), ThreadCpu.Percentile(cpu[i], 50));
                var extra = i < 2 ? "" : $"first touch: cpu +{onThread - baseline.Cpu,6:F1} µs, wall +{median - baseline.Median:F1} µs (p10 +{low - baseline.Low:F1} µs)";
                Console.WriteLine($"{engine,-5} {scripts[i].Name,-40} cpu {onThread,7:F1} µs  wall median {median,8:F1} µs  p10 {low,8:F1} µs  {extra}");
            }
        }

        return 0;
    }

    private static SandboxOutcome Execute(IScriptSandbox sandbox, ScriptRunnerOptions options, string code, string? handler) =>
        V8SandboxBenchmarks.Run(sandbox, options, code, handler);
}
