using System.Runtime.CompilerServices;

namespace ScriptRunner.Wasm.Execution;

/// <summary>Creates traps for compiled code, which emits <c>call Create; throw</c> so trap paths stay out of line.</summary>
internal static class Traps
{
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static TrapException Create(TrapKind kind) => new(kind);

    [MethodImpl(MethodImplOptions.NoInlining)]
    public static TrapException MemoryOutOfBounds() => new(TrapKind.OutOfBoundsMemoryAccess);

    [MethodImpl(MethodImplOptions.NoInlining)]
    public static TrapException TableOutOfBounds() => new(TrapKind.OutOfBoundsTableAccess);
}
