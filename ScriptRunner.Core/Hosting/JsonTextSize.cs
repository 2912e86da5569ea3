using System.Text;

namespace ScriptRunner.Core.Hosting;

/// <summary>
/// Sizes text as it will be sent: UTF-8 inside a JSON string, escaped the way the API's encoder
/// (<c>JavaScriptEncoder.UnsafeRelaxedJsonEscaping</c>) escapes, so output caps bound the answer, not just the
/// script's bytes. Where the encoder might escape, the larger size is counted.
/// </summary>
public static class JsonTextSize
{
    /// <summary>Bytes <paramref name="c"/> takes inside a JSON string (a surrogate counts half of its pair's four).</summary>
    public static int Of(char c)
    {
        switch (c)
        {
            case '"' or '\\' or '\n' or '\r' or '\t' or '\b' or '\f':
                return 2;
            case < ' ' or (char)0x7F:
                return 6;
            case < (char)0x80:
                return 1;
        }
        if (char.IsSurrogate(c)) return 2;
        return char.GetUnicodeCategory(c) switch
        {
            System.Globalization.UnicodeCategory.Control or System.Globalization.UnicodeCategory.Format
                or System.Globalization.UnicodeCategory.LineSeparator or System.Globalization.UnicodeCategory.ParagraphSeparator
                or System.Globalization.UnicodeCategory.PrivateUse or System.Globalization.UnicodeCategory.OtherNotAssigned => 6,
            _ => c < (char)0x800 ? 2 : 3,
        };
    }

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

    /// <summary>
    /// <paramref name="json"/> with every lone surrogate, raw or written as a <c>\uD8xx</c> escape (as
    /// <c>JSON.stringify</c> writes them), replaced by U+FFFD, so the text can be read into .NET strings.
    /// </summary>
    public static string WellFormedJson(string json)
    {
        StringBuilder? repaired = null;
        var copied = 0;
        for (var i = 0; i < json.Length; i++)
        {
            var c = json[i];
            if (c == '\\' && i + 1 < json.Length)
            {
                if (json[i + 1] != 'u' || i + 5 >= json.Length || !TryHex(json, i + 2, out var unit))
                {
                    i++;
                    continue;
                }
                if (char.IsHighSurrogate(unit) && i + 11 < json.Length && json[i + 6] == '\\' && json[i + 7] == 'u'
                    && TryHex(json, i + 8, out var low) && char.IsLowSurrogate(low))
                {
                    i += 11;
                    continue;
                }
                if (char.IsSurrogate(unit))
                {
                    repaired ??= new StringBuilder(json.Length);
                    repaired.Append(json, copied, i - copied).Append("\\uFFFD");
                    copied = i + 6;
                }
                i += 5;
            }
            else if (char.IsHighSurrogate(c) && i + 1 < json.Length && char.IsLowSurrogate(json[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(c))
            {
                repaired ??= new StringBuilder(json.Length);
                repaired.Append(json, copied, i - copied).Append('\uFFFD');
                copied = i + 1;
            }
        }
        return repaired is null ? json : repaired.Append(json, copied, json.Length - copied).ToString();
    }

    private static bool TryHex(string text, int start, out char unit)
    {
        var parsed = ushort.TryParse(text.AsSpan(start, 4), System.Globalization.NumberStyles.AllowHexSpecifier,
            System.Globalization.CultureInfo.InvariantCulture, out var value);
        unit = (char)value;
        return parsed;
    }
}
