using ScriptRunner.Core.Execution;
using ScriptRunner.Core.Model;
using ScriptRunner.Sandbox.JavaScript.V8;

namespace ScriptRunner.Tests.Sandbox.JavaScript;

/// <summary>What is particular to the V8 engine: its name, what of .NET a script can reach (nothing), and its isolate's lifecycle.</summary>
public sealed class V8SandboxTests
{
    // Walks every global, every value reachable from it by own properties (to a bounded depth) and each one's
    // prototype chain, and reports anything that looks like a host (.NET) object or a function the script did not
    // get from the language or the prelude.
    private const string WalkGlobals = """
        const seen = new Set();
        const found = [];
        const hostish = /^(GetType|ToString|Equals|GetHashCode|Invoke|Method|Target|hostException)$/;
        function visit(value, path, depth) {
          if (value === null || (typeof value !== 'object' && typeof value !== 'function') || seen.has(value) || depth > 4) return;
          seen.add(value);
          let names;
          try { names = Reflect.ownKeys(value); } catch (e) { found.push(path + ' (keys threw ' + e + ')'); return; }
          for (const name of names) {
            const key = String(name);
            if (hostish.test(key)) found.push(path + '.' + key);
            let d;
            try { d = Object.getOwnPropertyDescriptor(value, name); } catch (e) { continue; }
            if (d && 'value' in d) visit(d.value, path + '.' + key, depth + 1);
          }
          let proto;
          try { proto = Object.getPrototypeOf(value); } catch (e) { found.push(path + ' (prototype threw)'); return; }
          visit(proto, path + '.__proto__', depth + 1);
        }
        visit(globalThis, 'globalThis', 0);
        for (const name of ['console', 'fetch', 'URL', 'Headers', 'Request', 'Response', 'TextEncoder', 'TextDecoder', 'crypto', 'setTimeout', 'app_log', 'env']) visit(globalThis[name], name, 0);
        found
        """;

    [Fact]
    public void Engine_IsV8ForJavaScript()
    {
        using var sandbox = new V8Sandbox();
        Assert.Equal(EngineNames.V8, sandbox.Engine);
        Assert.Equal(CodeType.JavaScript, sandbox.CodeType);
    }

    [Fact]
    public void GlobalsAndEveryPrototypeChain_HoldNoHostObject() => Assert.Equal("[]", JsHarness.On(EngineNames.V8).Result(WalkGlobals));

    [Fact]
    public void WebGlobals_AreTheSameAsOnJint()
    {
        const string types = "['console', 'env', 'self', 'app_log', 'get_unixtime', 'fetch', 'setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'queueMicrotask', 'structuredClone', 'atob', 'btoa', 'URL', 'URLSearchParams', 'Headers', 'Request', 'Response', 'TextEncoder', 'TextDecoder', 'DOMException', 'crypto', 'module', 'exports', 'require', 'process'].map(n => n + ':' + typeof globalThis[n])";
        Assert.Equal(JsHarness.On(EngineNames.Jint).Result(types), JsHarness.On(EngineNames.V8).Result(types));
    }

    [Fact]
    public void HostBridge_IsNotReachableFromAnError()
    {
        var result = JsHarness.On(EngineNames.V8).Result("try { fetch('http://127.0.0.1:1/'); 'no error' } catch (e) { Object.getOwnPropertyNames(e).join(',') }");
        Assert.DoesNotContain("hostException", result, StringComparison.Ordinal);
    }

    [Fact]
    public void EachExecution_GetsAFreshContext()
    {
        using var sandbox = new V8Sandbox();
        var harness = JsHarness.On(EngineNames.V8);
        Assert.Equal("1", harness.Result("globalThis.leaked = 1; 1", sandbox: sandbox));
        Assert.Equal("\"undefined\"", harness.Result("typeof leaked", sandbox: sandbox));
    }

    [Fact]
    public void IsolateIsReplaced_AfterItsExecutionBudget()
    {
        const int budget = 20;
        using var sandbox = new V8Sandbox(recycleAfter: budget);
        for (var i = 0; i < budget + 1; i++) Assert.True(JsHarness.On(EngineNames.V8).Execute("1", sandbox: sandbox).Outcome.Success);
        Assert.Equal(2, sandbox.IsolateGeneration);
    }

    [Fact]
    public void ReleasingMemoryRightAfterARunThatReplacesTheIsolate_NeverReachesTheDisposedRuntime()
    {
        // Every run replaces the isolate on the preparer thread, and the clean-up between runs collects garbage at
        // once: the collection must wait for the replacement, not reach the runtime being disposed.
        using var sandbox = new V8Sandbox(recycleAfter: 1);
        var releases = (ScriptRunner.Sandbox.Hosting.IReleasesMemory)sandbox;
        for (var i = 0; i < 30; i++)
        {
            Assert.True(JsHarness.On(EngineNames.V8).Execute("new Array(10000).fill(1).length", sandbox: sandbox).Outcome.Success);
            // Several clean-ups in a row span the whole replacement, whatever the machine's load.
            for (var j = 0; j < 20; j++) releases.ReleaseMemory();
        }

        Assert.Equal(31, sandbox.IsolateGeneration);
    }

    [Fact]
    public void ARunWithAnotherMemoryCap_GetsAnIsolateMadeForItsCap()
    {
        using var sandbox = new V8Sandbox();
        var harness = JsHarness.On(EngineNames.V8);
        const string allocate = "try { new ArrayBuffer(100 * 1024 * 1024).byteLength } catch (e) { e.name }";

        var underTheDefault = harness.Execute(allocate, sandbox: sandbox);
        var underSixtyFour = harness.Execute(allocate, sandbox: sandbox, memoryBytes: 64L * 1024 * 1024);

        Assert.Equal("104857600", harness.Json(underTheDefault));
        Assert.Equal("\"RangeError\"", harness.Json(underSixtyFour));
        Assert.Equal(2, sandbox.IsolateGeneration);
    }

    [Fact]
    public void TheFirstIsolate_IsMadeForTheServicesDefaultCap()
    {
        var options = new ScriptRunner.Core.Options.ScriptRunnerOptions();
        options.Limits.DefaultMemoryMb = 256;
        using var sandbox = new V8Sandbox(Microsoft.Extensions.Options.Options.Create(options));

        var run = JsHarness.On(EngineNames.V8).Execute("try { new ArrayBuffer(200 * 1024 * 1024).byteLength } catch (e) { e.name }", sandbox: sandbox, memoryBytes: 256L * 1024 * 1024);

        Assert.Equal("209715200", JsHarness.Json(run));
        Assert.Equal(1, sandbox.IsolateGeneration);
    }

    [Fact]
    public void Timeout_ReplacesTheIsolateAndTheNextRunSucceeds()
    {
        using var sandbox = new V8Sandbox();
        var harness = JsHarness.On(EngineNames.V8);
        var stopped = harness.Execute("while (true) {}", timeout: TimeSpan.FromMilliseconds(300), sandbox: sandbox);
        Assert.Equal(ErrorTypes.Timeout, stopped.Outcome.ErrorType);
        Assert.Equal("execution timed out after 300 ms", stopped.Outcome.Error);
        Assert.Equal("42", harness.Result("6 * 7", sandbox: sandbox));
    }

    [Fact]
    public void DeepRecursion_IsACatchableRangeError() =>
        Assert.Equal("\"RangeError: Maximum call stack size exceeded\"", JsHarness.On(EngineNames.V8).Result("function f(n) { return f(n + 1) + 1; } try { f(0) } catch (e) { String(e) }"));
}
