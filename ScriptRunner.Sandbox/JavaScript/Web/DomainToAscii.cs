using System.Globalization;

namespace ScriptRunner.Sandbox.JavaScript.Web;

/// <summary>The URL standard's "domain to ASCII" step that needs Unicode tables: UTS #46 ToASCII, for the prelude's URL parser.</summary>
internal static class DomainToAscii
{
    /// <summary>
    /// The ASCII form of <paramref name="domain"/> (CheckHyphens, UseSTD3ASCIIRules, VerifyDnsLength and
    /// Transitional_Processing off; CheckBidi and CheckJoiners on), or the empty string when UTS #46 fails: the
    /// prelude turns that into the URL parser's failure, so no .NET exception reaches a script.
    /// </summary>
    public static string Convert(string domain)
    {
        // The host buffers the answer on the script's behalf, so its size is bounded: far past any real host name
        // (DNS allows 253 characters) and what the standard's tests use (the prelude applies the same bound).
        if (domain.Length > MaxDomainLength) return "";
        var icu = IcuIdna.Instance;
        if (icu is not null) return icu.ToAscii(Unicode151Delta(domain)) ?? "";

        // Without ICU, .NET's own Punycode encoder after a lower-casing is the nearest answer (no UTS #46 mapping).
        try
        {
            return new IdnMapping { AllowUnassigned = true }.GetAscii(domain.ToLowerInvariant());
        }
        catch (ArgumentException)
        {
            return "";
        }
    }

    /// <summary>
    /// Applies the changes of the UTS #46 mapping table in Unicode 15.1 that an older ICU (Debian 12 ships ICU 72,
    /// Unicode 15.0) lacks and that the URL standard's tests exercise: capital letters now mapped to their small
    /// forms, a compatibility ideograph mapped to its unified form, and default-ignorable format characters now
    /// ignored. Each replacement is what a 15.1 table does to the character, so a newer ICU answers the same.
    /// </summary>
    private static string Unicode151Delta(string domain)
    {
        if (!domain.AsSpan().ContainsAny(DeltaCharacters) && !domain.Contains(CjkCompatibility2F868, StringComparison.Ordinal)) return domain;
        var text = new System.Text.StringBuilder(domain.Length);
        foreach (var ch in domain)
        {
            switch (ch)
            {
                case '\u1E9E': text.Append('\u00DF'); break; // LATIN CAPITAL LETTER SHARP S -> ß
                case '\u04C0': text.Append('\u04CF'); break; // CYRILLIC LETTER PALOCHKA -> small palochka
                case '\u2183': text.Append('\u2184'); break; // ROMAN NUMERAL REVERSED ONE HUNDRED -> small reversed c
                case '\u180E': break; // MONGOLIAN VOWEL SEPARATOR: ignored
                case >= '\u206A' and <= '\u206F': break; // deprecated format characters: ignored
                default: text.Append(ch); break;
            }
        }

        return text.ToString().Replace(CjkCompatibility2F868, "\u36FC", StringComparison.Ordinal);
    }

    private static readonly System.Buffers.SearchValues<char> DeltaCharacters =
        System.Buffers.SearchValues.Create("\u1E9E\u04C0\u2183\u180E\u206A\u206B\u206C\u206D\u206E\u206F");

    /// <summary>The longest domain the host converts; a longer one is the parser's failure.</summary>
    public const int MaxDomainLength = 16384;

    private const string CjkCompatibility2F868 = "\U0002F868";
}
