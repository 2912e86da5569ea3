using Microsoft.Extensions.Configuration;
using ScriptRunner.Core;
using ScriptRunner.Functions.Handlers;
using ScriptRunner.Functions.Telemetry;

namespace ScriptRunner.Functions.Hosting;

/// <summary>The services both hosting modes share: Core, the engines, the handlers, JSON conventions and telemetry.</summary>
internal static class AppServices
{
    /// <summary>Registers everything the handlers need.</summary>
    public static IServiceCollection AddScriptRunnerApp(this IServiceCollection services, IConfiguration configuration, HostingMode mode)
    {
        services.AddScriptRunnerCore(configuration);
        services.AddSingleton<HealthProbe>();
        // The worker activates function classes itself; standalone routes resolve them from the container.
        services.AddSingleton<ExecuteFunction>();
        services.AddSingleton<HealthFunction>();
        services.AddSingleton<RequestActivity>();
        services.AddHostedService<IdleMemoryTrim>();
        services.ConfigureHttpJsonOptions(options => ApiJson.Configure(options.SerializerOptions));
        services.AddScriptRunnerTelemetry(configuration, mode);
        return services;
    }
}
