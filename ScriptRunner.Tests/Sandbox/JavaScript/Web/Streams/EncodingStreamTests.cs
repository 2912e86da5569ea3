namespace ScriptRunner.Tests.Sandbox.JavaScript.Web.Streams;

/// <summary>TextEncoderStream and TextDecoderStream: what WPT's encoding/streams suites check.</summary>
public sealed class EncodingStreamTests
{
    private const string Helpers = """
        const collect = async (s) => { const o = []; for await (const v of s) o.push(v); return o; };
        const bytesOf = (chunks) => chunks.map(c => [...c]);
        """;

    private static string Result(string engine, string code) => JsHarness.On(engine).Result(Helpers + code);

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void Encoder_EncodesEachChunkAsUtf8(string engine) =>
        Assert.Equal("""[["utf-8"],[[104,105],[226,130,172]]]""",
            Result(engine, "(async () => { const e = new TextEncoderStream(); return [[e.encoding], bytesOf(await collect(ReadableStream.from(['hi', '€']).pipeThrough(e)))]; })()"));

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void Encoder_JoinsASurrogatePairSplitAcrossChunks(string engine) =>
        Assert.Equal("[[240,159,152,128]]",
            Result(engine, "(async () => bytesOf(await collect(ReadableStream.from(['\\ud83d', '\\ude00']).pipeThrough(new TextEncoderStream()))))()"));

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void Encoder_ALoneSurrogateAtTheEnd_IsAReplacementCharacter(string engine) =>
        Assert.Equal("[[97],[239,191,189]]",
            Result(engine, "(async () => bytesOf(await collect(ReadableStream.from(['a\\ud83d']).pipeThrough(new TextEncoderStream()))))()"));

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void Encoder_AnEmptyChunk_EnqueuesNothing(string engine) =>
        Assert.Equal("[[120]]",
            Result(engine, "(async () => bytesOf(await collect(ReadableStream.from(['', 'x', '']).pipeThrough(new TextEncoderStream()))))()"));

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void Encoder_ConvertsNonStringChunksToStrings(string engine) =>
        Assert.Equal("[[49,50],[110,117,108,108]]",
            Result(engine, "(async () => bytesOf(await collect(ReadableStream.from([12, null]).pipeThrough(new TextEncoderStream()))))()"));

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void Decoder_JoinsASequenceSplitAcrossChunks(string engine) =>
        Assert.Equal("""["€","A"]""",
            Result(engine, "(async () => collect(ReadableStream.from([new Uint8Array([0xe2]), new Uint8Array([0x82]), new Uint8Array([0xac]), new Uint8Array([0x41])]).pipeThrough(new TextDecoderStream())))()"));

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void Decoder_DropsTheByteOrderMark_UnlessIgnoreBOM(string engine) =>
        Assert.Equal("""["a","\uFEFFa"]""",
            Result(engine, "(async () => { const bom = () => ReadableStream.from([new Uint8Array([0xef, 0xbb]), new Uint8Array([0xbf, 0x61])]); return [(await collect(bom().pipeThrough(new TextDecoderStream()))).join(''), (await collect(bom().pipeThrough(new TextDecoderStream('utf-8', { ignoreBOM: true })))).join('')]; })()"));

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void Decoder_AnUnfinishedSequenceAtTheEnd_IsAReplacementCharacter(string engine) =>
        Assert.Equal("[\"a\",\"\uFFFD\"]",
            Result(engine, "(async () => collect(ReadableStream.from([new Uint8Array([0x61, 0xf0, 0x9f])]).pipeThrough(new TextDecoderStream())))()"));

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void Decoder_InvalidBytes_AreReplacementCharacters(string engine) =>
        Assert.Equal("\"a\uFFFD\uFFFDb\"",
            Result(engine, "(async () => (await collect(ReadableStream.from([new Uint8Array([0x61, 0xe0, 0x80, 0x62])]).pipeThrough(new TextDecoderStream()))).join(''))()"));

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void Decoder_Fatal_ErrorsOnInvalidBytesWithATypeError(string engine) =>
        Assert.Equal("""["TypeError",true]""",
            Result(engine, "(async () => { const d = new TextDecoderStream('utf-8', { fatal: true }); try { await collect(ReadableStream.from([new Uint8Array([0xff])]).pipeThrough(d)); } catch (e) { return [e.name, d.fatal]; } })()"));

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void Decoder_Fatal_ErrorsOnAnUnfinishedSequenceAtTheEnd(string engine) =>
        Assert.Equal("\"TypeError\"",
            Result(engine, "(async () => { try { await collect(ReadableStream.from([new Uint8Array([0xe2, 0x82])]).pipeThrough(new TextDecoderStream('utf-8', { fatal: true }))); } catch (e) { return e.name; } })()"));

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void Decoder_AcceptsArrayBuffersAndOtherViews(string engine) =>
        Assert.Equal("\"hi!\"",
            Result(engine, "(async () => (await collect(ReadableStream.from([new Uint8Array([0x68]).buffer, new DataView(new Uint8Array([0x69]).buffer), new Uint16Array([0x21])]).pipeThrough(new TextDecoderStream()))).join('').replace('\\0', ''))()"));

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void Decoder_ANonBufferChunk_IsATypeError(string engine) =>
        Assert.Equal("\"TypeError\"",
            Result(engine, "(async () => { try { await collect(ReadableStream.from(['text']).pipeThrough(new TextDecoderStream())); } catch (e) { return e.name; } })()"));

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void Decoder_AnUnknownLabel_IsARangeError(string engine) =>
        Assert.Equal("\"RangeError\"", Result(engine, "try { new TextDecoderStream('klingon'); } catch (e) { e.name }"));

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void EncoderAndDecoder_RoundTripEveryPlane(string engine) =>
        Assert.Equal("true",
            Result(engine, "(async () => { const text = 'a\u00e9\u20ac\ud83d\ude00z'.repeat(50); const parts = text.match(/[\\s\\S]{1,7}/g); const out = (await collect(ReadableStream.from(parts).pipeThrough(new TextEncoderStream()).pipeThrough(new TextDecoderStream()))).join(''); return out === text; })()"));
}
