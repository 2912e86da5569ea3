using Microsoft.Azure.Functions.Worker.Builder;
using ScriptRunner.Functions.Hosting;

// One assembly, two ways to run. Started by the Functions host it is an isolated worker; started any other way it is
// a plain ASP.NET Core app serving the same handlers.
if (HostingModeDetector.Detect(args) == HostingMode.Worker)
{
    var worker = FunctionsApplication.CreateBuilder(args);
    worker.ConfigureFunctionsWebApplication();
    worker.Services.AddScriptRunnerApp(worker.Configuration, HostingMode.Worker);
    worker.Build().Run();
}
else
{
    var builder = WebApplication.CreateBuilder(args);
    var listenUrl = ListenAddress.Resolve(builder.Configuration);
    if (listenUrl is not null) builder.WebHost.UseUrls(listenUrl);
    builder.Services.AddScriptRunnerApp(builder.Configuration, HostingMode.Standalone);

    var app = builder.Build();
    app.MapScriptRunnerRoutes();
    app.Run();
}

/// <summary>Entry point marker for the test host.</summary>
public partial class Program;
