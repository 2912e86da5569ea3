using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using ScriptRunner.Core.Execution;
using ScriptRunner.Core.Options;
using ScriptRunner.Sandbox.JavaScript;
using ScriptRunner.Sandbox.JavaScript.V8;
using ScriptRunner.Sandbox.WebAssembly;
using ScriptRunner.Sandbox.WebAssembly.Wasmtime;
using ScriptRunner.Wasm;
using ScriptRunner.Sandbox.JavaScript.Jint;

namespace ScriptRunner.Sandbox;

/// <summary>Registers the engines a sandbox runs.</summary>
public static class SandboxServiceCollectionExtensions
{
    /// <summary>Adds every engine as an <see cref="IScriptSandbox"/>; one line per engine.</summary>
    public static IServiceCollection AddScriptRunnerEngines(this IServiceCollection services)
    {
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IScriptSandbox, JintSandbox>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IScriptSandbox, V8Sandbox>());
        // One engine per process: its SHA-256 keyed cache lets a warm repeat of a module skip compilation.
        services.TryAddSingleton(_ => new Engine());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IScriptSandbox, ManagedWasmSandbox>());
        // One Wasmtime engine per process, with the compiled-module cache shared on disk by every process.
        services.TryAddSingleton(provider => new WasmtimeRuntime(
            provider.GetService<IOptions<ScriptRunnerOptions>>()?.Value.Wasm ?? new WasmOptions()));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IScriptSandbox, WasmtimeSandbox>());
        return services;
    }
}
