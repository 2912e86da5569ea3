using System.Globalization;

namespace ScriptRunner.Wasm;

/// <summary>
/// Thrown when module bytes cannot be decoded (<see cref="IsMalformed"/>) or do not validate. The message starts
/// with "malformed module: " or "invalid module: " followed by the WebAssembly spec's wording of the problem and
/// where it was found.
/// </summary>
public sealed class CompileException : Exception
{
    internal CompileException(bool isMalformed, string reason, long offset, string? section, string? location = null)
        : base(Format(isMalformed, reason, offset, section, location))
    {
        IsMalformed = isMalformed;
        Reason = reason;
        Offset = offset;
        Section = section;
    }

    /// <summary>True when the bytes are not a well-formed binary module; false when the module is invalid.</summary>
    public bool IsMalformed { get; }

    /// <summary>Absolute byte offset in the module where the problem was detected.</summary>
    public long Offset { get; }

    /// <summary>The section being decoded or validated (e.g. "code"), when known.</summary>
    public string? Section { get; }

    /// <summary>The problem alone, without prefix and location (e.g. "type mismatch in i32.add").</summary>
    internal string Reason { get; }

    internal static CompileException Malformed(string reason, long offset, string? section = null) =>
        new(true, reason, offset, section);

    internal static CompileException Invalid(string reason, long offset, string? section, string? location = null) =>
        new(false, reason, offset, section, location);

    private static string Format(bool isMalformed, string reason, long offset, string? section, string? location)
    {
        var where = location ?? (section is null ? null : section + " section");
        var at = "offset 0x" + offset.ToString("x", CultureInfo.InvariantCulture);
        return (isMalformed ? "malformed module: " : "invalid module: ") + reason +
               (where is null ? " (" + at + ")" : " (" + where + ", " + at + ")");
    }
}
