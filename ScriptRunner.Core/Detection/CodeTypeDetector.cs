using System.Text;
using ScriptRunner.Core.Model;

namespace ScriptRunner.Core.Detection;

/// <summary>
/// Decides whether code is JavaScript or WebAssembly. First rule that answers wins: the request's type hint, the WebAssembly magic bytes, the URL path's extension, the Content-Type, and finally
/// "valid UTF-8 text without NUL bytes is JavaScript". Anything else is unsupported.
/// </summary>
public static class CodeTypeDetector
{
    private static readonly byte[] WasmMagic = [0x00, 0x61, 0x73, 0x6D];
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Detects the type of <paramref name="code"/>, given where it came from and the caller's hint.</summary>
    /// <param name="code">The code bytes.</param>
    /// <param name="sourceUrl">The URL it was downloaded from (after redirects), or null for inline code.</param>
    /// <param name="contentType">The response's Content-Type header, or null.</param>
    /// <param name="typeHint">The code type the request named, or null to detect it.</param>
    public static CodeDetection Detect(ReadOnlySpan<byte> code, Uri? sourceUrl, string? contentType, CodeType? typeHint)
    {
        if (typeHint is { } hinted) return new CodeDetection(hinted, CodeDetection.ByTypeHint);
        if (code.StartsWith(WasmMagic)) return new CodeDetection(CodeType.Wasm, CodeDetection.ByMagicBytes);
        if (FromExtension(sourceUrl) is { } byExtension) return new CodeDetection(byExtension, CodeDetection.ByExtension);
        if (FromContentType(contentType) is { } byContentType) return new CodeDetection(byContentType, CodeDetection.ByContentType);
        if (IsText(code)) return new CodeDetection(CodeType.JavaScript, CodeDetection.ByUtf8Text);
        return new CodeDetection(null, CodeDetection.ByNone);
    }

    private static CodeType? FromExtension(Uri? url)
    {
        if (url is null || !url.IsAbsoluteUri) return null;
        var path = url.AbsolutePath;
        var dot = path.LastIndexOf('.');
        if (dot < 0 || path.IndexOf('/', dot) >= 0) return null;
        return path[(dot + 1)..].ToLowerInvariant() switch
        {
            "js" or "mjs" or "cjs" => CodeType.JavaScript,
            "wasm" => CodeType.Wasm,
            _ => null,
        };
    }

    private static CodeType? FromContentType(string? contentType)
    {
        if (string.IsNullOrWhiteSpace(contentType)) return null;
        var semicolon = contentType.IndexOf(';');
        var mediaType = (semicolon >= 0 ? contentType[..semicolon] : contentType).Trim().ToLowerInvariant();
        return mediaType switch
        {
            "application/wasm" => CodeType.Wasm,
            "text/javascript" or "application/javascript" or "application/x-javascript" or
                "application/ecmascript" or "text/ecmascript" => CodeType.JavaScript,
            _ => null,
        };
    }

    // Binary formats almost always contain NUL; source text never does, even when it is otherwise valid UTF-8.
    private static bool IsText(ReadOnlySpan<byte> code)
    {
        if (code.Contains((byte)0)) return false;
        try
        {
            StrictUtf8.GetCharCount(code);
            return true;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }
}
