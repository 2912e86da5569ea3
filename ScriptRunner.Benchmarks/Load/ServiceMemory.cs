using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace ScriptRunner.Benchmarks.Load;

/// <summary>
/// The resident memory of a running service, parent and whole process tree (parent plus sandbox processes), through
/// a day in its life: idle after start, after mixed ordinary requests, after hostile ones (oversized bodies, arrays and
/// objects past their limits), and while it sits idle afterwards. Starts the built app itself on a loopback port.
/// </summary>
internal static class ServiceMemory
{
    public const string Usage = """
        usage: memory --app <ScriptRunner.Functions.dll> [--port 7391] [--mixed 1000] [--hostile 100] [--idle 30] [--concurrency 4]
        """;

    private const string SeedHandler = "export default async (req) => ({ statusCode: 200, body: 'OK' })";

    /// <summary>Prints the resident sizes, in MB, at each stage; returns 0, or 2 on bad arguments.</summary>
    public static async Task<int> RunAsync(IReadOnlyList<string> args)
    {
        string? app = null;
        int port = 7391, mixed = 1000, hostile = 100, idleSeconds = 30, concurrency = 4;
        for (var i = 0; i + 1 < args.Count; i += 2)
        {
            var value = args[i + 1];
            switch (args[i])
            {
                case "--app": app = value; break;
                case "--port": port = Int(value); break;
                case "--mixed": mixed = Int(value); break;
                case "--hostile": hostile = Int(value); break;
                case "--idle": idleSeconds = Int(value); break;
                case "--concurrency": concurrency = Int(value); break;
            }
        }
        if (app is null || !File.Exists(app))
        {
            Console.Error.WriteLine(Usage);
            return 2;
        }

        Console.WriteLine($"load average {File.ReadAllText("/proc/loadavg").Trim()}; app {app}");
        await using var service = await ServiceUnderTest.StartAsync(app, port);
        var client = service.Client;
        await Task.Delay(TimeSpan.FromSeconds(5));
        Report("idle after start", service);

            var ordinary = OrdinaryRequests();
        var statuses = await SendAsync(client, mixed, concurrency, i => ordinary[i % ordinary.Length]);
        Report($"after {mixed} mixed requests ({Summary(statuses)})", service);

        var hostiles = HostileRequests();
        statuses = await SendAsync(client, hostile, concurrency, i => hostiles[i % hostiles.Length]);
        Report($"after {hostile} oversized or over-limit requests ({Summary(statuses)})", service);

        for (var waited = 0; waited < idleSeconds;)
        {
            var step = Math.Min(10, idleSeconds - waited);
            await Task.Delay(TimeSpan.FromSeconds(step));
            waited += step;
            Report($"after {waited} s idle", service);
        }
        Console.WriteLine($"load average {File.ReadAllText("/proc/loadavg").Trim()}");
        return 0;
    }

    /// <summary>Trivial JavaScript on both engines, the seed-000 handler, a WebAssembly export, and requests that fail.</summary>
    private static byte[][] OrdinaryRequests()
    {
        var wasm = Convert.ToBase64String(File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Kernels", "small.wasm")));
        string[] bodies =
        [
            """{"code":"1+1"}""",
            """{"code":"1+1","engine":"v8"}""",
            "{\"code\":\"" + SeedHandler + "\",\"handler\":\"handler\",\"request\":{\"method\":\"GET\",\"url\":\"/\",\"headers\":{},\"body\":\"\",\"query\":{}}}",
            $$"""{"codeBase64":"{{wasm}}","handler":"bump","params":[3]}""",
            """{"code":"function f( {"}""",
            """{"code":"throw new Error('boom')"}""",
            """{"code":"1","timeout":0}""",
            """{"code":"JSON.stringify(Array.from({length: 20000}, (_, i) => ({i, s: 'x'.repeat(20)})))"}""",
        ];
        return bodies.Select(Encoding.UTF8.GetBytes).ToArray();
    }

    /// <summary>Bodies a hostile caller sends: a million-entry <c>params</c>, huge <c>envVars</c> and <c>args</c>, a body over the size limit.</summary>
    private static byte[][] HostileRequests()
    {
        var million = new StringBuilder("""{"codeBase64":"AGFzbQEAAAA=","handler":"f","params":[""");
        for (var i = 0; i < 1_000_000; i++) million.Append(i == 0 ? "12345" : ",12345");
        million.Append("]}");

        var env = new StringBuilder("""{"code":"1","envVars":{""");
        for (var i = 0; i < 200_000; i++) env.Append(CultureInfo.InvariantCulture, $"{(i == 0 ? "" : ",")}\"K{i}\":\"value\"");
        env.Append("}}");

        var args = new StringBuilder("""{"code":"1","args":[""");
        for (var i = 0; i < 500_000; i++) args.Append(i == 0 ? "\"arg\"" : ",\"arg\"");
        args.Append("]}");

        var oversize = """{"code":" """ + new string('x', 11 * 1024 * 1024) + "\"}";
        return [Encoding.UTF8.GetBytes(million.ToString()), Encoding.UTF8.GetBytes(env.ToString()), Encoding.UTF8.GetBytes(args.ToString()), Encoding.UTF8.GetBytes(oversize)];
    }

    private static async Task<Dictionary<int, int>> SendAsync(HttpClient client, int count, int concurrency, Func<int, byte[]> body)
    {
        var statuses = new Dictionary<int, int>();
        var next = -1;
        var workers = Enumerable.Range(0, concurrency).Select(async _ =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < count)
            {
                using var content = new ByteArrayContent(body(i));
                content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
                int status;
                try
                {
                    using var response = await client.PostAsync("/api/execute", content);
                    await response.Content.ReadAsByteArrayAsync();
                    status = (int)response.StatusCode;
                }
                catch (HttpRequestException)
                {
                    // The server may answer an oversized body early and close the connection while it is still sent.
                    status = 0;
                }
                lock (statuses) statuses[status] = statuses.GetValueOrDefault(status) + 1;
            }
        });
        await Task.WhenAll(workers);
        return statuses;
    }

    private static void Report(string stage, ServiceUnderTest service)
    {
        var parent = Resident(service.ProcessId);
        var children = service.Descendants().Select(Resident).ToList();
        var tree = children.Sum() + parent;
        var each = string.Join(" ", children.Select(c => (c / 1048576.0).ToString("F0", CultureInfo.InvariantCulture)));
        Console.WriteLine($"{stage,-72} parent {parent / 1048576.0,7:F1} MB   tree {tree / 1048576.0,7:F1} MB   ({children.Count} sandboxes: {each} MB)");
    }

    /// <summary>Every process below <paramref name="pid"/>, from the parent pid in each <c>/proc/N/stat</c>.</summary>
    private static long Resident(int pid)
    {
        try
        {
            foreach (var line in File.ReadLines($"/proc/{pid}/status"))
            {
                if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
                    return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
            }
        }
        catch (IOException)
        {
        }
        return 0;
    }

    private static string Summary(Dictionary<int, int> statuses) =>
        string.Join(", ", statuses.OrderBy(s => s.Key).Select(s => $"{s.Value}× {(s.Key == 0 ? "connection closed" : s.Key.ToString(CultureInfo.InvariantCulture))}"));

    private static int Int(string value) => int.Parse(value, CultureInfo.InvariantCulture);

    private static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);
}
