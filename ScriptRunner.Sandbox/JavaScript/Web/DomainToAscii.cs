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
        var icu = IcuIdna.Instance;
        if (icu is not null) return icu.ToAscii(domain) ?? "";

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
}
