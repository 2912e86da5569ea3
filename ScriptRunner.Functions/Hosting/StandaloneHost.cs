namespace ScriptRunner.Functions.Hosting;

/// <summary>A plain ASP.NET Core app serving the same handlers on the Functions paths and at the root.</summary>
internal static class StandaloneHost
{
    /// <summary>Builds and runs the app until it is stopped.</summary>
    public static void Run(string[] args)
    {
        // The app's own folder is its content root, so appsettings.json applies wherever the app is started from.
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
        var listenUrl = ListenAddress.Resolve(builder.Configuration);
        if (listenUrl is not null) builder.WebHost.UseUrls(listenUrl);
        builder.Services.AddScriptRunnerApp(builder.Configuration, HostingMode.Standalone);

        var app = builder.Build();
        app.MapScriptRunnerRoutes();
        app.Run();
    }
}
