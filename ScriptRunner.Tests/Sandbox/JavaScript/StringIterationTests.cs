namespace ScriptRunner.Tests.Sandbox.JavaScript;

/// <summary>Strings iterate by code point on every engine, as the language says.</summary>
public sealed class StringIterationTests
{
    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void CarriageReturnLineFeed_IsTwoCodePoints(string engine) =>
        Assert.Equal("[4,4,4]", JsHarness.On(engine).Result("const s = 'a\\r\\nb'; let n = 0; for (const c of s) n++; [[...s].length, Array.from(s).length, n]"));

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void ACombiningMark_IsItsOwnCodePoint_AndASurrogatePairIsOne(string engine) =>
        Assert.Equal("[[1,1],[2,1]]", JsHarness.On(engine).Result("[[...'e\\u0301'].map((c) => c.length), [...'\\ud83d\\ude00x'].map((c) => c.length)]"));

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void Base64DecodedThroughUint8ArrayFrom_KeepsEveryByte(string engine) =>
        Assert.Equal("[5,13,10,13,10,255]", JsHarness.On(engine).Result("const b = Uint8Array.from(atob('DQoNCv8='), (c) => c.charCodeAt(0)); [b.length, ...b]"));

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void TheIteratorIsAStringIterator(string engine) =>
        Assert.Equal("[\"[object String Iterator]\",true]", JsHarness.On(engine).Result(
            "const it = ''[Symbol.iterator](); [Object.prototype.toString.call(it), typeof it.next === 'function' && it[Symbol.iterator]() === it]"));
}
