using global::Wasmtime;
using ScriptRunner.Sandbox.WebAssembly.Host;

namespace ScriptRunner.Sandbox.WebAssembly.Wasmtime;

/// <summary>
/// The per-run state a store carries as its data: the run's host functions (in the order the linker bound them)
/// and the caller's memory once found. Host calls reach it through <c>Caller.GetData()</c>.
/// </summary>
internal sealed class WasmtimeRun(HostFunction[] functions, CancellationToken deadline)
{
    private MemoryAdapter? _memory;

    /// <summary>The run's host functions.</summary>
    public HostFunction[] Functions { get; } = functions;

    /// <summary>Cancelled at the run's deadline; every host call checks it first.</summary>
    public CancellationToken Deadline { get; } = deadline;

    /// <summary>The calling instance's exported memory, or null when it exports none.</summary>
    /// <remarks>A store holds one instance, so the first memory found is the only one; it is kept for later calls.</remarks>
    public IGuestMemory? MemoryOf(Caller caller)
    {
        if (_memory is not null) return _memory;
        var memory = caller.GetMemory(GuestMemory.ExportName);
        return memory is null ? null : _memory = new MemoryAdapter(memory);
    }

    private sealed class MemoryAdapter(Memory memory) : IGuestMemory
    {
        public long Length => memory.GetLength();

        public Span<byte> GetSpan(long address, int length) => memory.GetSpan(address, length);
    }
}
