using System.Runtime.CompilerServices;
using ScriptRunner.Wasm.Execution;
using ScriptRunner.Wasm.Execution.Compilation;

namespace ScriptRunner.Wasm;

/// <summary>Compiles modules and keeps the most recently used ones; share one engine across stores and threads.</summary>
public sealed class Engine
{
    /// <summary>Creates an engine.</summary>
    public Engine(EngineOptions? options = null)
    {
        Options = options ?? new EngineOptions();
        Cache = new ModuleCache(Options.MaxCachedModules);
    }

    /// <summary>The engine's settings.</summary>
    public EngineOptions Options { get; }

    internal FunctionTypeRegistry Types { get; } = new();

    internal SignatureAdapters Adapters { get; } = new();

    internal ModuleCache Cache { get; }

    internal TypedHostCallbacks TypedCallbacks { get; } = new();

    internal Watchdog Watchdog { get; } = new();

    /// <summary>Maps generated types back to their module, to name the function a trap happened in.</summary>
    internal ConditionalWeakTable<Type, CompiledModule> CompiledTypes { get; } = new();
}
