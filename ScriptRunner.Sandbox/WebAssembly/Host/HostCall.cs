namespace ScriptRunner.Sandbox.WebAssembly.Host;

/// <summary>One call of a host function, independent of the engine: its arguments and the caller's memory.</summary>
/// <remarks>Arguments arrive as 64-bit integers; an i32 argument is its sign-extended value.</remarks>
internal readonly ref struct HostCall(IGuestMemory? memory, ReadOnlySpan<long> args, string name)
{
    private readonly ReadOnlySpan<long> _args = args;

    /// <summary>Qualified name for messages, e.g. <c>wasi_snapshot_preview1.fd_write</c>.</summary>
    public string Name { get; } = name;

    /// <summary>Argument <paramref name="index"/> as an i32 (pointers, lengths, descriptors, flags).</summary>
    public int I32(int index) => unchecked((int)_args[index]);

    /// <summary>Argument <paramref name="index"/> as an i64 (timestamps, offsets, rights).</summary>
    public long I64(int index) => _args[index];

    /// <summary>The caller's exported memory; a trap when it has none.</summary>
    public GuestMemory Memory => GuestMemory.Of(memory, Name);
}
