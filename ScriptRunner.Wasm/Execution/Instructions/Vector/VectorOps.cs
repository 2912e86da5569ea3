using System.Runtime.Intrinsics;

namespace ScriptRunner.Wasm.Execution.Instructions.Vector;

/// <summary>
/// Semantics of the fixed-width SIMD (v128) instructions. The compiler binds each non-memory 0xFD opcode to the
/// public static method named like its <c>Opcode</c> member (<c>typeof(VectorOps).GetMethod(opcode.ToString())</c>):
/// parameters are the operand stack values in order followed by the immediates, the return value is the result.
/// Memory instructions get helpers that turn the loaded bits into a vector; the compiler does addressing and bounds.
/// </summary>
/// <remarks>
/// Every v128 travels as <see cref="Vector128{T}"/> of <see cref="byte"/>, lane 0 in the lowest bytes
/// (little-endian, as in linear memory), so reinterpreting with <c>AsInt16()</c> etc. gives the Wasm lanes.
/// Only public methods are opcode bindings; internal members are shared building blocks and portable fallbacks.
/// </remarks>
internal static partial class VectorOps
{
    // Canonical NaNs (quiet bit only). Wasm accepts either sign; positive keeps results deterministic.
    private const uint CanonicalNaN32 = 0x7FC0_0000;
    private const ulong CanonicalNaN64 = 0x7FF8_0000_0000_0000;

    private const uint SignMask32 = 0x8000_0000;
    private const ulong SignMask64 = 0x8000_0000_0000_0000;
}
