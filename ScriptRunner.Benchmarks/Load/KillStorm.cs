using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace ScriptRunner.Benchmarks.Load;

/// <summary>
/// Faults fired at a running service, with bystanders among them: every round sends, at once, a V8 allocation loop
/// (128 MB cap), a WebAssembly <c>_start</c> that spins (300 ms) and a plain <c>1+1</c> (3 s). Reports, per class of
/// request, its answer times against its own deadline, the answers later than the deadline plus a second, and the
/// sandbox processes that ended and started meanwhile (read from the operating system, not from the service).
/// </summary>
internal static class KillStorm
{
    public const string Usage = """
        kill-storm --app <path to ScriptRunner.Functions.dll> [--rounds 15] [--interval-ms 100] [--pool 2] [--spares 1] [--port 7393] [--setting Key=Value]...
            Starts the app with the given pool, warms it, fires the rounds, and reports per class p50/p99 answer time,
            deadline, late answers (past deadline + 1 s), outcomes, and processes ended and started.
        """;

    // (module (func (export "_start") (loop (br 0))))
    private static readonly byte[] Spin = Convert.FromHexString("0061736d0100000001040160000003020100070a01065f737461727400000a0901070003400c000b0b");

    private sealed record Shot(string Class, string Body, int DeadlineMs);

    private sealed record Answer(string Class, int DeadlineMs, double Ms, int Status, string Outcome);

    public static async Task<int> RunAsync(IReadOnlyList<string> args)
    {
        string? app = null;
        int rounds = 15, intervalMs = 100, pool = 2, spares = 1, port = 7393;
        var settings = new List<string>();
        for (var i = 0; i + 1 < args.Count; i += 2)
        {
            var value = args[i + 1];
            switch (args[i])
            {
                case "--app": app = value; break;
                case "--rounds": rounds = Int(value); break;
                case "--interval-ms": intervalMs = Int(value); break;
                case "--pool": pool = Int(value); break;
                case "--spares": spares = Int(value); break;
                case "--port": port = Int(value); break;
                case "--setting": settings.Add(value); break;
            }
        }
        if (app is null || !File.Exists(app))
        {
            Console.Error.WriteLine(Usage);
            return 2;
        }

        var environment = new Dictionary<string, string>
        {
            ["ScriptRunner__Sandbox__PoolSize"] = Text(pool),
            ["ScriptRunner__Sandbox__SpareProcesses"] = Text(spares),
        };
        foreach (var setting in settings)
        {
            var eq = setting.IndexOf('=', StringComparison.Ordinal);
            environment[setting[..eq].Replace(":", "__", StringComparison.Ordinal)] = setting[(eq + 1)..];
        }

        await using var service = await ServiceUnderTest.StartAsync(app, port, environment);
        await WarmAsync(service, pool, spares);
        var shots = new[]
        {
            new Shot("v8 alloc 128MB", """{"engine":"v8","memory":128,"timeout":3000,"code":"const a = []; while (true) a.push(new Array(100000).fill(Math.random()));"}""", 3000),
            new Shot("wasm spin 300ms", $$"""{"codeBase64":"{{Convert.ToBase64String(Spin)}}","timeout":300}""", 300),
            new Shot("1+1", """{"code":"1+1","timeout":3000}""", 3000),
        };

        var before = service.Descendants().ToHashSet();
        var seen = new HashSet<int>(before);
        var ended = new HashSet<int>();
        using var watching = new CancellationTokenSource();
        var watcher = Task.Run(async () =>
        {
            var last = before;
            while (!watching.IsCancellationRequested)
            {
                var now = service.Descendants().ToHashSet();
                foreach (var pid in last) if (!now.Contains(pid)) ended.Add(pid);
                foreach (var pid in now) seen.Add(pid);
                last = now;
                await Task.Delay(20);
            }
        });

        var answers = new List<Task<Answer>>();
        for (var round = 0; round < rounds; round++)
        {
            answers.AddRange(shots.Select(shot => FireAsync(service, shot)));
            await Task.Delay(intervalMs);
        }
        var all = await Task.WhenAll(answers);
        await Task.Delay(500);
        watching.Cancel();
        await watcher;

        Report(all, ended.Count, seen.Count - before.Count);
        return 0;
    }

    private static async Task<Answer> FireAsync(ServiceUnderTest service, Shot shot)
    {
        var clock = Stopwatch.StartNew();
        using var response = await service.ExecuteAsync(shot.Body);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync());
        var ms = clock.Elapsed.TotalMilliseconds;
        var outcome = (string?)body?["errorType"] ?? ((bool?)body?["success"] == true ? "success" : "?");
        return new Answer(shot.Class, shot.DeadlineMs, ms, (int)response.StatusCode, outcome);
    }

    private static void Report(IReadOnlyList<Answer> answers, int ended, int started)
    {
        Console.WriteLine($"{"class",-16} {"n",3} {"deadline",9} {"p50 ms",8} {"p99 ms",8} {"max ms",8} {"late",5}  outcomes");
        foreach (var group in answers.GroupBy(a => a.Class))
        {
            var times = group.Select(a => a.Ms).Order().ToArray();
            var deadline = group.First().DeadlineMs;
            var late = group.Count(a => a.Ms > deadline + 1000);
            var outcomes = string.Join(", ", group.GroupBy(a => $"{a.Status} {a.Outcome}").Select(g => $"{g.Key} ×{g.Count()}"));
            Console.WriteLine($"{group.Key,-16} {times.Length,3} {deadline,9} {Percentile(times, 0.5),8:F0} {Percentile(times, 0.99),8:F0} {times[^1],8:F0} {late,5}  {outcomes}");
        }
        Console.WriteLine($"sandbox processes ended: {ended}, started: {started}");
    }

    private static double Percentile(double[] sorted, double p) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];

    // The pool whole, spares included, and every JavaScript engine run once, so first-use costs are not the storm's.
    private static async Task WarmAsync(ServiceUnderTest service, int pool, int spares)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(90))
        {
            var health = JsonNode.Parse(await service.Client.GetStringAsync("/api/health"))!;
            if ((int?)health["pool"]?["ready"] >= pool && (int?)health["pool"]?["spare"] >= spares)
            {
                (await service.ExecuteAsync("""{"code":"1+1","engine":"v8"}""")).Dispose();
                await Task.Delay(2000);
                return;
            }
            await Task.Delay(50);
        }
        throw new TimeoutException("The pool did not become whole.");
    }

    private static int Int(string value) => int.Parse(value, CultureInfo.InvariantCulture);

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);
}
