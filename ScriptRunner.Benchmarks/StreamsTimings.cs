using System.Diagnostics;
using System.Text;
using ScriptRunner.Core.Execution;
using ScriptRunner.Core.Options;
using ScriptRunner.Sandbox.JavaScript;
using ScriptRunner.Sandbox.JavaScript.V8;
using ScriptRunner.Sandbox.JavaScript.Jint;

namespace ScriptRunner.Benchmarks;

/// <summary>
/// Stopwatch timings of streams inside the sandbox, built to hold on a busy machine: every figure is the minimum (and
/// median) of many whole executions, run interleaved; an operation's cost is read as the difference between a run that
/// repeats it N times and one that does not, over N; a first touch as the difference from a trivial script.
/// </summary>
/// <remarks>Run: <c>dotnet run -c Release --project ScriptRunner.Benchmarks -- streams [--runs 15] [--trivial 2000]</c>.</remarks>
internal static class StreamsTimings
{
    private const string Trivial = "var a = 20; a * 2 + 2";
    private const int Repeats = 10;

    /// <summary>Prints the timings for Jint and V8.</summary>
    public static int Run(string[] args)
    {
        var runs = Option(args, "--runs", 15);
        var trivialRuns = Option(args, "--trivial", 2000);
        var options = new ScriptRunnerOptions();
        using var stack = new JavaScriptLargeStack();
        using var v8 = new V8Sandbox(Microsoft.Extensions.Options.Options.Create(options));
        var jint = new JintSandbox();
        var data = DataScript();
        foreach (var engine in new[] { EngineNames.Jint, EngineNames.V8 })
        {
            SandboxOutcome Execute(string code) => engine == EngineNames.V8
                ? V8SandboxBenchmarks.Run(v8, options, code)
                : stack.Run(() => V8SandboxBenchmarks.Run(jint, options, code));

            var trivial = Sample(Execute, Trivial, trivialRuns);
            Console.WriteLine($"{engine}: trivial script: min {trivial.Min:F3} ms, median {trivial.Median:F3} ms ({trivialRuns} runs)");
            if (args.Contains("--trivial-only")) continue;

            var pairs = new (string Name, string Touch)[] { ("ReadableStream", "typeof ReadableStream"), ("CompressionStream", "new CompressionStream('gzip') && 1") };
            foreach (var (name, touch) in pairs)
            {
                var (with, without) = Interleaved(Execute, touch, Trivial, runs * 4);
                Console.WriteLine($"{engine}: first touch of {name}: {with.Min - without.Min:F2} ms (min {with.Min:F2} against {without.Min:F2}; medians {with.Median:F2} / {without.Median:F2})");
            }

            var operations = new (string Name, string Body)[]
            {
                ("gzip of 1 MB (CompressionStream, 64 KB chunks)", "(await new Response(ReadableStream.from(chunks).pipeThrough(new CompressionStream('gzip'))).arrayBuffer()).byteLength"),
                ("1 MB through a TransformStream (64 KB chunks)", "(await (async () => { let n = 0; await ReadableStream.from(chunks).pipeThrough(new TransformStream({ transform(c, ctl) { ctl.enqueue(c); } })).pipeTo(new WritableStream({ write(c) { n += c.byteLength; } })); return n; })())"),
            };
            foreach (var (name, body) in operations)
            {
                string Script(int times) => data + $"(async () => {{ let r = 0; await (async () => typeof ReadableStream)(); new CompressionStream('gzip'); for (let i = 0; i < {times}; i++) r = {body}; return r; }})()";
                var (with, without) = Interleaved(Execute, Script(Repeats), Script(0), runs);
                Console.WriteLine($"{engine}: {name}: {(with.Min - without.Min) / Repeats:F2} ms each (min of {runs}; by medians {(with.Median - without.Median) / Repeats:F2} ms)");
            }
        }

        return 0;
    }

    private static string DataScript()
    {
        var json = new StringBuilder();
        for (var i = 0; json.Length < 1 << 20; i++) json.Append("{\"id\":").Append(i).Append(",\"name\":\"item ").Append(i * 7919 % 10007).Append("\",\"ok\":").Append(i % 3 == 0 ? "true" : "false").Append("},");
        return $"const data = Uint8Array.fromBase64('{Convert.ToBase64String(Encoding.UTF8.GetBytes(json.ToString(0, 1 << 20)))}');\n" +
               "const chunks = []; for (let i = 0; i < data.length; i += 65536) chunks.push(data.subarray(i, i + 65536));\n";
    }

    private static (Stats With, Stats Without) Interleaved(Func<string, SandboxOutcome> execute, string with, string without, int runs)
    {
        Check(execute(with));
        Check(execute(without));
        var a = new List<double>();
        var b = new List<double>();
        for (var i = 0; i < runs; i++)
        {
            a.Add(Time(execute, with));
            b.Add(Time(execute, without));
        }

        return (Stats.Of(a), Stats.Of(b));
    }

    private static Stats Sample(Func<string, SandboxOutcome> execute, string code, int runs)
    {
        for (var i = 0; i < 20; i++) Check(execute(code));
        var times = new List<double>();
        for (var i = 0; i < runs; i++) times.Add(Time(execute, code));
        return Stats.Of(times);
    }

    private static double Time(Func<string, SandboxOutcome> execute, string code)
    {
        var started = Stopwatch.GetTimestamp();
        Check(execute(code));
        return Stopwatch.GetElapsedTime(started).TotalMilliseconds;
    }

    private static void Check(SandboxOutcome outcome)
    {
        if (!outcome.Success) throw new InvalidOperationException($"{outcome.ErrorType}: {outcome.Error}");
    }

    private static int Option(string[] args, string name, int fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length && int.TryParse(args[i + 1], out var value) ? value : fallback;
    }

    private sealed record Stats(double Min, double Median)
    {
        public static Stats Of(List<double> times)
        {
            times.Sort();
            return new Stats(times[0], times[times.Count / 2]);
        }
    }
}
