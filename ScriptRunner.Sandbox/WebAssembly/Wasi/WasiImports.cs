using ScriptRunner.Sandbox.WebAssembly.Host;

namespace ScriptRunner.Sandbox.WebAssembly.Wasi;

/// <summary>Collects the WASI functions of the <c>wasi_snapshot_preview1</c> import module.</summary>
internal sealed class WasiImports(List<HostFunction> functions)
{
    public const string ModuleName = "wasi_snapshot_preview1";

    private static readonly HostValueKind[] ErrnoResult = [HostValueKind.I32];

    /// <summary>Defines <paramref name="name"/> with i32/i64 parameters and an errno result.</summary>
    /// <remarks>A pointer outside linear memory answers EFAULT, as a POSIX kernel would, instead of trapping.</remarks>
    public void Define(string name, HostValueKind[] parameters, WasiFunction body) =>
        functions.Add(new HostFunction(ModuleName, name, parameters, ErrnoResult, (in HostCall call, Span<long> results) =>
        {
            WasiErrno errno;
            try
            {
                errno = body(call);
            }
            catch (GuestMemoryFault)
            {
                errno = WasiErrno.Fault;
            }

            results[0] = (int)errno;
        }));

    /// <summary>Defines a function without result (only <c>proc_exit</c>, which never returns).</summary>
    public void DefineNoResult(string name, HostValueKind[] parameters, HostFunctionBody body) =>
        functions.Add(new HostFunction(ModuleName, name, parameters, [], body));
}
