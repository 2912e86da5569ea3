using System.Net;
using System.Threading.Channels;
using Grpc.Core;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ScriptRunner.Tests.Functions.WorkerHost.Protocol;

namespace ScriptRunner.Tests.Functions.WorkerHost;

/// <summary>
/// A stand-in for the Azure Functions host on the worker's side of the wire: a gRPC server on loopback speaking the
/// host-to-worker protocol. A worker connects with the address given by <see cref="Uri"/>; the test then drives the
/// conversation through the <see cref="WorkerConnection"/> it gets from <see cref="AcceptWorkerAsync"/>.
/// </summary>
public sealed class FunctionsHostDouble : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly Channel<WorkerConnection> _connections = Channel.CreateUnbounded<WorkerConnection>();

    private FunctionsHostDouble(WebApplication app) => _app = app;

    /// <summary>The address a worker is given in <c>--functions-uri</c>.</summary>
    public Uri Uri { get; private set; } = null!;

    /// <summary>Starts the server on an ephemeral loopback port, HTTP/2 without TLS as the real host serves it.</summary>
    public static async Task<FunctionsHostDouble> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.WebHost.ConfigureKestrel(kestrel =>
            kestrel.Listen(IPAddress.Loopback, 0, listen => listen.Protocols = HttpProtocols.Http2));
        builder.Services.AddGrpc(options => options.MaxReceiveMessageSize = null);
        builder.Services.AddSingleton<FunctionRpcService>();
        var app = builder.Build();
        var host = new FunctionsHostDouble(app);
        app.Services.GetRequiredService<FunctionRpcService>().Accepted = host._connections.Writer;
        app.MapGrpcService<FunctionRpcService>();
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        host.Uri = new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal) + "/");
        return host;
    }

    /// <summary>Waits for a worker to open the event stream and introduce itself with <c>StartStream</c>.</summary>
    public async Task<WorkerConnection> AcceptWorkerAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        return await _connections.Reader.ReadAsync(cts.Token);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    /// <summary>The gRPC service: each event stream becomes a <see cref="WorkerConnection"/> that lives until the worker hangs up.</summary>
    private sealed class FunctionRpcService : FunctionRpc.FunctionRpcBase
    {
        public ChannelWriter<WorkerConnection>? Accepted { get; set; }

        public override async Task EventStream(IAsyncStreamReader<StreamingMessage> requestStream, IServerStreamWriter<StreamingMessage> responseStream, ServerCallContext context)
        {
            if (!await requestStream.MoveNext(context.CancellationToken) || requestStream.Current.ContentCase != StreamingMessage.ContentOneofCase.StartStream)
                throw new Grpc.Core.RpcException(new Status(StatusCode.InvalidArgument, "The first message on the stream must be StartStream."));

            var connection = new WorkerConnection(requestStream.Current.StartStream.WorkerId, responseStream);
            await Accepted!.WriteAsync(connection, context.CancellationToken);
            await connection.PumpAsync(requestStream, context.CancellationToken);
        }
    }
}
