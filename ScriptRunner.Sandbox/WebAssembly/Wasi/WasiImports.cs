using ScriptRunner.Wasm;

namespace ScriptRunner.Sandbox.WebAssembly.Wasi;

/// <summary>Defines WASI functions in the <c>wasi_snapshot_preview1</c> import module of a linker.</summary>
internal sealed class WasiImports(Linker linker)
{
    public const string ModuleName = "wasi_snapshot_preview1";

    private static readonly ValueKind[] ErrnoResult = [ValueKind.I32];

    /// <summary>Defines <paramref name="name"/> with i32/i64 parameters and an errno result.</summary>
    /// <remarks>A pointer outside linear memory answers EFAULT, as a POSIX kernel would, instead of trapping.</remarks>
    public void Define(string name, ValueKind[] parameters, WasiFunction body)
    {
        var qualified = $"{ModuleName}.{name}";
        linker.DefineFunction(ModuleName, name, new FunctionType(parameters, ErrnoResult), (caller, args, results) =>
        {
            WasiErrno errno;
            try
            {
                errno = body(new WasiCall(caller, args, qualified));
            }
            catch (GuestMemoryFault)
            {
                errno = WasiErrno.Fault;
            }

            results[0] = Value.FromI32((int)errno);
        });
    }

    /// <summary>Defines a function without result (only <c>proc_exit</c>, which never returns).</summary>
    public void DefineNoResult(string name, ValueKind[] parameters, HostCallback body) =>
        linker.DefineFunction(ModuleName, name, new FunctionType(parameters, []), body);
}
