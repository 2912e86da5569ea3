using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;

namespace ScriptRunner.Benchmarks.Load;

/// <summary>A closed-loop HTTP load generator: N loops, each sending the next request when the last one answers.</summary>
internal static class LoadGenerator
{
    public static async Task<int> RunAsync(IReadOnlyList<string> args)
    {
        LoadOptions options;
        try
        {
            options = LoadOptions.Parse(args);
        }
        catch (Exception e) when (e is ArgumentException or FormatException or UriFormatException)
        {
            Console.Error.WriteLine(e.Message);
            Console.Error.WriteLine(LoadOptions.Usage);
            return 2;
        }

        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = options.Concurrency, UseProxy = false };
        using var client = new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(60) };
        var body = Encoding.UTF8.GetBytes(options.Body);

        Console.WriteLine($"Target {options.Url}, {options.Concurrency} loops, warm-up {options.Warmup.TotalSeconds:0} s, run {options.Duration.TotalSeconds:0} s");
        if (options.Warmup > TimeSpan.Zero) await MeasureAsync(client, options with { Duration = options.Warmup }, body);

        var run = await MeasureAsync(client, options, body);
        run.Print(Console.Out);
        return run.Failed == 0 ? 0 : 1;
    }

    private static async Task<LoadReport> MeasureAsync(HttpClient client, LoadOptions options, byte[] body)
    {
        using var stop = new CancellationTokenSource(options.Duration);
        long sent = 0;
        var loops = new Task<LoopResult>[options.Concurrency];
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < loops.Length; i++)
        {
            loops[i] = Task.Run(async () =>
            {
                var result = new LoopResult();
                while (!stop.IsCancellationRequested && Interlocked.Increment(ref sent) <= options.MaxRequests)
                {
                    var started = Stopwatch.GetTimestamp();
                    try
                    {
                        using var content = new ByteArrayContent(body);
                        content.Headers.ContentType = new("application/json");
                        using var response = await client.PostAsync(options.Url, content);
                        await response.Content.ReadAsByteArrayAsync();
                        result.Record(response.StatusCode, Stopwatch.GetElapsedTime(started));
                    }
                    catch (HttpRequestException)
                    {
                        result.RecordFailure();
                    }
                }
                return result;
            });
        }

        var results = await Task.WhenAll(loops);
        return new LoadReport(results, clock.Elapsed);
    }

    private sealed class LoopResult
    {
        public List<double> LatenciesMs { get; } = [];
        public Dictionary<HttpStatusCode, long> Statuses { get; } = [];
        public long Failures { get; private set; }

        public void Record(HttpStatusCode status, TimeSpan latency)
        {
            LatenciesMs.Add(latency.TotalMilliseconds);
            Statuses[status] = Statuses.GetValueOrDefault(status) + 1;
        }

        public void RecordFailure() => Failures++;
    }

    private sealed class LoadReport(LoopResult[] loops, TimeSpan elapsed)
    {
        public long Failed => loops.Sum(l => l.Failures) +
            loops.SelectMany(l => l.Statuses).Where(s => s.Key != HttpStatusCode.OK).Sum(s => s.Value);

        public void Print(TextWriter output)
        {
            var latencies = loops.SelectMany(l => l.LatenciesMs).Order().ToArray();
            var statuses = loops.SelectMany(l => l.Statuses).GroupBy(s => s.Key).OrderBy(g => g.Key)
                .Select(g => $"{(int)g.Key}: {g.Sum(s => s.Value)}");
            var inv = CultureInfo.InvariantCulture;
            output.WriteLine(string.Create(inv, $"Requests: {latencies.Length} in {elapsed.TotalSeconds:0.00} s = {latencies.Length / elapsed.TotalSeconds:0} requests/s"));
            output.WriteLine($"Statuses: {string.Join(", ", statuses)}; connection failures: {loops.Sum(l => l.Failures)}");
            if (latencies.Length == 0) return;
            output.WriteLine(string.Create(inv,
                $"Latency ms: p50 {Percentile(latencies, 0.50):0.00}, p90 {Percentile(latencies, 0.90):0.00}, p99 {Percentile(latencies, 0.99):0.00}, max {latencies[^1]:0.00}"));
        }

        private static double Percentile(double[] sorted, double p) => sorted[Math.Min(sorted.Length - 1, (int)(p * sorted.Length))];
    }
}
