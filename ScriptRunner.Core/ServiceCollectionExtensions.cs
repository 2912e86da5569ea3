using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using ScriptRunner.Core.Execution;
using ScriptRunner.Core.Fetching;
using ScriptRunner.Core.Hosting;
using ScriptRunner.Core.Options;
using ScriptRunner.Core.Sandboxing;
using ScriptRunner.Core.Telemetry;

namespace ScriptRunner.Core;

/// <summary>Registers the ScriptRunner engine with a host.</summary>
public static class ServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="ExecutionService"/> and everything behind it, with <see cref="ScriptRunnerOptions"/> bound from
    /// the <c>ScriptRunner</c> section of <paramref name="configuration"/> and checked when the host starts.
    /// </summary>
    public static IServiceCollection AddScriptRunnerCore(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        var section = configuration.GetSection(ScriptRunnerOptions.SectionName);
        services.AddOptions<ScriptRunnerOptions>()
            .Bind(section)
            .Configure(options => ApplyHostList(options, section))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ScriptRunnerOptions>, ScriptRunnerOptionsValidator>());

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ScriptRunnerTelemetry>();
        services.TryAddSingleton(sp => new RequestValidator(Options(sp).Limits));
        services.TryAddSingleton<ICodeFetcher>(sp => new CodeFetcher(Options(sp).Download));
        services.TryAddSingleton(sp => new SandboxLauncher(Options(sp).Sandbox, Options(sp).Limits));
        services.TryAddSingleton(sp => new SandboxPool(
            Options(sp),
            sp.GetRequiredService<SandboxLauncher>(),
            sp.GetRequiredService<ScriptRunnerTelemetry>(),
            sp.GetService<ILogger<SandboxPool>>() ?? NullLogger<SandboxPool>.Instance));
        services.TryAddSingleton<ISandboxExecutor>(sp => sp.GetRequiredService<SandboxPool>());
        // Started with the app, so no request pays for a process start.
        services.AddHostedService(sp => sp.GetRequiredService<SandboxPool>());
        services.TryAddSingleton(sp => new ExecutionService(
            sp.GetRequiredService<RequestValidator>(),
            sp.GetRequiredService<ICodeFetcher>(),
            sp.GetRequiredService<ISandboxExecutor>(),
            sp.GetRequiredService<ScriptRunnerTelemetry>(),
            Options(sp),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetService<ILogger<ExecutionService>>() ?? NullLogger<ExecutionService>.Instance));
        return services;
    }

    private static ScriptRunnerOptions Options(IServiceProvider services) =>
        services.GetRequiredService<IOptions<ScriptRunnerOptions>>().Value;

    /// <summary>
    /// Lets <c>ScriptRunner__SandboxFetch__AllowedHosts</c> be one comma-separated value (app settings are flat strings),
    /// besides the indexed <c>AllowedHosts__0</c> form the binder understands.
    /// </summary>
    private static void ApplyHostList(ScriptRunnerOptions options, IConfigurationSection section)
    {
        var flat = section["SandboxFetch:AllowedHosts"];
        if (string.IsNullOrWhiteSpace(flat)) return;
        options.SandboxFetch.AllowedHosts =
        [
            .. options.SandboxFetch.AllowedHosts,
            .. flat.Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
        ];
    }
}
