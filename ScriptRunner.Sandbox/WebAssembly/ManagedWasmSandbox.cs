using System.Diagnostics;
using ScriptRunner.Core.Execution;
using ScriptRunner.Core.Model;
using ScriptRunner.Sandbox.WebAssembly.Host;
using ScriptRunner.Wasm;

namespace ScriptRunner.Sandbox.WebAssembly;

/// <summary>
/// Runs WebAssembly on the managed engine (ScriptRunner.Wasm): without a handler, a WASI command through <c>_start</c>; with one, that export called with the
/// request's params (after <c>_initialize</c> when the module is a WASI reactor). Imports: WASI preview1 and the
/// <c>env</c> host functions. Compiled modules are cached by the shared <see cref="Engine"/>.
/// </summary>
public sealed class ManagedWasmSandbox(Engine engine) : IScriptSandbox
{
    /// <summary>The WASI command entry point.</summary>
    public const string StartExport = "_start";

    /// <summary>The WASI reactor initializer, called before a handler when exported.</summary>
    public const string InitializeExport = "_initialize";

    /// <inheritdoc />
    public CodeType CodeType => CodeType.Wasm;

    /// <inheritdoc />
    public string Engine => EngineNames.Managed;

    /// <inheritdoc />
    public SandboxOutcome Execute(SandboxInvocation invocation)
    {
        ArgumentNullException.ThrowIfNull(invocation);

        Module module;
        var compileClock = Stopwatch.StartNew();
        try
        {
            module = Module.FromBytes(engine, invocation.Job.Code.Span);
        }
        catch (CompileException e)
        {
            return SandboxOutcome.Failed(ErrorTypes.CompileError, e.Message) with
            {
                CompileTimeMs = compileClock.Elapsed.TotalMilliseconds,
                CacheHit = CacheHit.Miss,
            };
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return SandboxOutcome.Failed(ErrorTypes.HostError, $"the WebAssembly compiler failed: {e.Message}");
        }

        var compileTimeMs = module.FromCache ? 0 : module.CompileTime.TotalMilliseconds;
        using var store = new Store(engine, new StoreLimits
        {
            MaxMemoryBytes = invocation.Job.MemoryLimitBytes,
            MaxTables = WasmLimits.MaxTables,
            MaxTableElements = WasmLimits.TableElementsFor(invocation.Job.MemoryLimitBytes),
        });
        var outcome = Run(module, store, invocation);
        return outcome with
        {
            CompileTimeMs = compileTimeMs,
            CacheHit = module.FromCache ? CacheHit.Memory : CacheHit.Miss,
            FuelConsumed = store.FuelConsumed,
            MemoryPeakBytes = store.MemoryPeakBytes,
        };
    }

    private static SandboxOutcome Run(Module module, Store store, SandboxInvocation invocation)
    {
        // The run's one deadline: the runtime's watchdog repeats the interruption once its token fires.
        var deadline = invocation.Deadline;
        store.CancellationToken = deadline.Token;

        try
        {
            var entry = WasmEntryPoint.Resolve(module.Exports, invocation.Job.Handler, invocation.Job.Params);
            var linker = new Linker(store.Engine);
            ManagedHostBinding.DefineIn(linker, HostImports.ForRun(invocation));

            var instance = linker.Instantiate(store, module);
            return entry.Run(instance);
        }
        catch (HandlerCallException e)
        {
            return SandboxOutcome.Failed(ErrorTypes.InvalidRequest, e.Message);
        }
        catch (LinkException e)
        {
            return SandboxOutcome.Failed(ErrorTypes.CompileError, WasmErrorMessages.Link(e));
        }
        catch (ExitException e)
        {
            return WasmEntryPoint.Exited(e.Code);
        }
        catch (TrapException e)
        {
            return WasmErrorMessages.Trap(e, invocation);
        }
        catch (OperationCanceledException) when (deadline.Token.IsCancellationRequested)
        {
            return deadline.Stopped();
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // A fault of the runtime itself must still end this run only, as an outcome.
            return SandboxOutcome.Failed(ErrorTypes.HostError, $"the WebAssembly runtime failed: {e.Message}");
        }
    }
}
