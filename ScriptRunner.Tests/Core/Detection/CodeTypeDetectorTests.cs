using System.Text;
using ScriptRunner.Core.Detection;
using ScriptRunner.Core.Model;

namespace ScriptRunner.Tests.Core.Detection;

public sealed class CodeTypeDetectorTests
{
    private static readonly byte[] WasmModule = [0x00, 0x61, 0x73, 0x6D, 0x01, 0x00, 0x00, 0x00];
    private static readonly byte[] Script = Encoding.UTF8.GetBytes("var answer = 42; answer;");
    private static readonly byte[] NotUtf8 = [0x89, 0x50, 0x4E, 0x47, 0xC3, 0x28, 0xFF, 0xFE];

    [Fact]
    public void MagicBytes_IdentifyWasm()
    {
        Assert.Equal(new CodeDetection(CodeType.Wasm, "magic-bytes"), CodeTypeDetector.Detect(WasmModule, null, null, null));
    }

    [Fact]
    public void MagicBytes_WinOverAJavaScriptExtensionAndContentType()
    {
        var detection = CodeTypeDetector.Detect(WasmModule, new Uri("https://cdn.test/app.js"), "text/javascript", null);

        Assert.Equal(new CodeDetection(CodeType.Wasm, "magic-bytes"), detection);
    }

    [Fact]
    public void TruncatedMagicBytes_AreNotWasm()
    {
        var detection = CodeTypeDetector.Detect([0x00, 0x61, 0x73], null, null, null);

        Assert.Equal(new CodeDetection(null, "none"), detection);
    }

    [Theory]
    [InlineData("https://cdn.test/app.js")]
    [InlineData("https://cdn.test/app.mjs")]
    [InlineData("https://cdn.test/app.cjs")]
    [InlineData("https://cdn.test/APP.JS")]
    [InlineData("https://cdn.test/lib/app.js?v=1.2.wasm#x.wasm")]
    public void Extension_IdentifiesJavaScript(string url)
    {
        var detection = CodeTypeDetector.Detect(NotUtf8, new Uri(url), "application/octet-stream", null);

        Assert.Equal(new CodeDetection(CodeType.JavaScript, "extension"), detection);
    }

    [Theory]
    [InlineData("https://cdn.test/module.wasm")]
    [InlineData("https://cdn.test/Module.WASM")]
    public void Extension_IdentifiesWasmEvenWithoutTheMagic(string url)
    {
        var detection = CodeTypeDetector.Detect(Script, new Uri(url), "text/javascript", null);

        Assert.Equal(new CodeDetection(CodeType.Wasm, "extension"), detection);
    }

    [Theory]
    [InlineData("https://cdn.test/v1.2/script")]
    [InlineData("https://cdn.test/script.txt")]
    [InlineData("https://cdn.test/")]
    [InlineData("https://cdn.test/js")]
    public void Extension_OtherOrMissing_FallsThroughToContentType(string url)
    {
        var detection = CodeTypeDetector.Detect(NotUtf8, new Uri(url), "application/wasm", null);

        Assert.Equal(new CodeDetection(CodeType.Wasm, "content-type"), detection);
    }

    [Theory]
    [InlineData("application/wasm", CodeType.Wasm)]
    [InlineData("Application/WASM", CodeType.Wasm)]
    [InlineData("text/javascript", CodeType.JavaScript)]
    [InlineData("text/javascript; charset=utf-8", CodeType.JavaScript)]
    [InlineData("application/javascript", CodeType.JavaScript)]
    [InlineData("application/x-javascript", CodeType.JavaScript)]
    [InlineData("application/ecmascript", CodeType.JavaScript)]
    public void ContentType_IdentifiesTheType(string contentType, CodeType expected)
    {
        var detection = CodeTypeDetector.Detect(NotUtf8, new Uri("https://cdn.test/code"), contentType, null);

        Assert.Equal(new CodeDetection(expected, "content-type"), detection);
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/octet-stream")]
    [InlineData("text/html")]
    [InlineData("")]
    [InlineData(null)]
    public void ContentType_Generic_LeavesTextToTheUtf8Rule(string? contentType)
    {
        var detection = CodeTypeDetector.Detect(Script, new Uri("https://cdn.test/code"), contentType, null);

        Assert.Equal(new CodeDetection(CodeType.JavaScript, "utf8-text"), detection);
    }

    [Fact]
    public void InlineUtf8Text_IsJavaScript()
    {
        var detection = CodeTypeDetector.Detect(Encoding.UTF8.GetBytes("// héllo wörld ✓\nconsole.log('ok');"), null, null, null);

        Assert.Equal(new CodeDetection(CodeType.JavaScript, "utf8-text"), detection);
    }

    [Fact]
    public void EmptyCode_IsJavaScript()
    {
        Assert.Equal(new CodeDetection(CodeType.JavaScript, "utf8-text"), CodeTypeDetector.Detect([], null, null, null));
    }

    [Fact]
    public void InvalidUtf8WithoutOtherClues_IsUnsupported()
    {
        Assert.Equal(new CodeDetection(null, "none"), CodeTypeDetector.Detect(NotUtf8, null, null, null));
    }

    [Fact]
    public void TextContainingNul_IsUnsupported()
    {
        Assert.Equal(new CodeDetection(null, "none"), CodeTypeDetector.Detect("var a\0= 1;"u8, null, "text/plain", null));
    }

    [Fact]
    public void OverlongUtf8Encoding_IsUnsupported()
    {
        // 0xC0 0xAF is an overlong "/", which a strict decoder must reject.
        Assert.Equal(new CodeDetection(null, "none"), CodeTypeDetector.Detect([0x61, 0xC0, 0xAF], null, null, null));
    }

    [Fact]
    public void TypeHint_JavaScript_OverridesMagicExtensionAndContentType()
    {
        var detection = CodeTypeDetector.Detect(WasmModule, new Uri("https://cdn.test/module.wasm"), "application/wasm", CodeType.JavaScript);

        Assert.Equal(new CodeDetection(CodeType.JavaScript, "type-hint"), detection);
    }

    [Fact]
    public void TypeHint_Wasm_OverridesTextExtensionAndContentType()
    {
        var detection = CodeTypeDetector.Detect(Script, new Uri("https://cdn.test/app.js"), "text/javascript", CodeType.Wasm);

        Assert.Equal(new CodeDetection(CodeType.Wasm, "type-hint"), detection);
    }

    [Fact]
    public void TypeHint_Wasm_AppliesEvenToUndecodableBytes()
    {
        Assert.Equal(new CodeDetection(CodeType.Wasm, "type-hint"), CodeTypeDetector.Detect(NotUtf8, null, null, CodeType.Wasm));
    }

    [Fact]
    public void NoTypeHint_Detects()
    {
        var detection = CodeTypeDetector.Detect(WasmModule, null, null, null);

        Assert.Equal(new CodeDetection(CodeType.Wasm, "magic-bytes"), detection);
    }
}
