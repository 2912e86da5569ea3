namespace ScriptRunner.Tests.Sandbox.JavaScript.Web.Streams;

/// <summary>CountQueuingStrategy and ByteLengthQueuingStrategy: what WPT's streams/queuing-strategies test checks.</summary>
public sealed class QueuingStrategyTests
{
    private static string Result(string engine, string code) => JsHarness.On(engine).Result(code);

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void CountQueuingStrategy_CountsEachChunkAsOne(string engine) =>
        Assert.Equal("[4,1,1]", Result(engine, "const s = new CountQueuingStrategy({ highWaterMark: 4 }); [s.highWaterMark, s.size('abc'), s.size(new Uint8Array(9))]"));

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void ByteLengthQueuingStrategy_SizesByByteLength(string engine) =>
        Assert.Equal("[16,9,7]", Result(engine, "const s = new ByteLengthQueuingStrategy({ highWaterMark: 16 }); [s.highWaterMark, s.size(new Uint8Array(9)), s.size({ byteLength: 7 })]"));

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void Strategies_RequireAHighWaterMark(string engine) =>
        Assert.Equal("""["TypeError","TypeError"]""",
            Result(engine, "const n = []; for (const C of [CountQueuingStrategy, ByteLengthQueuingStrategy]) { try { new C({}); } catch (e) { n.push(e.name); } } n"));

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void ByteLengthStrategy_DrivesAStreamsDesiredSize(string engine) =>
        Assert.Equal("[10,4,-2]",
            Result(engine, "let ctl; new ReadableStream({ start(c) { ctl = c; } }, new ByteLengthQueuingStrategy({ highWaterMark: 10 })); const d = [ctl.desiredSize]; ctl.enqueue(new Uint8Array(6)); d.push(ctl.desiredSize); ctl.enqueue(new Uint8Array(6)); d.push(ctl.desiredSize); d"));

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void NegativeHighWaterMark_IsARangeError(string engine) =>
        Assert.Equal("\"RangeError\"", Result(engine, "try { new ReadableStream({}, { highWaterMark: -1 }); } catch (e) { e.name }"));

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void SizeFunctionThrowing_ErrorsTheStream(string engine) =>
        Assert.Equal("""["size failed","size failed"]""",
            Result(engine, "(async () => { let ctl; const s = new ReadableStream({ start(c) { ctl = c; } }, { size() { throw new Error('size failed'); } }); const out = []; try { ctl.enqueue('x'); } catch (e) { out.push(e.message); } try { await s.getReader().closed; } catch (e) { out.push(e.message); } return out; })()"));
}
