using ScriptRunner.Core.Model;

namespace ScriptRunner.Tests.Sandbox.JavaScript;

/// <summary>A completion value that JSON cannot represent gets the same answer on every JavaScript engine.</summary>
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
}
