using System.Collections.Concurrent;
using Grpc.Core;
using ScriptRunner.Tests.Functions.WorkerHost.Protocol;

namespace ScriptRunner.Tests.Functions.WorkerHost;

/// <summary>
/// One worker's event stream, seen from the host: send a request, await the worker's answer to it. The worker's
/// logs are kept for diagnostics.
/// </summary>
public sealed class WorkerConnection
{
    private readonly IServerStreamWriter<StreamingMessage> _toWorker;
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private readonly ConcurrentDictionary<string, TaskCompletionSource<StreamingMessage>> _pending = new();
    private readonly TaskCompletionSource _closed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    internal WorkerConnection(string workerId, IServerStreamWriter<StreamingMessage> toWorker)
    {
        WorkerId = workerId;
        _toWorker = toWorker;
    }

    /// <summary>The id the worker announced in <c>StartStream</c>.</summary>
    public string WorkerId { get; }

    /// <summary>What the worker logged through the host, in order.</summary>
    public ConcurrentQueue<RpcLog> Logs { get; } = new();

    /// <summary>Completes when the worker ends the stream.</summary>
    public Task Closed => _closed.Task;

    /// <summary>Sends <paramref name="message"/> and waits for the worker's answer, matched by <paramref name="answerKey"/>.</summary>
    public async Task<StreamingMessage> RequestAsync(StreamingMessage message, string answerKey, TimeSpan timeout)
    {
        var answer = _pending.GetOrAdd(answerKey, _ => new TaskCompletionSource<StreamingMessage>(TaskCreationOptions.RunContinuationsAsynchronously));
        await SendAsync(message);
        try
        {
            return await answer.Task.WaitAsync(timeout);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"The worker did not answer '{answerKey}' within {timeout}. Worker logs:\n{string.Join("\n", Logs.Select(l => $"{l.Level}: {l.Message}"))}");
        }
    }

    /// <summary>Sends <paramref name="message"/> without waiting for an answer.</summary>
    public async Task SendAsync(StreamingMessage message)
    {
        await _writeLock.WaitAsync();
        try
        {
            await _toWorker.WriteAsync(message);
        }
        finally
        {
            _writeLock.Release();
        }
    }

    /// <summary>The host's first request: its capabilities and the app's directories; returns the worker's answer.</summary>
    public async Task<WorkerInitResponse> InitializeAsync(string appDirectory, TimeSpan timeout)
    {
        var request = new StreamingMessage
        {
            RequestId = NewId(),
            WorkerInitRequest = new WorkerInitRequest
            {
                HostVersion = "4.0.0",
                WorkerDirectory = appDirectory,
                FunctionAppDirectory = appDirectory,
                // The capability a host advertises when it can proxy HTTP to a worker's own server.
                Capabilities = { ["HttpUri"] = bool.TrueString },
            },
        };
        return (await RequestAsync(request, "request:" + request.RequestId, timeout)).WorkerInitResponse;
    }

    /// <summary>Asks the worker to index its functions, as a host does when the worker indexes itself.</summary>
    public async Task<FunctionMetadataResponse> IndexAsync(string appDirectory, TimeSpan timeout)
    {
        var request = new StreamingMessage
        {
            RequestId = NewId(),
            FunctionsMetadataRequest = new FunctionsMetadataRequest { FunctionAppDirectory = appDirectory },
        };
        return (await RequestAsync(request, "request:" + request.RequestId, timeout)).FunctionMetadataResponse;
    }

    /// <summary>Loads one indexed function under the id the worker gave it.</summary>
    public async Task<FunctionLoadResponse> LoadAsync(RpcFunctionMetadata function, TimeSpan timeout)
    {
        var request = new StreamingMessage
        {
            RequestId = NewId(),
            FunctionLoadRequest = new FunctionLoadRequest { FunctionId = function.FunctionId, Metadata = function },
        };
        return (await RequestAsync(request, "load:" + function.FunctionId, timeout)).FunctionLoadResponse;
    }

    /// <summary>
    /// Invokes an HTTP-triggered function the way a host with HTTP proxying does: an invocation request on the
    /// stream and, at the same time, the client's HTTP request forwarded to the worker's own server, tagged with the
    /// invocation id. Returns the worker's HTTP response and its invocation response.
    /// </summary>
    public async Task<(HttpResponseMessage Http, InvocationResponse Invocation)> InvokeHttpAsync(
        HttpClient toWorker, string functionId, HttpRequestMessage request, TimeSpan timeout)
    {
        var invocationId = Guid.NewGuid().ToString();
        var invocation = new StreamingMessage
        {
            RequestId = NewId(),
            InvocationRequest = new InvocationRequest
            {
                InvocationId = invocationId,
                FunctionId = functionId,
                // The host always sends the W3C context of the incoming request; the worker continues the trace.
                TraceContext = new RpcTraceContext { TraceParent = $"00-{Guid.NewGuid():N}-{Guid.NewGuid().ToString("N")[..16]}-01" },
                InputData =
                {
                    new ParameterBinding
                    {
                        Name = "request",
                        Data = new TypedData { Http = new RpcHttp { Method = request.Method.Method, Url = request.RequestUri!.AbsoluteUri } },
                    },
                },
            },
        };
        request.Headers.Add("x-ms-invocation-id", invocationId);
        var answer = RequestAsync(invocation, "invocation:" + invocationId, timeout);
        using var cts = new CancellationTokenSource(timeout);
        var http = await toWorker.SendAsync(request, cts.Token);
        return (http, (await answer).InvocationResponse);
    }

    private static string NewId() => Guid.NewGuid().ToString();

    /// <summary>The key an answer is matched by: the invocation for invocation responses, otherwise the request id.</summary>
    internal static string KeyOf(StreamingMessage message) => message.ContentCase switch
    {
        StreamingMessage.ContentOneofCase.InvocationResponse => "invocation:" + message.InvocationResponse.InvocationId,
        StreamingMessage.ContentOneofCase.FunctionLoadResponse => "load:" + message.FunctionLoadResponse.FunctionId,
        _ => "request:" + message.RequestId,
    };

    internal async Task PumpAsync(IAsyncStreamReader<StreamingMessage> fromWorker, CancellationToken cancellationToken)
    {
        try
        {
            while (await fromWorker.MoveNext(cancellationToken))
            {
                var message = fromWorker.Current;
                if (message.ContentCase == StreamingMessage.ContentOneofCase.RpcLog)
                {
                    Logs.Enqueue(message.RpcLog);
                    continue;
                }
                _pending.GetOrAdd(KeyOf(message), _ => new TaskCompletionSource<StreamingMessage>(TaskCreationOptions.RunContinuationsAsynchronously))
                    .TrySetResult(message);
            }
        }
        catch (Exception e) when (e is OperationCanceledException or IOException or Grpc.Core.RpcException)
        {
            // The worker went away; Closed tells the test.
        }
        finally
        {
            _closed.TrySetResult();
        }
    }
}
