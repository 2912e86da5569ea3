using global::Wasmtime;
using ScriptRunner.Core.Execution;
using ScriptRunner.Core.Model;
using ScriptRunner.Sandbox.WebAssembly.Host;

namespace ScriptRunner.Sandbox.WebAssembly.Wasmtime;

/// <summary>
/// Runs WebAssembly on Wasmtime with the same contract as the managed engine: a WASI command through <c>_start</c>,
/// or a handler export called with the request's params (after <c>_initialize</c> for a reactor), the same host
/// functions, limits and messages. Compiled modules come from <see cref="WasmtimeRuntime"/>'s caches.
/// </summary>
public sealed class WasmtimeSandbox(WasmtimeRuntime runtime) : IScriptSandbox
{
    /// <inheritdoc />
    public CodeType CodeType => CodeType.Wasm;

    /// <inheritdoc />
    public string Engine => EngineNames.Wasmtime;

    /// <inheritdoc />
    public SandboxOutcome Execute(SandboxInvocation invocation)
    {
        ArgumentNullException.ThrowIfNull(invocation);
        var sha256 = string.IsNullOrEmpty(invocation.Job.Sha256)
            ? Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(invocation.Job.Code.Span))
            : invocation.Job.Sha256;
        var lookup = runtime.Modules.Get(invocation.Job.Code, sha256, invocation.Job.Timeout);
        var outcome = lookup.Module is { } module ? Run(module, invocation) : lookup.Failure!;
        return outcome with { CompileTimeMs = lookup.CompileTimeMs, CacheHit = lookup.CacheHit };
    }

    private SandboxOutcome Run(Module module, SandboxInvocation invocation)
    {
        var deadline = invocation.Deadline;
        WasmEntryPoint entry;
        try
        {
            entry = WasmEntryPoint.Resolve(WasmtimeValues.Exports(module), invocation.Job.Handler, invocation.Job.Params);
        }
        catch (HandlerCallException e)
        {
            return SandboxOutcome.Failed(ErrorTypes.InvalidRequest, e.Message);
        }

        var functions = HostImports.ForRun(invocation);
        var linker = runtime.LinkerFor(functions);
        if (UnknownImports(module, functions) is { Count: > 0 } unknown)
        {
            return SandboxOutcome.Failed(ErrorTypes.CompileError, WasmErrorMessages.UnknownImports(unknown));
        }

        using var store = new Store(runtime.Engine, new WasmtimeRun(functions, deadline.Token));
        store.SetLimits(
            memorySize: invocation.Job.MemoryLimitBytes,
            tableElements: WasmLimits.TableElementsFor(invocation.Job.MemoryLimitBytes),
            instances: 1,
            tables: WasmLimits.MaxTables,
            memories: 1);
        if (runtime.UsesEpoch) store.SetEpochDeadline(WasmtimeRuntime.EpochTicksFor(deadline.Remaining));

        Instance? instance = null;
        string? called = null;
        try
        {
            instance = linker.Instantiate(store, module);
            called = entry.Export;
            var outcome = Call(instance, entry);
            return outcome with { MemoryPeakBytes = MemoryBytes(instance) };
        }
        catch (TrapException e)
        {
            return WasmtimeOutcomes.Trap(e, called, deadline) with { MemoryPeakBytes = instance is null ? null : MemoryBytes(instance) };
        }
        catch (WasmtimeException e)
        {
            return WasmtimeOutcomes.Error(e, instance is null, invocation) with { MemoryPeakBytes = instance is null ? null : MemoryBytes(instance) };
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // A fault of the runtime or its binding must still end this run only, as an outcome.
            return SandboxOutcome.Failed(ErrorTypes.HostError, $"the WebAssembly runtime failed: {e.Message}");
        }
    }

    private static SandboxOutcome Call(Instance instance, WasmEntryPoint entry)
    {
        var function = instance.GetFunction(entry.Export)!;
        if (entry.Arguments is null)
        {
            function.Invoke();
            return WasmEntryPoint.Exited(0);
        }

        // A reactor's constructors run in _initialize; its exports are not meant to be called before.
        if (instance.GetFunction(ManagedWasmSandbox.InitializeExport) is { } initialize
            && initialize.Parameters.Count == 0 && initialize.Results.Count == 0)
        {
            initialize.Invoke();
        }

        var arguments = entry.Arguments.Select(WasmtimeValues.ToBox).ToArray();
        var returned = function.Invoke(arguments);
        return SandboxOutcome.Succeeded(WasmValueConverter.ToJson(WasmtimeValues.Results(returned, function.Results)));
    }

    // Memories never shrink, so the size at the end is the run's peak.
    private static long MemoryBytes(Instance instance) => instance.GetMemories().Sum(m => m.Memory.GetLength());

    // Checked before instantiation so the answer lists every missing import, as the managed engine's linker does.
    private static List<string> UnknownImports(Module module, IReadOnlyList<HostFunction> functions)
    {
        var provided = functions.Select(f => (f.Module, f.Name)).ToHashSet();
        return [.. module.Imports
            .Where(i => i is not FunctionImport || !provided.Contains((i.ModuleName, i.Name)))
            .Select(i => $"{i.ModuleName}::{i.Name}")];
    }
}
