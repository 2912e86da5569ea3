using ScriptRunner.Wasm;

namespace ScriptRunner.Sandbox.WebAssembly.Wasi;

/// <summary>One call of a WASI function: its caller, arguments and memory.</summary>
internal readonly ref struct WasiCall(Caller caller, ReadOnlySpan<Value> args, string name)
{
    public Caller Caller { get; } = caller;

    /// <summary>Qualified name for messages, e.g. <c>wasi_snapshot_preview1.fd_write</c>.</summary>
    public string Name { get; } = name;

    private readonly ReadOnlySpan<Value> _args = args;

    /// <summary>Argument <paramref name="index"/> as an i32 (pointers, lengths, descriptors, flags).</summary>
    public int I32(int index) => _args[index].AsI32();

    /// <summary>Argument <paramref name="index"/> as an i64 (timestamps, offsets, rights).</summary>
    public long I64(int index) => _args[index].AsI64();

    /// <summary>The caller's exported memory; a trap when it has none.</summary>
    public GuestMemory Memory => GuestMemory.Of(Caller, Name);
}
