using System.Diagnostics;
using System.Net;
using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using ScriptRunner.Core.Options;
using ScriptRunner.Core.Sandboxing;
using ScriptRunner.Core.Telemetry;

namespace ScriptRunner.Benchmarks.Load;

/// <summary>
/// Start-up timings of the process wall: how soon a killed sandbox's replacement is ready, and how soon a freshly
/// started app answers its first execution.
/// </summary>
internal static class PoolTimings
{
    public const string Usage = """
        pool [--kills 20] [--spares 1] [--sandbox <path to ScriptRunner.Sandbox.dll>]
            Kills a warm sandbox process repeatedly and reports how long until a ready process serves in its place
            (a spare, when there is one) and how long a newly started process takes to become ready (by default the
            sandbox built beside this assembly; pass a published ReadyToRun one to measure that).
        hop [--runs 2000]
            Sequential trivial runs on one warm pooled process: round trip against the time spent inside the sandbox.
        first-answer --app <path to ScriptRunner.Functions.dll> [--runs 5] [--port 7391]
            Starts the app, POSTs a trivial script until it answers, and reports the time from process start to answer.
        """;

    public static async Task<int> ReplacementAsync(IReadOnlyList<string> args)
    {
        var kills = 20;
        var options = new ScriptRunnerOptions();
        for (var i = 0; i + 1 < args.Count; i += 2)
        {
            switch (args[i])
            {
                case "--kills": kills = int.Parse(args[i + 1], System.Globalization.CultureInfo.InvariantCulture); break;
                case "--sandbox": options.Sandbox.ExecutablePath = args[i + 1]; break;
                case "--spares": options.Sandbox.SpareProcesses = int.Parse(args[i + 1], System.Globalization.CultureInfo.InvariantCulture); break;
            }
        }
        var spares = options.Sandbox.SpareProcesses;
        using var telemetry = new ScriptRunnerTelemetry();
        await using var pool = await OneProcessPoolAsync(options, telemetry);

        var serving = new List<double>();
        var started = new List<double>();
        for (var i = 0; i < kills; i++)
        {
            // Each kill finds the pool whole, spares included.
            while (pool.State.Spare < spares) await Task.Delay(1);
            var victim = pool.ProcessIds.Single();
            var spareIds = pool.SpareIds;
            var clock = Stopwatch.StartNew();
            Process.GetProcessById(victim).Kill();
            while (pool.ProcessIds.Count == 0 || pool.ProcessIds.Contains(victim) || pool.State.Ready < 1) await Task.Delay(1);
            serving.Add(clock.Elapsed.TotalMilliseconds);
            if (spares == 0)
            {
                started.Add(clock.Elapsed.TotalMilliseconds);
                continue;
            }

            // The spare took the place; the new spare started at that moment is the newly started process.
            while (pool.State.Spare < spares || !pool.SpareIds.Except(spareIds).Any()) await Task.Delay(1);
            started.Add(clock.Elapsed.TotalMilliseconds);
        }

        Report($"a ready process serves in the killed one's place ({spares} spare{(spares == 1 ? "" : "s")})", serving);
        Report("a newly started process is ready", started);
        return 0;
    }

    public static async Task<int> FirstAnswerAsync(IReadOnlyList<string> args)
    {
        string? app = null;
        var runs = 5;
        var port = 7391;
        for (var i = 0; i + 1 < args.Count; i += 2)
        {
            switch (args[i])
            {
                case "--app": app = args[i + 1]; break;
                case "--runs": runs = int.Parse(args[i + 1], System.Globalization.CultureInfo.InvariantCulture); break;
                case "--port": port = int.Parse(args[i + 1], System.Globalization.CultureInfo.InvariantCulture); break;
            }
        }
        if (app is null || !File.Exists(app))
        {
            Console.Error.WriteLine(Usage);
            return 2;
        }

        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var url = $"http://127.0.0.1:{port}/api/execute";
        var timings = new List<double>();
        for (var run = 0; run < runs; run++)
        {
            var start = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
            start.ArgumentList.Add(app);
            start.Environment["PORT"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture);
            var clock = Stopwatch.StartNew();
            using var process = Process.Start(start)!;
            process.OutputDataReceived += (_, _) => { };
            process.ErrorDataReceived += (_, _) => { };
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            try
            {
                while (clock.Elapsed < TimeSpan.FromSeconds(60))
                {
                    try
                    {
                        using var content = new StringContent("""{"code":"1+1"}""", Encoding.UTF8, "application/json");
                        using var response = await client.PostAsync(url, content);
                        if (response.StatusCode == HttpStatusCode.OK && (await response.Content.ReadAsStringAsync()).Contains("\"success\":true", StringComparison.Ordinal))
                        {
                            timings.Add(clock.Elapsed.TotalMilliseconds);
                            break;
                        }
                    }
                    catch (HttpRequestException)
                    {
                    }
                    await Task.Delay(2);
                }
            }
            finally
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
            }
        }

        Report("first answer after app start", timings);
        return 0;
    }

    /// <summary>Sequential trivial runs on one warm pooled process: the whole round trip against the time the run took inside the sandbox.</summary>
    public static async Task<int> HopAsync(IReadOnlyList<string> args)
    {
        var runs = args.Count == 2 && args[0] == "--runs" ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 2000;
        var options = new ScriptRunnerOptions();
        using var telemetry = new ScriptRunnerTelemetry();
        await using var pool = await OneProcessPoolAsync(options, telemetry);
        var code = "var a = 20; a * 2 + 2"u8.ToArray();
        var job = new ScriptRunner.Core.Execution.SandboxJob
        {
            Code = code,
            Sha256 = ScriptRunner.Core.Fetching.IntegrityCheck.Sha256Hex(code),
            CodeType = ScriptRunner.Core.Model.CodeType.JavaScript,
            Engine = "jint",
            Timeout = TimeSpan.FromSeconds(10),
            MemoryLimitBytes = 128L << 20,
        };
        var total = new List<double>();
        var inside = new List<double>();
        for (var i = 0; i < runs; i++)
        {
            var capture = ScriptRunner.Core.Hosting.OutputCapture.For(options.Output);
            var clock = Stopwatch.StartNew();
            var run = await pool.RunAsync(job, capture, CancellationToken.None);
            var elapsed = clock.Elapsed.TotalMilliseconds;
            if (i < runs / 10) continue;
            total.Add(elapsed);
            inside.Add(run.Elapsed.TotalMilliseconds);
        }

        Report("pooled round trip", total);
        Report("inside the sandbox", inside);
        return 0;
    }

    /// <summary>A pool of one sandbox process, started and warm.</summary>
    private static async Task<SandboxPool> OneProcessPoolAsync(ScriptRunnerOptions options, ScriptRunnerTelemetry telemetry)
    {
        options.Limits.MaxConcurrentExecutions = 1;
        var pool = new SandboxPool(options, new SandboxLauncher(options.Sandbox, options.Limits), telemetry, NullLogger<SandboxPool>.Instance);
        await pool.WaitReadyAsync(1, TimeSpan.FromSeconds(60));
        return pool;
    }

    private static void Report(string what, List<double> timings)
    {
        timings.Sort();
        if (timings.Count == 0)
        {
            Console.WriteLine($"{what}: no measurement");
            return;
        }
        Console.WriteLine($"{what}: n={timings.Count} median {timings[timings.Count / 2]:0.000} ms, p90 {timings[timings.Count * 9 / 10]:0.000} ms, min {timings[0]:0.000} ms, max {timings[^1]:0.0} ms");
    }
}
