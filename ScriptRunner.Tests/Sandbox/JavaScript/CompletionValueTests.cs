using ScriptRunner.Core.Model;

namespace ScriptRunner.Tests.Sandbox.JavaScript;

/// <summary>
/// A completion value gets the answer JSON.stringify would write, the same on every JavaScript engine, whether the
/// engine takes it as it is (a primitive) or through the runtime (an object, or a value JSON cannot represent).
/// </summary>
public sealed class CompletionValueTests
{
    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void ASymbol_IsNull(string engine) => Assert.Equal("null", JsHarness.On(engine).Result("Symbol('s')"));

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void ARevokedProxy_IsNull(string engine) =>
        Assert.Equal("null", JsHarness.On(engine).Result("const r = Proxy.revocable({}, {}); r.revoke(); r.proxy"));

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void ALiveProxy_IsSerializedThroughItsTarget_WithoutTrapsOfTheCheck(string engine) =>
        Assert.Equal("{\"a\":1}", JsHarness.On(engine).Result("new Proxy({ a: 1 }, {})"));

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void SymbolsInsideAValue_FollowJsonStringify(string engine) =>
        Assert.Equal("[[null,1],{\"b\":1}]", JsHarness.On(engine).Result("[[Symbol('a'), 1], { a: Symbol('a'), b: 1 }]"));

    [Theory]
    [InlineData("jint", "10n", "result is not JSON-serializable: bigint")]
    [InlineData("v8", "10n", "result is not JSON-serializable: bigint")]
    [InlineData("jint", "() => 1", "result is not JSON-serializable: function")]
    [InlineData("v8", "() => 1", "result is not JSON-serializable: function")]
    [InlineData("jint", "const o = {}; o.self = o; o", "result contains a cycle")]
    [InlineData("v8", "const o = {}; o.self = o; o", "result contains a cycle")]
    public void AValueJsonCannotHold_IsARuntimeErrorSayingWhy(string engine, string code, string message)
    {
        var run = JsHarness.On(engine).Execute(code);

        Assert.Equal(ErrorTypes.RuntimeError, run.Outcome.ErrorType);
        Assert.Equal(message, run.Outcome.Error);
    }

    [Theory]
    [InlineData("jint", "1+1", "2")]
    [InlineData("v8", "1+1", "2")]
    [InlineData("jint", "0.1 + 0.2", "0.30000000000000004")]
    [InlineData("v8", "0.1 + 0.2", "0.30000000000000004")]
    [InlineData("jint", "1e21", "1e+21")]
    [InlineData("v8", "1e21", "1e+21")]
    [InlineData("jint", "2 ** 53 + 2", "9007199254740994")]
    [InlineData("v8", "2 ** 53 + 2", "9007199254740994")]
    [InlineData("jint", "1e-7", "1e-7")]
    [InlineData("v8", "1e-7", "1e-7")]
    [InlineData("jint", "-0", "0")]
    [InlineData("v8", "-0", "0")]
    [InlineData("jint", "0 / 0", "null")]
    [InlineData("v8", "0 / 0", "null")]
    [InlineData("jint", "-1 / 0", "null")]
    [InlineData("v8", "-1 / 0", "null")]
    [InlineData("jint", "true", "true")]
    [InlineData("v8", "true", "true")]
    [InlineData("jint", "null", "null")]
    [InlineData("v8", "null", "null")]
    [InlineData("jint", "undefined", "null")]
    [InlineData("v8", "undefined", "null")]
    public void APrimitive_IsAnsweredAsJsonStringifyWritesIt(string engine, string code, string expected) =>
        Assert.Equal(expected, JsHarness.On(engine).Result(code));

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void AString_IsAnsweredWithJsonsEscapes(string engine) =>
        Assert.Equal("""
            "a\"b\\c\né\uD83D\uDE00"
            """, JsHarness.On(engine).Result("""
            'a"b\\c\n\u00e9\ud83d\ude00'
            """));

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void ALoneSurrogate_IsAnsweredAsTheReplacementCharacter(string engine) =>
        Assert.Equal(JsHarness.On(engine).Result("'x\uFFFDy'"), JsHarness.On(engine).Result("'x\ud800y'"));

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void APrimitiveAnswer_StillRunsTheScriptsMicrotasksFirst(string engine)
    {
        var run = JsHarness.On(engine).Execute("Promise.resolve().then(() => console.log('after')); 'done'");

        Assert.Equal("\"done\"", JsHarness.Json(run));
        Assert.Equal("after\n", run.Output.Stdout);
    }

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void APrimitiveAnswer_StillReportsAnUnhandledRejection(string engine)
    {
        var run = JsHarness.On(engine).Execute("Promise.reject(new Error('late')); 42");

        Assert.Equal("42", JsHarness.Json(run));
        Assert.StartsWith("Uncaught (in promise) Error: late", run.Output.Stderr);
    }

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void APrimitiveAnswer_DropsPendingTimers(string engine)
    {
        var run = JsHarness.On(engine).Execute("setTimeout(() => console.log('never'), 0); 7");

        Assert.Equal("7", JsHarness.Json(run));
        Assert.Equal("", run.Output.Stdout);
    }

    public static TheoryData<string, string, string> ObjectAnswers()
    {
        var cases = new (string Code, string Json)[]
        {
            ("({ a: undefined, b: () => 1, c: [undefined, () => 1, Symbol()], d: null, e: 'x', f: 1.5, g: [1, [2]] })", "{\"c\":[null,null,null],\"d\":null,\"e\":\"x\",\"f\":1.5,\"g\":[1,[2]]}"),
            ("[1, , 3]", "[1,null,3]"),
            ("({ 2: 'b', 1: 'a', z: 0, y: -0, x: 1e21, w: NaN })", "{\"1\":\"a\",\"2\":\"b\",\"z\":0,\"y\":0,\"x\":1e+21,\"w\":null}"),
            ("({ get a() { return 1; } })", "{\"a\":1}"),
            ("({ toJSON() { return 'j'; } })", "\"j\""),
            ("({ [Symbol.toStringTag]: 'Number' })", "null"),
            ("class P { constructor() { this.x = 1; } } new P()", "{\"x\":1}"),
            ("JSON.parse('{\"__proto__\": 1}')", "{\"__proto__\":1}"),
            ("const o = { a: 1 }; Promise.resolve().then(() => { o.a = 2; }); o", "{\"a\":2}"),
            ("Object.prototype.polluted = 1; ({ own: true })", "{\"own\":true}"),
            ("Array.prototype[1] = 'inherited'; [0, , 2]", "[0,\"inherited\",2]"),
        };
        var data = new TheoryData<string, string, string>();
        foreach (var engine in new[] { "jint", "v8" })
        {
            foreach (var (code, json) in cases) data.Add(engine, code, json);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(ObjectAnswers))]
    public void AnObject_IsAnsweredAsTheRuntimeWritesIt(string engine, string code, string json) =>
        Assert.Equal(json, JsHarness.On(engine).Result(code));
}
