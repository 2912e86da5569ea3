using ScriptRunner.Core.Model;

namespace ScriptRunner.Tests.Sandbox.JavaScript;

/// <summary>
/// What a script can see of the engine that runs it is the same on both engines: the prelude's functions print as
/// built-ins, its source name carries no count of earlier runs, and there is no WebAssembly from JavaScript.
/// </summary>
public sealed class EngineSurfaceTests
{
    public static TheoryData<string, string, string> HostBackedFunctions()
    {
        var functions = new (string Expression, string Name)[]
        {
            ("fetch", "fetch"), ("console.log", "log"), ("console.error", "error"), ("setTimeout", "setTimeout"), ("clearTimeout", "clearTimeout"),
            ("queueMicrotask", "queueMicrotask"), ("atob", "atob"), ("structuredClone", "structuredClone"), ("app_log", "app_log"),
            ("crypto.getRandomValues", "getRandomValues"), ("crypto.randomUUID", "randomUUID"), ("crypto.subtle.digest", "digest"),
            ("URL", "URL"), ("Headers.prototype.get", "get"), ("Response.prototype.text", "text"), ("performance.now", "now"),
            ("Function.prototype.toString", "toString"), ("Function", "Function"), ("eval", "eval"),
        };
        var data = new TheoryData<string, string, string>();
        foreach (var engine in new[] { "jint", "v8" })
        {
            foreach (var (expression, name) in functions) data.Add(engine, expression, name);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(HostBackedFunctions))]
    public void APreludeFunction_PrintsAsNativeCode(string engine, string expression, string name) =>
        Assert.Equal($"\"function {name}() {{ [native code] }}\"", JsHarness.On(engine).Result($"String({expression})"));

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void AnAccessorOfThePrelude_PrintsAsNativeCode(string engine) =>
        Assert.Equal("\"function get href() { [native code] }\"", JsHarness.On(engine).Result("String(Object.getOwnPropertyDescriptor(URL.prototype, 'href').get)"));

    [Fact]
    public void V8_AScriptsOwnFunction_StillPrintsItsSource() =>
        Assert.Equal("\"function mine(a) { return a; }\"", JsHarness.On("v8").Result("function mine(a) { return a; } String(fetch) && String(mine)"));

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void FunctionToString_OfANonFunction_IsStillATypeError(string engine) =>
        Assert.Equal("\"TypeError\"", JsHarness.On(engine).Result("String(fetch); try { Function.prototype.toString.call({}); 'no error' } catch (e) { e.name }"));

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void WebAssembly_IsNotAGlobal(string engine) =>
        Assert.Equal("[\"undefined\",false]", JsHarness.On(engine).Result("[typeof WebAssembly, Object.getOwnPropertyNames(globalThis).includes('WebAssembly')]"));

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void AClassicScriptsSourceName_IsMainJsOnEveryRun(string engine)
    {
        // Each run is new code, as each request's script would be.
        for (var run = 0; run < 3; run++)
        {
            var stack = JsHarness.On(engine).Result($"// run {run}\ntry {{ null.x }} catch (e) {{ e.stack }}");

            Assert.Contains("at main.js:2:", stack);
        }
    }

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void AModulesSourceName_IsMainJsOnEveryRun(string engine)
    {
        for (var run = 0; run < 3; run++)
        {
            var stack = JsHarness.On(engine).Json(JsHarness.On(engine).Execute(
                $"// run {run}\nexport default () => {{ try {{ null.x }} catch (e) {{ return e.stack; }} }}", handler: "handler"));

            Assert.Contains("(main.js:2:", stack);
            Assert.DoesNotContain("main [", stack);
        }
    }

    [Fact]
    public void V8_HasNoGlobalThatJintLacks_ButClearScriptsEngineInternal()
    {
        const string Names = "Object.getOwnPropertyNames(globalThis).sort().join(' ')";
        var jint = JsHarness.On("jint").Result(Names).Trim('"').Split(' ');
        var v8 = JsHarness.On("v8").Result(Names).Trim('"').Split(' ');

        // ClearScript defines EngineInternal on every context it makes, neither writable nor configurable, so nothing
        // can take it away (docs/security.md); the host never calls through it.
        Assert.Equal(["EngineInternal"], v8.Except(jint));
    }
}
