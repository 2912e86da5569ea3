using System.Text;
using Microsoft.ClearScript.JavaScript;
using ScriptRunner.Sandbox.JavaScript.Crypto;

namespace ScriptRunner.Sandbox.JavaScript.V8;

/// <summary>
/// <c>host.subtle</c> on V8. Small byte inputs and outputs cross as Latin-1 strings (one character a byte), which
/// ClearScript passes far more cheaply than script objects; large ones as typed arrays (<see cref="IArrayBufferView"/>,
/// read with one copy), the output waiting here until the bridge script has made an ArrayBuffer of its length to take it.
/// </summary>
internal sealed class V8SubtleCrypto(SubtleCryptoHost host)
{
    private byte[]? _pending;

    /// <summary>The largest output sent inline, as Latin-1 in the answer; larger outputs wait for <see cref="Take"/>.</summary>
    private const int InlineOutput = 4096;

    /// <summary>
    /// Runs one call and answers in one crossing: <c>n0;text</c> without output bytes, <c>i{length};{bytes as
    /// Latin-1}{text}</c> with a small output, <c>t{length};text</c> with a large one kept for <see cref="Take"/>.
    /// </summary>
    public string Call(string operation, string parameters, object? first, object? second, object? third)
    {
        var answer = host.Call(operation, parameters, new CryptoInputs(Bytes(first), Bytes(second), Bytes(third)));
        _pending = null;
        if (answer.Bytes is not { } bytes) return "n0;" + answer.Text;
        var length = bytes.Length.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (bytes.Length <= InlineOutput) return string.Concat("i", length, ";", Encoding.Latin1.GetString(bytes), answer.Text);
        _pending = bytes;
        return string.Concat("t", length, ";", answer.Text);
    }

    /// <summary>Copies the kept output into <paramref name="target"/> (an ArrayBuffer of its length) and forgets it.</summary>
    public void Take(object? target)
    {
        if (target is IArrayBuffer buffer && _pending is { } bytes && (ulong)bytes.Length == buffer.Size) buffer.WriteBytes(bytes, 0, (ulong)bytes.Length, 0);
        _pending = null;
    }

    private static ReadOnlyMemory<byte> Bytes(object? value) => value switch
    {
        string latin1 => Encoding.Latin1.GetBytes(latin1),
        IArrayBufferView { Size: > 0 } view => view.GetBytes(),
        _ => default,
    };
}
