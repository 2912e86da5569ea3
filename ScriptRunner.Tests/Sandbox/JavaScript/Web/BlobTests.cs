using ScriptRunner.Core.Model;

namespace ScriptRunner.Tests.Sandbox.JavaScript.Web;

/// <summary><c>Blob</c> and <c>File</c>, after what WPT's FileAPI suite (blob/, file/) checks.</summary>
public sealed class BlobTests
{
    private static string Eval(string engine, string code) => JsHarness.On(engine).Json(JsHarness.On(engine).Execute(code));

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void NewBlob_IsEmpty(string engine) =>
        Assert.Equal("[0,\"\",\"[object Blob]\",\"\"]", Eval(engine, "(async () => { const b = new Blob(); return [b.size, b.type, Object.prototype.toString.call(b), await b.text()]; })()"));

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void Parts_OfStringsBuffersViewsAndBlobs_AreJoinedInOrder(string engine) =>
        Assert.Equal("[\"ab-cd-ef-g-h\",12]",
            Eval(engine, "(async () => { const buf = new TextEncoder().encode('xcdx').buffer; const b = new Blob(['ab', '-', new Uint8Array(buf, 1, 2), '-', new DataView(new TextEncoder().encode('ef').buffer), '-', new Blob(['g']), '-', new TextEncoder().encode('h').buffer]); return [await b.text(), b.size]; })()"));

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void Parts_OtherValues_AreConvertedToStrings(string engine) =>
        Assert.Equal("\"12nulltrue[object Object]custom\"", Eval(engine, "new Blob([12, null, true, {}, { toString() { return 'custom'; } }]).text()"));

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void Parts_MayBeAnyIterable(string engine) =>
        Assert.Equal("\"abc\"", Eval(engine, "new Blob((function* () { yield 'a'; yield 'b'; yield 'c'; })()).text()"));

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void Parts_ThatAreNotASequence_AreTypeError(string engine) =>
        Assert.Equal("[\"TypeError\",\"TypeError\",\"TypeError\",\"TypeError\",\"Failed to construct 'Blob': The provided value cannot be converted to a sequence.\"]",
            Eval(engine, "const name = (v) => { try { new Blob(v); return 'none'; } catch (e) { return e.name; } }; [name(null), name('abc'), name({}), name(7), (() => { try { new Blob({}); } catch (e) { return e.message; } })()]"));

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void Parts_LoneSurrogates_BecomeTheReplacementCharacter(string engine) =>
        Assert.Equal("[239,191,189,97]", Eval(engine, "new Blob(['\\ud800a']).arrayBuffer().then(b => Array.from(new Uint8Array(b)))"));

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void Parts_AreCopied_SoLaterWritesToTheBufferDoNotShow(string engine) =>
        Assert.Equal("[1,2]", Eval(engine, "const a = new Uint8Array([1, 2]); const b = new Blob([a]); a[0] = 9; b.bytes().then(x => Array.from(x))"));

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void Type_IsLowerCased_AndEmptyWhenItHasANonPrintableCharacter(string engine) =>
        Assert.Equal("[\"text/plain;charset=utf-8\",\"\",\"\"]", Eval(engine, "[new Blob([], { type: 'TEXT/Plain;Charset=UTF-8' }).type, new Blob([], { type: 'a\\u00e9' }).type, new Blob([], { type: 'a\\tb' }).type]"));

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void Endings_NativeTurnsLineBreaksIntoLF_TransparentKeepsThem(string engine) =>
        Assert.Equal("[\"a\\nb\\nc\\n\",\"a\\r\\nb\\rc\\n\"]", Eval(engine, "Promise.all([new Blob(['a\\r\\nb\\rc\\n'], { endings: 'native' }).text(), new Blob(['a\\r\\nb\\rc\\n'], { endings: 'transparent' }).text()])"));

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void Endings_OfAnotherValue_IsTypeError(string engine) =>
        Assert.Equal("[\"TypeError\",\"Failed to construct 'Blob': Failed to read the 'endings' property from 'BlobPropertyBag': The provided value 'invalid' is not a valid enum value of type EndingType.\"]",
            Eval(engine, "try { new Blob([], { endings: 'invalid' }); } catch (e) { [e.name, e.message] }"));

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void Options_ThatAreNotAnObject_AreTypeError(string engine) =>
        Assert.Equal("[\"TypeError\",\"none\"]", Eval(engine, "const name = (v) => { try { new Blob([], v); return 'none'; } catch (e) { return e.name; } }; [name(5), name(null)]"));

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void Slice_TakesRelativeIndexesAndAContentType(string engine) =>
        Assert.Equal("[\"bcde\",\"ef\",\"\",\"abcdef\",\"text/x\",\"\",\"cd\"]",
            Eval(engine, "const b = new Blob(['abcdef'], { type: 'text/plain' }); Promise.all([b.slice(1, -1).text(), b.slice(-2).text(), b.slice(4, 2).text(), b.slice().text(), b.slice(0, 1, 'TEXT/X').type, b.slice(0, 1).type, b.slice(1, 5).slice(1, 3).text()])"));

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void Text_DecodesUtf8_DropsABom_AndReplacesBadBytes(string engine) =>
        Assert.Equal("[\"é\",\"a\",\"\ufffd\"]", Eval(engine, "Promise.all([new Blob([new Uint8Array([0xc3, 0xa9])]).text(), new Blob([new Uint8Array([0xef, 0xbb, 0xbf, 0x61])]).text(), new Blob([new Uint8Array([0xff])]).text()])"));

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void LongText_EncodesAndDecodesAsTextEncoderDoes_AlsoThroughASlice(string engine) =>
        Assert.Equal("[true,143,true]",
            Eval(engine, "(async () => { const s = 'é'.repeat(50) + '\\ud800' + 'x'.repeat(40); const t = await new Blob(['abc', s]).slice(3).text(); const bytes = await new Blob([s]).bytes(); return [t === s.replace('\\ud800', '\\ufffd'), bytes.length, Array.from(new TextEncoder().encode(s)).join() === Array.from(bytes).join()]; })()"));

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void ArrayBufferAndBytes_AreFreshCopies(string engine) =>
        Assert.Equal("[[104,105],true,[104,105],\"hi\"]",
            Eval(engine, "(async () => { const b = new Blob(['hi']); const a = await b.arrayBuffer(); const u = await b.bytes(); u[0] = 0; return [Array.from(new Uint8Array(a)), u instanceof Uint8Array, Array.from(new Uint8Array(await b.arrayBuffer())), await b.text()]; })()"));

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void File_HasANameTypeAndLastModified_AndIsABlob(string engine) =>
        Assert.Equal("[\"a.txt\",\"text/plain\",42,\"\",true,3,\"[object File]\",\"abc\"]",
            Eval(engine, "(async () => { const f = new File(['abc'], 'a.txt', { type: 'text/plain', lastModified: 42 }); return [f.name, f.type, f.lastModified, f.webkitRelativePath, f instanceof Blob, f.size, Object.prototype.toString.call(f), await f.text()]; })()"));

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void File_LastModifiedDefaultsToNow_AndNamesKeepSlashes(string engine) =>
        Assert.Equal("[true,\"dir/a\",\"\ufffd\"]", Eval(engine, "const f = new File([], 'dir/a'); [Math.abs(f.lastModified - Date.now()) < 5000, f.name, new File([], '\\udc00').name]"));

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void File_WithoutAName_IsTypeError(string engine) =>
        Assert.Equal("[\"TypeError\",\"Failed to construct 'File': 2 arguments required, but only 1 present.\"]", Eval(engine, "try { new File(['x']); } catch (e) { [e.name, e.message] }"));

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void ABlobPastTheMemoryCap_IsARangeError(string engine)
    {
        var run = JsHarness.On(engine).Execute("try { new Blob(Array(80).fill(new Uint8Array(1 << 20))); } catch (e) { [e.name, e.message] }", memoryBytes: 64L * 1024 * 1024);
        Assert.Equal("[\"RangeError\",\"Blob data of 83886080 bytes would exceed the execution's memory limit of 64 MB\"]", JsHarness.On(engine).Json(run));
    }

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void ManyBlobsPastTheMemoryCap_EndAsARangeErrorOrMemoryLimit_NeverAHostError(string engine)
    {
        var run = JsHarness.On(engine).Execute("const part = new Blob([new Uint8Array(1 << 20)]); const kept = []; for (let i = 0; i < 200; i++) kept.push(new Blob([part, 'x'])); kept.length", memoryBytes: 64L * 1024 * 1024, timeout: TimeSpan.FromSeconds(30));
        Assert.False(run.Outcome.Success);
        Assert.True(run.Outcome.ErrorType == ErrorTypes.MemoryLimit || run.Outcome.Error!.StartsWith("RangeError: Blob data of", StringComparison.Ordinal), $"{run.Outcome.ErrorType}: {run.Outcome.Error}");
    }

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void SlicesShareTheirBlobsBytes_AndCostNothingAgainstTheCap(string engine)
    {
        var run = JsHarness.On(engine).Execute("const b = new Blob([new Uint8Array(16 << 20)]); let n = 0; for (let i = 0; i < 100; i++) n += b.slice(i).size + new Blob([b]).size; n", memoryBytes: 64L * 1024 * 1024, timeout: TimeSpan.FromSeconds(30));
        Assert.Equal("3355438250", JsHarness.On(engine).Json(run));
    }
}
