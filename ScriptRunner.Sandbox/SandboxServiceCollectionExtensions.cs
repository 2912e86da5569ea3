using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using ScriptRunner.Core.Execution;
using ScriptRunner.Sandbox.JavaScript;
using ScriptRunner.Sandbox.JavaScript.V8;
using ScriptRunner.Sandbox.WebAssembly;
using ScriptRunner.Wasm;

namespace ScriptRunner.Sandbox;

/// <summary>Registers the engines a sandbox runs.</summary>
public static class SandboxServiceCollectionExtensions
{
    /// <summary>Adds every engine as an <see cref="IScriptSandbox"/>; one line per engine.</summary>
    public static IServiceCollection AddScriptRunnerEngines(this IServiceCollection services)
    {
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IScriptSandbox, JavaScriptSandbox>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IScriptSandbox, V8Sandbox>());
        // One engine per process: its SHA-256 keyed cache lets a warm repeat of a module skip compilation.
        services.TryAddSingleton(_ => new Engine());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IScriptSandbox, WasmSandbox>());
        return services;
    }
}
