using System.Globalization;
using System.Net;

namespace ScriptRunner.Benchmarks.Load;

/// <summary>What a load run sends, how hard and for how long.</summary>
internal sealed record LoadOptions
{
    public Uri Url { get; init; } = new("http://127.0.0.1:7071/api/execute");
    public int Concurrency { get; init; } = 32;
    public TimeSpan Duration { get; init; } = TimeSpan.FromSeconds(10);
    public TimeSpan Warmup { get; init; } = TimeSpan.FromSeconds(2);
    public long MaxRequests { get; init; } = 1_000_000;
    public string Body { get; init; } = """{"code":"var a = 20; a * 2 + 2"}""";

    public const string Usage = """
        load [--url http://127.0.0.1:7071/api/execute] [--concurrency 32] [--duration 10] [--warmup 2]
             [--max-requests 1000000] [--body '{"code":"1+1"}']
        Sends POSTs from N concurrent loops to a ScriptRunner on this machine (loopback only) and prints
        requests/s and latency percentiles. Stops after --duration seconds or --max-requests, whichever is first.
        """;

    public static LoadOptions Parse(IReadOnlyList<string> args)
    {
        var options = new LoadOptions();
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            if (i + 1 >= args.Count) throw new ArgumentException($"{name} needs a value.");
            var value = args[++i];
            options = name switch
            {
                "--url" => options with { Url = new Uri(value) },
                "--concurrency" => options with { Concurrency = Positive(name, value) },
                "--duration" => options with { Duration = TimeSpan.FromSeconds(Positive(name, value)) },
                "--warmup" => options with { Warmup = TimeSpan.FromSeconds(int.Parse(value, CultureInfo.InvariantCulture)) },
                "--max-requests" => options with { MaxRequests = Positive(name, value) },
                "--body" => options with { Body = value },
                _ => throw new ArgumentException($"Unknown option {name}."),
            };
        }

        // Load is only ever aimed at a server on this machine.
        if (!options.Url.IsLoopback && !(IPAddress.TryParse(options.Url.Host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip)))
            throw new ArgumentException($"--url must point at a loopback address (127.0.0.1, [::1], localhost); got {options.Url.Host}.");
        if (options.Duration > TimeSpan.FromMinutes(10)) throw new ArgumentException("--duration is capped at 600 seconds.");
        return options;
    }

    private static int Positive(string name, string value)
    {
        var parsed = int.Parse(value, CultureInfo.InvariantCulture);
        if (parsed <= 0) throw new ArgumentException($"{name} must be positive.");
        return parsed;
    }
}
