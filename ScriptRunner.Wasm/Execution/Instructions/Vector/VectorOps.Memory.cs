using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace ScriptRunner.Wasm.Execution.Instructions.Vector;

// Helpers for the memory instructions whose result is not simply the 16 loaded bytes. The compiler computes the
// effective address, checks bounds, loads the little-endian bits and passes them here. v128.load/store need no
// helper; lane loads/stores use the replace_lane/extract_lane methods.
internal static partial class VectorOps
{
    /// <summary>v128.load8x8_s: eight bytes sign-extended to 16-bit lanes.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> V128Load8x8S(ulong bits) =>
        Vector128.WidenLower(Vector128.CreateScalar(bits).AsSByte()).AsByte();

    /// <summary>v128.load8x8_u: eight bytes zero-extended to 16-bit lanes.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> V128Load8x8U(ulong bits) =>
        Vector128.WidenLower(Vector128.CreateScalar(bits).AsByte()).AsByte();

    /// <summary>v128.load16x4_s: four 16-bit values sign-extended to 32-bit lanes.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> V128Load16x4S(ulong bits) =>
        Vector128.WidenLower(Vector128.CreateScalar(bits).AsInt16()).AsByte();

    /// <summary>v128.load16x4_u: four 16-bit values zero-extended to 32-bit lanes.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> V128Load16x4U(ulong bits) =>
        Vector128.WidenLower(Vector128.CreateScalar(bits).AsUInt16()).AsByte();

    /// <summary>v128.load32x2_s: two 32-bit values sign-extended to 64-bit lanes.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> V128Load32x2S(ulong bits) =>
        Vector128.WidenLower(Vector128.CreateScalar(bits).AsInt32()).AsByte();

    /// <summary>v128.load32x2_u: two 32-bit values zero-extended to 64-bit lanes.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> V128Load32x2U(ulong bits) =>
        Vector128.WidenLower(Vector128.CreateScalar(bits).AsUInt32()).AsByte();

    /// <summary>v128.load8_splat</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> V128Load8Splat(byte x) => Vector128.Create(x);

    /// <summary>v128.load16_splat</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> V128Load16Splat(ushort x) => Vector128.Create(x).AsByte();

    /// <summary>v128.load32_splat</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> V128Load32Splat(uint x) => Vector128.Create(x).AsByte();

    /// <summary>v128.load64_splat</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> V128Load64Splat(ulong x) => Vector128.Create(x).AsByte();

    /// <summary>v128.load32_zero: the value in lane 0 of i32x4, other lanes zero.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> V128Load32Zero(uint x) => Vector128.CreateScalar(x).AsByte();

    /// <summary>v128.load64_zero: the value in lane 0 of i64x2, other lane zero.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> V128Load64Zero(ulong x) => Vector128.CreateScalar(x).AsByte();
}
