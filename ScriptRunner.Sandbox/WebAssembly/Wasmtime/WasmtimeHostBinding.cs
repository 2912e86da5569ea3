using global::Wasmtime;
using ScriptRunner.Sandbox.WebAssembly.Host;

namespace ScriptRunner.Sandbox.WebAssembly.Wasmtime;

/// <summary>
/// Binds the host functions to a Wasmtime linker once per process: each definition finds the current run in the
/// store's data and calls that run's function of the same index, so a run costs no linker work.
/// </summary>
internal static class WasmtimeHostBinding
{
    /// <summary>Defines one function per entry of <paramref name="template"/>; any run's list has the same shape.</summary>
    public static void DefineIn(Linker linker, IReadOnlyList<HostFunction> template)
    {
        for (var index = 0; index < template.Count; index++)
        {
            var function = template[index];
            var slot = index;
            var parameters = function.Parameters.Select(Kind).ToArray();
            var results = function.Results.Select(Kind).ToArray();
            linker.DefineFunction(function.Module, function.Name, (Caller caller, ReadOnlySpan<ValueBox> args, Span<ValueBox> values) =>
            {
                var run = (WasmtimeRun)caller.GetData()!;
                // Guest code may run past the deadline (the process is its wall), but no host call starts after it.
                if (run.Deadline.IsCancellationRequested) throw HostTrapException.Timeout();
                var body = run.Functions[slot];
                Span<long> raw = stackalloc long[args.Length];
                for (var i = 0; i < args.Length; i++) raw[i] = parameters[i] == ValueKind.Int64 ? args[i].AsInt64() : args[i].AsInt32();
                Span<long> output = stackalloc long[results.Length];
                body.Body(new HostCall(run.MemoryOf(caller), raw, body.QualifiedName), output);
                for (var i = 0; i < output.Length; i++)
                {
                    values[i] = results[i] == ValueKind.Int64 ? (ValueBox)output[i] : (ValueBox)unchecked((int)output[i]);
                }
            }, parameters, results);
        }
    }

    private static ValueKind Kind(HostValueKind kind) => kind == HostValueKind.I64 ? ValueKind.Int64 : ValueKind.Int32;
}
