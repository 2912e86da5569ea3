using System.Text;

namespace ScriptRunner.Core.Hosting;

/// <summary>
/// Sizes text as it will be sent: inside a JSON string, escaped the way the default System.Text.Json encoder escapes
/// (the strictest the API may use), so output caps bound the answer, not just the script's bytes.
/// </summary>
public static class JsonTextSize
{
    /// <summary>Bytes <paramref name="c"/> takes inside a JSON string.</summary>
    public static int Of(char c) => c switch
    {
        '"' or '\\' or '\n' or '\r' or '\t' or '\b' or '\f' => 2,
        < ' ' => 6,
        '<' or '>' or '&' or '\'' or '+' or '`' => 6,
        < (char)0x7F => 1,
        _ => 6,
    };

    /// <summary>Bytes <paramref name="text"/> takes inside a JSON string.</summary>
    public static long Of(ReadOnlySpan<char> text)
    {
        long size = 0;
        foreach (var c in text) size += Of(c);
        return size;
    }

    /// <summary>The longest prefix of <paramref name="text"/> that fits in <paramref name="budget"/> bytes, never ending inside a surrogate pair.</summary>
    public static int FittingLength(ReadOnlySpan<char> text, long budget)
    {
        long used = 0;
        var i = 0;
        for (; i < text.Length; i++)
        {
            var size = Of(text[i]);
            if (used + size > budget) break;
            used += size;
        }
        if (i > 0 && i < text.Length && char.IsHighSurrogate(text[i - 1])) i--;
        return i;
    }

    /// <summary>
    /// <paramref name="text"/> with every lone surrogate replaced by U+FFFD: such text cannot be encoded as UTF-8 or
    /// JSON, and scripts can make it (<c>'\ud800'</c>).
    /// </summary>
    public static string WellFormed(string text)
    {
        var i = 0;
        for (; i < text.Length; i++)
        {
            if (!char.IsSurrogate(text[i])) continue;
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])) { i++; continue; }
            break;
        }
        if (i >= text.Length) return text;

        var builder = new StringBuilder(text.Length);
        builder.Append(text, 0, i);
        for (; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                builder.Append(c).Append(text[++i]);
            }
            else builder.Append(char.IsSurrogate(c) ? '\uFFFD' : c);
        }
        return builder.ToString();
    }
}
