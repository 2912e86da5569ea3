using ScriptRunner.Core.Model;

namespace ScriptRunner.Core.Detection;

/// <summary>What kind of code some bytes are and which rule said so.</summary>
/// <param name="Type">The code type, or null when nothing identifies it (the execution answers <c>UnsupportedCodeType</c>).</param>
/// <param name="DetectedBy">One of <c>type-hint</c>, <c>magic-bytes</c>, <c>extension</c>, <c>content-type</c>, <c>utf8-text</c>, or <c>none</c>.</param>
public sealed record CodeDetection(CodeType? Type, string DetectedBy)
{
    public const string ByTypeHint = "type-hint";
    public const string ByMagicBytes = "magic-bytes";
    public const string ByExtension = "extension";
    public const string ByContentType = "content-type";
    public const string ByUtf8Text = "utf8-text";
    public const string ByNone = "none";
}
