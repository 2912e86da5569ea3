using ScriptRunner.Core.Model;

namespace ScriptRunner.Tests.Sandbox.JavaScript;

/// <summary>
/// A script that replaces built-in methods breaks only its own code: the runtime reports its answer with the
/// methods as they were before the script ran, on every engine, at once rather than at the deadline.
/// </summary>
public sealed class ReplacedBuiltinsTests
{
    private const string Throwing = "function () { throw new Error('replaced'); }";

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void ArrayMethodsReplaced_TheResultIsStillSerialized(string engine) =>
        Assert.Equal("{\"list\":[1,2],\"nested\":{\"deep\":[true]}}", JsHarness.On(engine).Result(
            $"Array.prototype.push = Array.prototype.pop = Array.prototype.includes = Array.prototype.map = {Throwing}; ({{ list: [1, 2], nested: {{ deep: [true] }} }})"));

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void ToStringAndCallReplaced_TheResultIsStillSerialized(string engine) =>
        Assert.Equal("[1,\"s\",false]", JsHarness.On(engine).Result(
            $"Object.prototype.toString = Function.prototype.call = {Throwing}; [new Number(1), new String('s'), new Boolean(false)]"));

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void MapReplaced_TimersStillRun(string engine)
    {
        var run = JsHarness.On(engine).Execute(
            $"Map.prototype.set = Map.prototype.delete = Map.prototype.forEach = {Throwing}; new Promise((r) => setTimeout(() => {{ app_log('info', 'ran'); r('fired'); }}, 0))");

        Assert.Equal("\"fired\"", JsHarness.Json(run));
        Assert.Equal("ran", Assert.Single(run.Output.Logs).Message);
    }

    [Fact]
    public void Jint_ApplyReplaced_TimersStillRun()
    {
        // On V8, ClearScript's own glue calls Function.prototype.apply when the script calls into the host: replacing
        // it there breaks every host call, which the runtime cannot prevent.
        var run = JsHarness.Execute($"Function.prototype.apply = {Throwing}; new Promise((r) => setTimeout(() => r('fired'), 0))");

        Assert.Equal("\"fired\"", JsHarness.Json(run));
    }

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void HandlerAnswerWithHeaders_IsNormalizedWithArrayMethodsReplaced(string engine)
    {
        var run = JsHarness.On(engine).Execute(
            $"Array.prototype.map = Array.prototype.push = {Throwing}; export default async (req) => ({{ statusCode: 201, headers: {{ 'x-a': 'b' }}, body: 'made' }})",
            handler: "handler", requestJson: """{"method":"GET"}""");

        Assert.Equal("{\"statusCode\":201,\"headers\":{\"x-a\":\"b\"},\"body\":\"made\"}", JsHarness.Json(run));
    }

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void PromiseAllAndPushReplaced_WaitUntilStillWaits(string engine)
    {
        var run = JsHarness.On(engine).Execute(
            $"Promise.all = Array.prototype.push = {Throwing}; export default async (req, env, ctx) => {{ ctx.waitUntil(new Promise((r) => setTimeout(() => {{ app_log('info', 'waited'); r(); }}, 5))); return {{ statusCode: 200, body: 'ok' }}; }}",
            handler: "handler", requestJson: """{"method":"GET"}""");

        Assert.Equal("{\"statusCode\":200,\"headers\":{},\"body\":\"ok\"}", JsHarness.Json(run));
        Assert.Equal("waited", Assert.Single(run.Output.Logs).Message);
    }

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void MapReplaced_AnUnhandledRejectionIsStillReported(string engine)
    {
        var run = JsHarness.On(engine).Execute($"Map.prototype.set = Map.prototype.delete = Map.prototype.forEach = {Throwing}; Promise.reject(new Error('late')); 'done'");

        Assert.Equal("\"done\"", JsHarness.Json(run));
        Assert.StartsWith("Uncaught (in promise) Error: late", run.Output.Stderr);
    }
}
