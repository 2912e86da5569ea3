using System.Text;

namespace ScriptRunner.Sandbox.JavaScript.Streams;

/// <summary>
/// UTF-8 decoding for the streams' text paths (TextDecoderStream, a body read as text, a streamed result body), done
/// by the host because a byte loop in JavaScript is slow on Jint; and the fitting of a streamed body into the result cap.
/// </summary>
internal static class Utf8Text
{
    private static readonly UTF8Encoding Strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The text of <paramref name="bytes"/> (invalid sequences become U+FFFD), or null when <paramref name="fatal"/> and invalid.</summary>
    public static string? Decode(ReadOnlySpan<byte> bytes, bool fatal)
    {
        if (!fatal) return Encoding.UTF8.GetString(bytes);
        try
        {
            return Strict.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            return null;
        }
    }

    /// <summary>
    /// How many chars of <paramref name="body"/> fit in a result of at most <paramref name="capBytes"/> JSON bytes
    /// beside <paramref name="envelopeJson"/> (the rest of the result), never ending inside a surrogate pair. Sizes
    /// are the largest the service's JSON writer may use (non-ASCII and HTML-sensitive characters escaped).
    /// </summary>
    public static int FittingLength(string body, string envelopeJson, long capBytes)
    {
        long used = 0;
        foreach (var c in envelopeJson) used += EscapedSize(c);
        var i = 0;
        for (; i < body.Length; i++)
        {
            var size = EscapedSize(body[i]);
            if (used + size > capBytes) break;
            used += size;
        }

        if (i > 0 && i < body.Length && char.IsHighSurrogate(body[i - 1])) i--;
        return i;
    }

    private static int EscapedSize(char c) => c switch
    {
        '<' or '>' or '&' or '\'' or '+' or '`' or '"' => 6,
        '\\' => 2,
        >= ' ' and < (char)0x7F => 1,
        _ => 6,
    };
}
