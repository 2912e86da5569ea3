using ScriptRunner.Sandbox.JavaScript.Jint;

namespace ScriptRunner.Tests.Sandbox.JavaScript.Jint;

/// <summary>
/// Which prelude globals a run on Jint installs: those the code names, or every one when the code has another way to
/// the global object.
/// </summary>
public sealed class JintPreparedCodeTests
{
    [Fact]
    public void CodeNamingNoGlobal_InstallsNone() => Assert.Empty(JintPreparedCode.Prepare("1+1").NamedGlobals!);

    [Fact]
    public void AScript_InstallsTheGlobalsItNames_InThePreludesOrder() =>
        Assert.Equal(["console", "fetch", "URL"], JintPreparedCode.Prepare("const u = new URL('http://a/'); fetch(u); console.log(u)").NamedGlobals!);

    [Fact]
    public void AModule_InstallsTheGlobalsItNames() =>
        Assert.Equal(["Response"], JintPreparedCode.Prepare("export default async () => new Response('ok')").NamedGlobals!);

    [Theory]
    [InlineData("globalThis.URL")]
    [InlineData("self.fetch")]
    [InlineData("eval('1')")]
    [InlineData("(function () { return this; })()")]
    public void AScriptThatCanReachTheGlobalObject_InstallsEveryGlobal(string code) =>
        Assert.Null(JintPreparedCode.Prepare(code).NamedGlobals);

    [Fact]
    public void AModuleUsingThis_InstallsOnlyWhatItNames_BecauseItIsStrict() =>
        Assert.Empty(JintPreparedCode.Prepare("export default function () { return this; }").NamedGlobals!);

    [Fact]
    public void AModuleNamingGlobalThis_InstallsEveryGlobal() =>
        Assert.Null(JintPreparedCode.Prepare("export default () => globalThis.URL").NamedGlobals);
}
