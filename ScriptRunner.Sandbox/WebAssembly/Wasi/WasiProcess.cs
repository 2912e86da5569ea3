using ScriptRunner.Sandbox.WebAssembly.Host;
using static ScriptRunner.Sandbox.WebAssembly.Host.HostValueKind;

namespace ScriptRunner.Sandbox.WebAssembly.Wasi;

/// <summary><c>proc_exit</c>, <c>proc_raise</c> and <c>sched_yield</c>.</summary>
internal sealed class WasiProcess
{
    public void DefineIn(WasiImports imports)
    {
        // The exit unwinds every guest frame; the sandbox turns it into the response's exitCode.
        imports.DefineNoResult("proc_exit", [I32], (in HostCall call, Span<long> _) => throw new GuestExitException(call.I32(0)));
        // Signals do not exist in the sandbox.
        imports.Define("proc_raise", [I32], (in HostCall _) => WasiErrno.NotSup);
        imports.Define("sched_yield", [], (in HostCall _) =>
        {
            Thread.Yield();
            return WasiErrno.Success;
        });
    }
}
