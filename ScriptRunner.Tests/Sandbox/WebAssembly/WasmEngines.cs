using ScriptRunner.Core.Execution;
using ScriptRunner.Core.Options;
using ScriptRunner.Sandbox.WebAssembly.Wasmtime;

namespace ScriptRunner.Tests.Sandbox.WebAssembly;

/// <summary>The two WebAssembly engines, for theories that must hold on both.</summary>
public static class WasmEngines
{
    /// <summary>Every WebAssembly engine name.</summary>
    public static TheoryData<string> Names() => new() { EngineNames.Managed, EngineNames.Wasmtime };

    /// <summary>
    /// A Wasmtime runtime of its own, caching in a new folder under the temporary directory. Epoch interruption is on:
    /// these tests run in-process, where no process wall would end a runaway loop.
    /// </summary>
    public static WasmtimeRuntime NewWasmtimeRuntime(string? cacheDirectory = null, string interrupt = WasmtimeRuntime.EpochInterrupt) => new(new WasmOptions
    {
        CacheDirectory = cacheDirectory ?? NewCacheDirectory(),
        WasmtimeInterrupt = interrupt,
    });

    /// <summary>A fresh, empty cache folder.</summary>
    public static string NewCacheDirectory() =>
        Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "scriptrunner-tests-wasm-cache", Guid.NewGuid().ToString("N"))).FullName;
}
