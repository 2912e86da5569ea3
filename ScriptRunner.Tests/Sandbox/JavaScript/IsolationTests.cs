using ScriptRunner.Core.Model;
using ScriptRunner.Sandbox.JavaScript;
using ScriptRunner.Sandbox.JavaScript.Jint;

namespace ScriptRunner.Tests.Sandbox.JavaScript;

/// <summary>Nothing of one execution reaches the next, even on the same sandbox with the same prepared code.</summary>
public sealed class IsolationTests
{
    private readonly JintSandbox _sandbox = new();

    [Fact]
    public void Globals_DoNotLeak()
    {
        JsHarness.Result("var leaked = 42; globalThis.alsoLeaked = 1; 1", sandbox: _sandbox);
        Assert.Equal("[\"undefined\",\"undefined\"]", JsHarness.Result("[typeof leaked, typeof alsoLeaked]", sandbox: _sandbox));
    }

    [Fact]
    public void PrototypeChanges_DoNotLeak()
    {
        JsHarness.Result("Object.prototype.polluted = true; Array.prototype.map = () => 'hijacked'; JSON.stringify = () => 'x'; 1", sandbox: _sandbox);
        Assert.Equal("[\"undefined\",[2],\"{}\"]", JsHarness.Result("[typeof ({}).polluted, [1].map(x => x * 2), JSON.stringify({})]", sandbox: _sandbox));
    }

    [Fact]
    public void ReplacedWebGlobals_DoNotLeak()
    {
        JsHarness.Result("URL = null; console.log = () => {}; fetch = 1; env.x = 1; 1", sandbox: _sandbox);
        var run = JsHarness.Execute("console.log(typeof URL, typeof fetch); new URL('https://a.test/x').pathname", sandbox: _sandbox);
        Assert.Equal("\"/x\"", JsHarness.Json(run));
        Assert.Equal("function function\n", run.Output.Stdout);
    }

    [Fact]
    public void PendingTimers_DoNotOutliveTheirExecution()
    {
        var first = JsHarness.Execute("setInterval(() => console.log('tick'), 1); setTimeout(() => console.log('late'), 50); 'done'", sandbox: _sandbox);
        Assert.Equal("", first.Output.Stdout);
        Thread.Sleep(100);
        var second = JsHarness.Execute("new Promise(r => setTimeout(r, 80, 'second'))", sandbox: _sandbox);
        Assert.Equal("\"second\"", JsHarness.Json(second));
        Assert.Equal("", first.Output.Stdout);
        Assert.Equal("", second.Output.Stdout);
    }

    [Fact]
    public void ModuleState_IsFreshForEachExecutionOfTheSameCode()
    {
        const string code = "let count = 0; export default () => String(++count);";
        JsHarness.Execute(code, sandbox: _sandbox);
        var second = JsHarness.Execute(code, sandbox: _sandbox);
        Assert.Equal(CacheHit.Memory, second.Outcome.CacheHit);
        Assert.Equal("{\"statusCode\":200,\"headers\":{},\"body\":\"1\"}", JsHarness.Json(second));
    }
}
