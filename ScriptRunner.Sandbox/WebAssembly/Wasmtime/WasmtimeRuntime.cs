using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;
using global::Wasmtime;
using ScriptRunner.Core.Options;
using ScriptRunner.Sandbox.WebAssembly.Host;

namespace ScriptRunner.Sandbox.WebAssembly.Wasmtime;

/// <summary>
/// One per sandbox process: the Wasmtime engine and its configuration, the compiled-module cache (in memory and on
/// disk) and the linker holding the host functions, bound once.
/// </summary>
/// <remarks>
/// Configuration: a 1 MiB WebAssembly stack (the smallest thread an execution may run on is the 1.5 MiB default of
/// .NET threads; the sandbox process runs executions on a 64 MB thread); Wasmtime's default memory reservation of
/// 4 GiB plus guard per memory, which lets compiled code skip bounds checks and costs only address space, one
/// instance per store; epoch interruption only when <see cref="WasmOptions.WasmtimeInterrupt"/> asks for it.
/// </remarks>
public sealed class WasmtimeRuntime : IDisposable
{
    /// <summary>The WebAssembly stack bound; deeper recursion is a "call stack exhausted" trap.</summary>
    public const int MaxStackBytes = 1024 * 1024;

    /// <summary>The <see cref="WasmOptions.WasmtimeInterrupt"/> value that turns on epoch interruption.</summary>
    public const string EpochInterrupt = "epoch";

    /// <summary>The <see cref="WasmOptions.WasmtimeInterrupt"/> value for no in-engine interrupt (the default).</summary>
    public const string NoInterrupt = "none";

    private readonly Config _config;
    private readonly EpochTicker? _ticker;
    private readonly object _linkerLock = new();
    private Linker? _linker;

    /// <summary>Creates the runtime from the Wasm settings.</summary>
    public WasmtimeRuntime(WasmOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var interrupt = string.IsNullOrWhiteSpace(options.WasmtimeInterrupt) ? NoInterrupt : options.WasmtimeInterrupt.Trim().ToLowerInvariant();
        if (interrupt is not (NoInterrupt or EpochInterrupt))
        {
            throw new ArgumentException($"ScriptRunner:Wasm:WasmtimeInterrupt is '{options.WasmtimeInterrupt}'; it must be '{NoInterrupt}' or '{EpochInterrupt}'.", nameof(options));
        }

        UsesEpoch = interrupt == EpochInterrupt;
        _config = WebAssembly20Config().WithEpochInterruption(UsesEpoch);
        Engine = new Engine(_config);
        if (UsesEpoch) _ticker = new EpochTicker(Engine);

        var directory = string.IsNullOrWhiteSpace(options.CacheDirectory)
            ? Path.Combine(Path.GetTempPath(), "scriptrunner-wasm-cache")
            : options.CacheDirectory;
        Fingerprint = ComputeFingerprint(UsesEpoch);
        Modules = new WasmtimeModules(Engine, new CompiledModuleCache(directory, Math.Max(1, options.CacheMaxMb) * 1024L * 1024), Fingerprint);
    }

    /// <summary>The engine every module is compiled for.</summary>
    internal Engine Engine { get; }

    /// <summary>True when guest code checks the epoch and a deadline ends it with a graceful Timeout.</summary>
    public bool UsesEpoch { get; }

    /// <summary>Names the Wasmtime version and every setting that changes compiled code; part of each cache key.</summary>
    public string Fingerprint { get; }

    /// <summary>The compiled modules.</summary>
    internal WasmtimeModules Modules { get; }

    /// <summary>The process's linker, bound on first use from <paramref name="template"/> (any run's host functions).</summary>
    internal Linker LinkerFor(IReadOnlyList<HostFunction> template)
    {
        if (Volatile.Read(ref _linker) is { } linker) return linker;
        lock (_linkerLock)
        {
            if (_linker is null)
            {
                var created = new Linker(Engine);
                WasmtimeHostBinding.DefineIn(created, template);
                Volatile.Write(ref _linker, created);
            }

            return _linker;
        }
    }

    /// <summary>
    /// WebAssembly 2.0, as the managed engine implements it: Wasmtime's later proposals that are on by default
    /// (multi-memory, GC, function references, tail calls, exceptions, ...) are off, so both engines accept and
    /// refuse the same modules.
    /// </summary>
    internal static Config WebAssembly20Config() => new Config()
        .WithMaximumStackSize(MaxStackBytes)
        .WithMultiMemory(false)
        .WithGc(false)
        .WithFunctionReferences(false)
        .WithTailCalls(false)
        .WithExceptions(false)
        .WithMemory64(false)
        .WithWasmThreads(false)
        .WithRelaxedSIMD(false, false)
        .WithWideArithmetic(false);

    /// <summary>The epoch deadline, in ticks, of a run of <paramref name="timeout"/>.</summary>
    internal static ulong EpochTicksFor(TimeSpan timeout) => EpochTicker.TicksFor(timeout);

    private static string ComputeFingerprint(bool epoch)
    {
        var version = typeof(Engine).Assembly.GetName().Version;
        var text = $"wasmtime {version}; {RuntimeInformation.RuntimeIdentifier}; features=wasm2.0; stack={MaxStackBytes}; epoch={epoch}";
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..16];
    }

    /// <summary>Stops the epoch timer and frees the engine.</summary>
    public void Dispose()
    {
        _ticker?.Dispose();
        _linker?.Dispose();
        Engine.Dispose();
        _config.Dispose();
    }
}
