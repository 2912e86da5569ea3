using Jint;
using Jint.Native;

namespace ScriptRunner.Sandbox.JavaScript.Jint;

/// <summary>Bytes across the Jint host object: a script's <c>Uint8Array</c> read in one copy, host output made into one.</summary>
internal static class JintBytes
{
    /// <summary>The bytes of a <c>Uint8Array</c> (the prelude passes nothing else); anything else reads as none.</summary>
    public static byte[] Read(JsValue value) => value.IsUint8Array() ? value.AsUint8Array() : [];

    /// <summary>A new <c>Uint8Array</c> holding <paramref name="bytes"/>.</summary>
    public static JsValue Make(Engine engine, ReadOnlySpan<byte> bytes) => engine.Intrinsics.Uint8Array.Construct(bytes);
}
