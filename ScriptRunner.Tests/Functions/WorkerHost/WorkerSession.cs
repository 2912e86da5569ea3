using ScriptRunner.Tests.Functions.WorkerHost.Protocol;

namespace ScriptRunner.Tests.Functions.WorkerHost;

/// <summary>
/// The built app started as the Functions host starts an isolated worker (its command-line switches and
/// environment), connected to <see cref="FunctionsHostDouble"/>, initialised, its functions indexed and loaded.
/// </summary>
public sealed class WorkerSession : IAsyncLifetime
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    private readonly IReadOnlyDictionary<string, string> _settings;

    public WorkerSession() : this(new Dictionary<string, string>())
    {
    }

    /// <summary>A session whose worker also gets <paramref name="settings"/> as environment variables (app settings).</summary>
    internal WorkerSession(IReadOnlyDictionary<string, string> settings) => _settings = settings;

    public FunctionsHostDouble Host { get; private set; } = null!;
    public BuiltApp Worker { get; private set; } = null!;
    public WorkerConnection Connection { get; private set; } = null!;
    public string WorkerId { get; } = Guid.NewGuid().ToString();
    public WorkerInitResponse Init { get; private set; } = null!;
    public FunctionMetadataResponse Index { get; private set; } = null!;
    public IReadOnlyDictionary<string, FunctionLoadResponse> Loads { get; private set; } = null!;

    /// <summary>The worker's own HTTP server, announced in its <c>HttpUri</c> capability.</summary>
    public Uri HttpUri { get; private set; } = null!;

    /// <summary>A client for the worker's HTTP server, as the host's proxy uses it.</summary>
    public HttpClient Proxy { get; } = new(new ProxyRetryHandler()) { Timeout = Timeout };

    public async Task InitializeAsync()
    {
        Host = await FunctionsHostDouble.StartAsync();
        var appDirectory = BuiltApp.Directory;
        Worker = BuiltApp.Start(
            [
                "--functions-uri", Host.Uri.AbsoluteUri,
                "--functions-worker-id", WorkerId,
                "--functions-request-id", Guid.NewGuid().ToString(),
                "--functions-grpc-max-message-length", "2147483647",
            ],
            new Dictionary<string, string>(_settings)
            {
                ["FUNCTIONS_WORKER_RUNTIME"] = "dotnet-isolated",
                ["FUNCTIONS_APPLICATION_DIRECTORY"] = appDirectory,
                ["FUNCTIONS_WORKER_DIRECTORY"] = appDirectory,
            });

        try
        {
            Connection = await Host.AcceptWorkerAsync(Timeout);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"The worker never connected to the host:\n{Worker.Output}");
        }
        Init = await Connection.InitializeAsync(appDirectory, Timeout);
        HttpUri = new Uri(Init.Capabilities["HttpUri"]);
        Index = await Connection.IndexAsync(appDirectory, Timeout);
        var loads = new Dictionary<string, FunctionLoadResponse>();
        foreach (var function in Index.FunctionMetadataResults)
            loads[function.Name] = await Connection.LoadAsync(function, Timeout);
        Loads = loads;
    }

    /// <summary>The indexed function named <paramref name="name"/>.</summary>
    public RpcFunctionMetadata Function(string name) => Index.FunctionMetadataResults.Single(f => f.Name == name);

    /// <summary>Tells the worker to shut down, as the host does when it stops, and waits for the process to end.</summary>
    public async Task TerminateAsync()
    {
        await Connection.SendAsync(new StreamingMessage { RequestId = Guid.NewGuid().ToString(), WorkerTerminate = new WorkerTerminate() });
        await Worker.WaitForExitAsync(Timeout);
    }

    /// <summary>What the worker said, for a failure message.</summary>
    public string Diagnostics(InvocationResponse? invocation = null) =>
        $"invocation: {invocation}\nworker logs:\n{string.Join("\n", Connection.Logs.Select(l => $"{l.Level} {l.Category}: {l.Message}"))}\nworker output:\n{Worker.Output}";

    public async Task DisposeAsync()
    {
        Proxy.Dispose();
        if (Worker is not null) await Worker.DisposeAsync();
        if (Host is not null) await Host.DisposeAsync();
    }
}
