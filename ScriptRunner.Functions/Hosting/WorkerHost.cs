using Microsoft.Azure.Functions.Worker.Builder;

namespace ScriptRunner.Functions.Hosting;

/// <summary>The isolated worker: the Functions host invokes the <c>[Function]</c> handlers over gRPC and proxied HTTP.</summary>
internal static class WorkerHost
{
    /// <summary>Builds and runs the worker until the host stops it.</summary>
    public static void Run(string[] args)
    {
        var builder = FunctionsApplication.CreateBuilder(args);
        builder.ConfigureFunctionsWebApplication();
        builder.Services.AddScriptRunnerApp(builder.Configuration, HostingMode.Worker);
        builder.Build().Run();
    }
}
