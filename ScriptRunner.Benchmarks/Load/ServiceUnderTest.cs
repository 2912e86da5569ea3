using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;

namespace ScriptRunner.Benchmarks.Load;

/// <summary>A built app started on a loopback port for a load test, its output discarded, its process tree killed at the end.</summary>
internal sealed class ServiceUnderTest : IAsyncDisposable
{
    private readonly Process _process;

    private ServiceUnderTest(Process process, int port)
    {
        _process = process;
        Client = new HttpClient { Timeout = TimeSpan.FromSeconds(120), BaseAddress = new Uri($"http://127.0.0.1:{port}") };
    }

    /// <summary>A client of the app.</summary>
    public HttpClient Client { get; }

    /// <summary>The app's process id.</summary>
    public int ProcessId => _process.Id;

    /// <summary>Starts <paramref name="app"/> on <paramref name="port"/> with <paramref name="environment"/> added, and waits until it answers an execution.</summary>
    public static async Task<ServiceUnderTest> StartAsync(string app, int port, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(app);
        start.Environment["PORT"] = port.ToString(CultureInfo.InvariantCulture);
        foreach (var (name, value) in environment ?? new Dictionary<string, string>()) start.Environment[name] = value;
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var service = new ServiceUnderTest(process, port);
        try
        {
            await service.WaitServingAsync();
            return service;
        }
        catch
        {
            await service.DisposeAsync();
            throw;
        }
    }

    /// <summary>POSTs <paramref name="json"/> to <c>/api/execute</c>.</summary>
    public async Task<HttpResponseMessage> ExecuteAsync(string json)
    {
        using var content = new StringContent(json, Encoding.UTF8, "application/json");
        return await Client.PostAsync("/api/execute", content);
    }

    /// <summary>Every process below the app's (its sandbox processes, and theirs).</summary>
    public List<int> Descendants()
    {
        var parents = new Dictionary<int, int>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var child)) continue;
            try
            {
                var stat = File.ReadAllText(Path.Combine(dir, "stat"));
                // The command name is in parentheses and may hold spaces; the parent pid is the second field after it.
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                parents[child] = int.Parse(fields[1], CultureInfo.InvariantCulture);
            }
            catch (IOException)
            {
            }
        }
        var found = new List<int>();
        var frontier = new Queue<int>([ProcessId]);
        while (frontier.TryDequeue(out var current))
        {
            foreach (var (child, parent) in parents)
            {
                if (parent != current) continue;
                found.Add(child);
                frontier.Enqueue(child);
            }
        }
        return found;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
        _process.Dispose();
    }

    private async Task WaitServingAsync()
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(120))
        {
            try
            {
                using var response = await ExecuteAsync("""{"code":"1+1"}""");
                if (response.StatusCode == HttpStatusCode.OK) return;
            }
            catch (HttpRequestException)
            {
            }
            await Task.Delay(100);
        }
        throw new TimeoutException("the app did not answer within 120 s");
    }
}
