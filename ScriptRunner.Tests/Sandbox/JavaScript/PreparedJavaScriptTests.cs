using ScriptRunner.Sandbox.JavaScript;

namespace ScriptRunner.Tests.Sandbox.JavaScript;

/// <summary>
/// Which prelude globals a run on Jint installs: those the code names, or every one when the code has another way to
/// the global object.
/// </summary>
public sealed class PreparedJavaScriptTests
{
    [Fact]
    public void CodeNamingNoGlobal_InstallsNone() => Assert.Empty(PreparedJavaScript.Prepare("1+1").NamedGlobals!);

    [Fact]
    public void AScript_InstallsTheGlobalsItNames_InThePreludesOrder() =>
        Assert.Equal(["console", "fetch", "URL"], PreparedJavaScript.Prepare("const u = new URL('http://a/'); fetch(u); console.log(u)").NamedGlobals!);

    [Fact]
    public void AModule_InstallsTheGlobalsItNames() =>
        Assert.Equal(["Response"], PreparedJavaScript.Prepare("export default async () => new Response('ok')").NamedGlobals!);

    [Theory]
    [InlineData("globalThis.URL")]
    [InlineData("self.fetch")]
    [InlineData("eval('1')")]
    [InlineData("(function () { return this; })()")]
    public void AScriptThatCanReachTheGlobalObject_InstallsEveryGlobal(string code) =>
        Assert.Null(PreparedJavaScript.Prepare(code).NamedGlobals);

    [Fact]
    public void AModuleUsingThis_InstallsOnlyWhatItNames_BecauseItIsStrict() =>
        Assert.Empty(PreparedJavaScript.Prepare("export default function () { return this; }").NamedGlobals!);

    [Fact]
    public void AModuleNamingGlobalThis_InstallsEveryGlobal() =>
        Assert.Null(PreparedJavaScript.Prepare("export default () => globalThis.URL").NamedGlobals);
}
