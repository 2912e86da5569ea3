using Jint;
using Jint.Native;
using Jint.Runtime;
using ScriptRunner.Sandbox.JavaScript.Crypto;

namespace ScriptRunner.Sandbox.JavaScript.Jint;

/// <summary>
/// <c>host.subtle(operation, parameters, a, b, c)</c> on Jint: the byte inputs are Uint8Arrays read straight from their
/// ArrayBuffer's storage (no per-byte copy through JavaScript values), and the answer is <c>[text, ArrayBuffer?]</c>
/// with the output bytes handed to a new ArrayBuffer as they are.
/// </summary>
internal static class JintSubtleCrypto
{
    /// <summary>Runs one call of the prelude's SubtleCrypto on the execution's <see cref="SubtleCryptoHost"/>.</summary>
    public static JsValue Call(Engine engine, SubtleCryptoHost host, JsValue[] arguments)
    {
        var inputs = new CryptoInputs(Bytes(At(arguments, 2)), Bytes(At(arguments, 3)), Bytes(At(arguments, 4)));
        var answer = host.Call(TypeConverter.ToString(At(arguments, 0)), TypeConverter.ToString(At(arguments, 1)), inputs);
        JsValue bytes = answer.Bytes is null ? JsValue.Undefined : engine.Intrinsics.ArrayBuffer.Construct(answer.Bytes);
        return new JsArray(engine, [answer.Text, bytes]);
    }

    private static JsValue At(JsValue[] arguments, int index) => arguments.Length > index ? arguments[index] : JsValue.Undefined;

    // A view on a detached buffer, or bounds that do not fit its buffer, reads as no bytes.
    private static ReadOnlyMemory<byte> Bytes(JsValue value)
    {
        if (value is not JsTypedArray view) return default;
        var buffer = view.Get("buffer");
        if (!buffer.IsArrayBuffer() || buffer.AsArrayBuffer() is not { } storage) return default;
        var offset = TypeConverter.ToNumber(view.Get("byteOffset"));
        var length = TypeConverter.ToNumber(view.Get("byteLength"));
        if (offset < 0 || length < 0 || offset + length > storage.Length) return default;
        return new ReadOnlyMemory<byte>(storage, (int)offset, (int)length);
    }
}
