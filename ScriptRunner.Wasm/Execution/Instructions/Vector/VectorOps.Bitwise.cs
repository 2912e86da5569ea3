using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace ScriptRunner.Wasm.Execution.Instructions.Vector;

internal static partial class VectorOps
{
    /// <summary>v128.not</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> V128Not(Vector128<byte> a) => ~a;

    /// <summary>v128.and</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> V128And(Vector128<byte> a, Vector128<byte> b) => a & b;

    /// <summary>v128.andnot: <c>a &amp; ~b</c>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> V128Andnot(Vector128<byte> a, Vector128<byte> b) => Vector128.AndNot(a, b);

    /// <summary>v128.or</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> V128Or(Vector128<byte> a, Vector128<byte> b) => a | b;

    /// <summary>v128.xor</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> V128Xor(Vector128<byte> a, Vector128<byte> b) => a ^ b;

    /// <summary>v128.bitselect: bits of <paramref name="a"/> where <paramref name="mask"/> is 1, else of <paramref name="b"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> V128Bitselect(Vector128<byte> a, Vector128<byte> b, Vector128<byte> mask) =>
        Vector128.ConditionalSelect(mask, a, b);
}
