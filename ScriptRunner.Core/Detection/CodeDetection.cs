using ScriptRunner.Core.Model;

namespace ScriptRunner.Core.Detection;

/// <summary>What kind of code some bytes are and which rule said so.</summary>
/// <param name="Type">The code type, or null when nothing identifies it (the execution answers <c>UnsupportedCodeType</c>).</param>
/// <param name="DetectedBy">One of <c>type-hint</c>, <c>magic-bytes</c>, <c>extension</c>, <c>content-type</c>, <c>utf8-text</c>, or <c>none</c>.</param>
public sealed record CodeDetection(CodeType? Type, string DetectedBy)
{
    /// <summary>The request's <c>type</c> named it.</summary>
    public const string ByTypeHint = "type-hint";

    /// <summary>The bytes start with the WebAssembly magic <c>\0asm</c>.</summary>
    public const string ByMagicBytes = "magic-bytes";

    /// <summary>The URL path ends in .js, .mjs, .cjs or .wasm.</summary>
    public const string ByExtension = "extension";

    /// <summary>The response's Content-Type is a JavaScript or WebAssembly media type.</summary>
    public const string ByContentType = "content-type";

    /// <summary>No other clue; the bytes are valid UTF-8 text, taken as JavaScript.</summary>
    public const string ByUtf8Text = "utf8-text";

    /// <summary>Nothing identified the code.</summary>
    public const string ByNone = "none";
}
