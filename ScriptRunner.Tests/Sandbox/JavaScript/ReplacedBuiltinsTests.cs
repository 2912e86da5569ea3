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

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void ApplyReplaced_TimersStillRun(string engine)
    {
        var run = JsHarness.On(engine).Execute($"Function.prototype.apply = {Throwing}; new Promise((r) => setTimeout(() => {{ app_log('info', 'ran'); console.log('out'); r('fired'); }}, 0))");

        Assert.Equal("\"fired\"", JsHarness.Json(run));
        Assert.Equal("out\n", run.Output.Stdout);
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

    // Long enough for any answer, far shorter than the harness's default: an answer that waits for the deadline fails.
    private static readonly TimeSpan Prompt = TimeSpan.FromSeconds(5);

    private static JsHarness.Run Run(string engine, string code, string? handler = null) =>
        JsHarness.On(engine).Execute(code, handler: handler, requestJson: handler is null ? null : """{"method":"GET"}""", timeout: Prompt);

    private static void AssertThrown(JsHarness.Run run, string error)
    {
        Assert.Equal(ErrorTypes.RuntimeError, run.Outcome.ErrorType);
        Assert.Equal(error, run.Outcome.Error);
        Assert.StartsWith(error + "\n    at ", run.Outcome.Stack);
    }

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void ArrayMapAndJoinReplaced_AThrownErrorKeepsItsStack(string engine) =>
        AssertThrown(Run(engine, $"Array.prototype.map = Array.prototype.join = Array.prototype.filter = {Throwing}; throw new TypeError('mine')"), "TypeError: mine");

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void PushReplaced_AThrownErrorKeepsItsStack(string engine) =>
        AssertThrown(Run(engine, $"Array.prototype.push = {Throwing}; throw new TypeError('mine')"), "TypeError: mine");

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void StringMethodsReplaced_AThrownErrorKeepsItsStack(string engine) =>
        AssertThrown(Run(engine, $"for (const k of ['split', 'replace', 'includes', 'indexOf', 'slice', 'trim', 'startsWith']) String.prototype[k] = {Throwing}; RegExp.prototype.test = RegExp.prototype.exec = {Throwing}; throw new RangeError('mine')"),
            "RangeError: mine");

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void ArrayIteratorReplaced_AThrownErrorIsNamed(string engine) =>
        AssertThrown(Run(engine, $"Array.prototype[Symbol.iterator] = {Throwing}; throw new Error('mine')"), "Error: mine");

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void ArrayIteratorReplaced_AResponsesHeadersAreAnswered(string engine)
    {
        var run = Run(engine, $"export default (req) => {{ const res = new Response('made', {{ status: 201, headers: {{ 'x-b': '2', 'x-a': '1' }} }}); Array.prototype[Symbol.iterator] = {Throwing}; return res; }}", "handler");

        Assert.Equal("{\"statusCode\":201,\"headers\":{\"content-type\":\"text/plain;charset=UTF-8\",\"x-a\":\"1\",\"x-b\":\"2\"},\"body\":\"made\"}", JsHarness.Json(run));
    }

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void CallAndApplyReplaced_AModuleHandlerAnswers(string engine) =>
        Assert.Equal("{\"statusCode\":200,\"headers\":{},\"body\":\"ok\"}", JsHarness.Json(Run(engine,
            $"Function.prototype.call = Function.prototype.apply = {Throwing}; export default (req) => ({{ statusCode: 200, body: 'ok' }})", "handler")));

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void ThenReplaced_AnAsyncHandlerAnswers(string engine) =>
        Assert.Equal("{\"statusCode\":200,\"headers\":{},\"body\":\"ok\"}", JsHarness.Json(Run(engine,
            $"Promise.prototype.then = {Throwing}; module.exports = async (req) => {{ await null; return {{ statusCode: 200, body: 'ok' }}; }}", "handler")));

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void ThenReplaced_ARejectionIsAnsweredWithItsMessage(string engine)
    {
        var run = Run(engine, $"Promise.prototype.then = {Throwing}; Promise.reject(new TypeError('rejected'))");

        Assert.Equal(ErrorTypes.RuntimeError, run.Outcome.ErrorType);
        Assert.Equal("TypeError: rejected", run.Outcome.Error);
    }

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void ObjectFreezeReplaced_ACommonJsHandlerAnswers(string engine) =>
        Assert.Equal("{\"statusCode\":200,\"headers\":{},\"body\":\"ok\"}", JsHarness.Json(Run(engine,
            $"Object.freeze = Object.assign = Object.keys = {Throwing}; module.exports = (req, env, ctx) => 'ok'", "handler")));

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void MathReplaced_TimersStillRun(string engine) =>
        Assert.Equal("\"fired\"", JsHarness.Json(Run(engine, $"Math.max = Math.ceil = {Throwing}; new Promise((r) => setTimeout(() => r('fired'), 2))")));

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void NumberChecksReplaced_ResultsAndStatusCodesAreStillRead(string engine)
    {
        Assert.Equal("{\"n\":[1.5,null]}", JsHarness.Json(Run(engine, $"Number.isFinite = Number.isInteger = {Throwing}; ({{ n: [1.5, Infinity] }})")));
        Assert.Equal("{\"statusCode\":201,\"headers\":{},\"body\":\"ok\"}", JsHarness.Json(Run(engine,
            $"Number.isFinite = Number.isInteger = {Throwing}; module.exports = (req) => ({{ statusCode: 201, body: 'ok' }})", "handler")));
    }

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void JsonAndObjectKeysReplaced_AValueAndAHandlerAnswerAreSerialized(string engine)
    {
        Assert.Equal("{\"a\":[1,{\"b\":\"c\"}]}", JsHarness.Json(Run(engine, $"JSON.stringify = Object.keys = {Throwing}; ({{ a: [1, {{ b: 'c' }}] }})")));
        Assert.Equal("{\"statusCode\":200,\"headers\":{\"x-a\":\"b\"},\"body\":\"ok\"}", JsHarness.Json(Run(engine,
            $"JSON.stringify = Object.keys = {Throwing}; export default (req) => ({{ statusCode: 200, headers: {{ 'x-a': 'b' }}, body: 'ok' }})", "handler")));
    }

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void PushMapJoinThenCallReplacedTogether_EveryKindOfAnswerArrives(string engine)
    {
        var replaced = $"Array.prototype.push = Array.prototype.map = Array.prototype.join = Promise.prototype.then = Function.prototype.call = {Throwing};";

        Assert.Equal("{\"list\":[1,2]}", JsHarness.Json(Run(engine, replaced + " ({ list: [1, 2] })")));
        AssertThrown(Run(engine, replaced + " throw new SyntaxError('thrown')"), "SyntaxError: thrown");
        Assert.Equal("{\"statusCode\":202,\"headers\":{},\"body\":\"handled\"}", JsHarness.Json(Run(engine,
            replaced + " export default async (req, env, ctx) => { ctx.waitUntil(Promise.resolve()); return { statusCode: 202, body: 'handled' }; }", "handler")));
    }
}
