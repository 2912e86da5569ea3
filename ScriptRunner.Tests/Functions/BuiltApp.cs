using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace ScriptRunner.Tests.Functions;

/// <summary>
/// The built ScriptRunner.Functions app (its own build output, as published) running as a separate process, with
/// its output kept for failure messages. Disposing kills it.
/// </summary>
public sealed class BuiltApp : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();

    private BuiltApp(Process process)
    {
        _process = process;
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) _output.Enqueue(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) _output.Enqueue(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    /// <summary>The Functions project's build output for the configuration these tests were built in.</summary>
    public static string Directory { get; } = FindDirectory();

    /// <summary>What the process wrote to stdout and stderr so far.</summary>
    public string Output => string.Join("\n", _output);

    /// <summary>Whether the process has ended.</summary>
    public bool HasExited => _process.HasExited;

    /// <summary>Starts <c>dotnet ScriptRunner.Functions.dll</c> with <paramref name="args"/> and <paramref name="environment"/>.</summary>
    public static BuiltApp Start(IEnumerable<string> args, IReadOnlyDictionary<string, string> environment)
    {
        var start = new ProcessStartInfo("dotnet", ["ScriptRunner.Functions.dll", .. args])
        {
            WorkingDirectory = Directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var name in new[] { "ASPNETCORE_URLS", "URLS", "PORT", "ASPNETCORE_HTTP_PORTS", "HTTP_PORTS", "OTEL_EXPORTER_OTLP_ENDPOINT", "APPLICATIONINSIGHTS_CONNECTION_STRING" })
            start.Environment.Remove(name);
        foreach (var (key, value) in environment) start.Environment[key] = value;
        return new BuiltApp(Process.Start(start)!);
    }

    /// <summary>The exit code once the process has ended by itself within <paramref name="timeout"/>.</summary>
    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        await _process.WaitForExitAsync(cts.Token);
        return _process.ExitCode;
    }

    /// <summary>GETs <paramref name="url"/> until the app answers, and returns the first answer.</summary>
    public async Task<HttpResponseMessage> WaitForAsync(HttpClient client, string url, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            Assert.False(HasExited, $"the app exited before serving:\n{Output}");
            Assert.True(DateTime.UtcNow < deadline, $"the app did not answer {url} within {timeout}:\n{Output}");
            try
            {
                return await client.GetAsync(url);
            }
            catch (HttpRequestException)
            {
                await Task.Delay(100);
            }
        }
    }

    /// <summary>A TCP port free at the moment of the call.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string FindDirectory()
    {
        // Tests run from ScriptRunner.Tests/bin/<Configuration>/<tfm>/; the app was built to the same place in its project.
        var testBin = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var framework = testBin.Name;
        var configuration = testBin.Parent!.Name;
        var root = testBin.Parent.Parent!.Parent!.Parent!.FullName;
        var directory = Path.Combine(root, "ScriptRunner.Functions", "bin", configuration, framework);
        if (!File.Exists(Path.Combine(directory, "ScriptRunner.Functions.dll")))
            throw new InvalidOperationException($"The built app is not in {directory}; build ScriptRunner.Tests first.");
        return directory;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
        _process.Dispose();
    }
}
