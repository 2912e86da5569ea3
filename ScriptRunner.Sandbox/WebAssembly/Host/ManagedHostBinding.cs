using ScriptRunner.Wasm;

namespace ScriptRunner.Sandbox.WebAssembly.Host;

/// <summary>Binds a run's host functions to a ScriptRunner.Wasm linker.</summary>
internal static class ManagedHostBinding
{
    /// <summary>Defines every function of <paramref name="functions"/> in <paramref name="linker"/>.</summary>
    public static void DefineIn(Linker linker, IReadOnlyList<HostFunction> functions)
    {
        var memories = new MemoryCache();
        foreach (var function in functions)
        {
            var type = new FunctionType([.. function.Parameters.Select(Kind)], [.. function.Results.Select(Kind)]);
            var resultKinds = function.Results;
            linker.DefineFunction(function.Module, function.Name, type, (caller, args, results) =>
            {
                Span<long> raw = stackalloc long[args.Length];
                for (var i = 0; i < args.Length; i++) raw[i] = args[i].Kind == ValueKind.I64 ? args[i].AsI64() : args[i].AsI32();
                Span<long> output = stackalloc long[resultKinds.Count];
                try
                {
                    function.Body(new HostCall(memories.Of(caller), raw, function.QualifiedName), output);
                }
                catch (HostTrapException e)
                {
                    throw e.IsTimeout ? new TrapException(TrapKind.Timeout, e.Message) : new TrapException(TrapKind.HostError, e.Message);
                }
                catch (GuestExitException e)
                {
                    throw new ExitException(e.Code);
                }

                for (var i = 0; i < output.Length; i++)
                {
                    results[i] = resultKinds[i] == HostValueKind.I64 ? Value.FromI64(output[i]) : Value.FromI32(unchecked((int)output[i]));
                }
            });
        }
    }

    private static ValueKind Kind(HostValueKind kind) => kind == HostValueKind.I64 ? ValueKind.I64 : ValueKind.I32;

    // One adapter per memory object, so a host call allocates nothing once the memory has been seen.
    private sealed class MemoryCache
    {
        private Adapter? _last;

        public IGuestMemory? Of(Caller caller)
        {
            var memory = caller.GetMemory(GuestMemory.ExportName);
            if (memory is null) return null;
            if (_last is null || !ReferenceEquals(_last.Memory, memory)) _last = new Adapter(memory);
            return _last;
        }
    }

    private sealed class Adapter(Memory memory) : IGuestMemory
    {
        public Memory Memory { get; } = memory;

        public long Length => Memory.Length;

        public Span<byte> GetSpan(long address, int length) => Memory.GetSpan(address, length);
    }
}
