using System.Diagnostics;
using Jint;
using Microsoft.ClearScript.V8;
using ScriptRunner.Core.Execution;
using ScriptRunner.Core.Options;
using ScriptRunner.Sandbox.JavaScript;
using ScriptRunner.Sandbox.JavaScript.V8;
using ScriptRunner.Sandbox.JavaScript.Jint;

namespace ScriptRunner.Benchmarks;

/// <summary>
/// Where a trivial execution's time goes, on each JavaScript engine: the bare engine as a console app would use it,
/// then the sandbox running the same code, a Workers handler and the seed-000 handler. Each line is the median of
/// warm runs interleaved with the other lines of its engine, so the machine's load hits them alike; the differences
/// between lines are the breakdown. Each engine runs on its own: a V8 sandbox makes its next context on another
/// thread after each run, which would land on the Jint lines.
/// </summary>
internal static class RunCostTimings
{
    private const string OnePlusOne = "1+1";
    private const string SeedHandler = "export default async (req) => ({ statusCode: 200, body: 'OK' })";

    /// <summary>Prints, per line: median thread CPU time, median and tenth-percentile wall time, and bytes allocated per run.</summary>
    public static int Run(string[] args)
    {
        var runs = args.Length > 1 && args[0] == "--runs" ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 2000;
        var options = new ScriptRunnerOptions();
        using var stack = new JavaScriptLargeStack();
        using var v8 = new V8Sandbox(Microsoft.Extensions.Options.Options.Create(options));
        var jint = new JintSandbox();
        var prepared = Engine.PrepareScript(OnePlusOne);
        using var v8Runtime = new V8Runtime();
        using var token = new CancellationTokenSource();

        var jintLines = new (string Name, Func<bool> Body)[]
        {
            ("jint: bare engine, 1+1 (new Engine with a token and LimitRecursion)", () =>
            {
                var engine = new Engine(o => o.CancellationToken(token.Token).LimitRecursion(2500));
                return engine.Evaluate(prepared).AsNumber() == 2;
            }),
            ("jint: sandbox, 1+1", () => Check(V8SandboxBenchmarks.Run(jint, options, OnePlusOne))),
            ("jint: sandbox, var a = 20; a * 2 + 2", () => Check(V8SandboxBenchmarks.Run(jint, options, V8SandboxBenchmarks.Trivial))),
            ("jint: sandbox, seed-000 handler", () => Check(V8SandboxBenchmarks.Run(jint, options, SeedHandler, "handler"))),
        };
        var v8Lines = new (string Name, Func<bool> Body)[]
        {
            ("v8: bare V8ScriptEngine on a runtime, 1+1", () =>
            {
                using var engine = v8Runtime.CreateScriptEngine();
                return engine.Evaluate(OnePlusOne) is 2;
            }),
            ("v8: sandbox, 1+1", () => Check(V8SandboxBenchmarks.Run(v8, options, OnePlusOne))),
            ("v8: sandbox, seed-000 handler", () => Check(V8SandboxBenchmarks.Run(v8, options, SeedHandler, "handler"))),
        };

        Console.WriteLine($"load average {File.ReadAllText("/proc/loadavg").Trim()}, {runs} runs per line");
        Measure(jintLines, runs, stack);
        Measure(v8Lines, runs, stack);
        Console.WriteLine($"load average {File.ReadAllText("/proc/loadavg").Trim()}");
        return 0;
    }

    private static void Measure((string Name, Func<bool> Body)[] lines, int runs, JavaScriptLargeStack stack)
    {
        var cpu = lines.Select(_ => new List<double>()).ToArray();
        var wall = lines.Select(_ => new List<double>()).ToArray();
        var bytes = lines.Select(_ => new List<double>()).ToArray();
        for (var round = 0; round < runs + 200; round++)
        {
            for (var i = 0; i < lines.Length; i++)
            {
                var body = lines[i].Body;
                var (ok, cpuUs, wallUs, allocated) = stack.Run(() =>
                {
                    var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
                    var cpuBefore = ThreadCpu.Microseconds();
                    var started = Stopwatch.GetTimestamp();
                    var result = body();
                    var elapsed = Stopwatch.GetElapsedTime(started).TotalMicroseconds;
                    return (result, ThreadCpu.Microseconds() - cpuBefore, elapsed, GC.GetAllocatedBytesForCurrentThread() - allocatedBefore);
                });
                if (!ok) throw new InvalidOperationException($"{lines[i].Name}: wrong answer");
                if (round < 200) continue;
                cpu[i].Add(cpuUs);
                wall[i].Add(wallUs);
                bytes[i].Add(allocated);
            }
        }

        for (var i = 0; i < lines.Length; i++)
        {
            Console.WriteLine($"{lines[i].Name,-70} cpu {ThreadCpu.Percentile(cpu[i], 50),8:F1} µs  wall median {ThreadCpu.Percentile(wall[i], 50),8:F1} µs  p10 {ThreadCpu.Percentile(wall[i], 10),8:F1} µs  {ThreadCpu.Percentile(bytes[i], 50) / 1024,7:F1} KB");
        }
    }

    private static bool Check(SandboxOutcome outcome) =>
        outcome.Success ? true : throw new InvalidOperationException($"{outcome.ErrorType} {outcome.Error}");
}
