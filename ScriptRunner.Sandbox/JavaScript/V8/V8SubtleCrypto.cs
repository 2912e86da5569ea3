using Microsoft.ClearScript.JavaScript;
using ScriptRunner.Sandbox.JavaScript.Crypto;

namespace ScriptRunner.Sandbox.JavaScript.V8;

/// <summary>
/// <c>host.subtle</c> on V8: ClearScript hands typed arrays over as <see cref="IArrayBufferView"/>, read with one
/// copy; the output bytes wait here until the bridge script has made an ArrayBuffer of their length to take them.
/// </summary>
internal sealed class V8SubtleCrypto(SubtleCryptoHost host)
{
    private byte[]? _pending;

    /// <summary>
    /// Runs one call and answers <c>length;text</c>, the length of its output bytes (-1 for none) before its text, so
    /// the bridge learns both in one crossing; the bytes are kept for <see cref="Take"/>.
    /// </summary>
    public string Call(string operation, string parameters, object? first, object? second, object? third)
    {
        var answer = host.Call(operation, parameters, new CryptoInputs(Bytes(first), Bytes(second), Bytes(third)));
        _pending = answer.Bytes;
        return string.Concat((_pending?.Length ?? -1).ToString(System.Globalization.CultureInfo.InvariantCulture), ";", answer.Text);
    }

    /// <summary>Copies the kept output into <paramref name="target"/> (an ArrayBuffer of its length) and forgets it.</summary>
    public void Take(object? target)
    {
        if (target is IArrayBuffer buffer && _pending is { } bytes && (ulong)bytes.Length == buffer.Size) buffer.WriteBytes(bytes, 0, (ulong)bytes.Length, 0);
        _pending = null;
    }

    private static ReadOnlyMemory<byte> Bytes(object? value) => value is IArrayBufferView view && view.Size > 0 ? view.GetBytes() : default;
}
