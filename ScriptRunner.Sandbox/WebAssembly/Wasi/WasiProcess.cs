using ScriptRunner.Wasm;
using static ScriptRunner.Wasm.ValueKind;

namespace ScriptRunner.Sandbox.WebAssembly.Wasi;

/// <summary><c>proc_exit</c>, <c>proc_raise</c> and <c>sched_yield</c>.</summary>
internal sealed class WasiProcess
{
    public void DefineIn(WasiImports imports)
    {
        // The exit unwinds every guest frame; the sandbox turns it into the response's exitCode.
        imports.DefineNoResult("proc_exit", [I32], (caller, args, results) => throw new ExitException(args[0].AsI32()));
        // Signals do not exist in the sandbox.
        imports.Define("proc_raise", [I32], (in WasiCall _) => WasiErrno.NotSup);
        imports.Define("sched_yield", [], (in WasiCall _) =>
        {
            Thread.Yield();
            return WasiErrno.Success;
        });
    }
}
