using System.Text.Json;
using ScriptRunner.Core.Execution;
using ScriptRunner.Core.Model;
using ScriptRunner.Sandbox.JavaScript;
using ScriptRunner.Sandbox.JavaScript.V8;
using ScriptRunner.Tests.Sandbox.JavaScript;
using ScriptRunner.Tests.Sandbox.WebAssembly;
using ScriptRunner.Tests.Support;
using ScriptRunner.Sandbox.JavaScript.Jint;

namespace ScriptRunner.Tests.Sandbox;

/// <summary>Every engine reports where its compiled code came from in the same typed vocabulary, as the API documents it.</summary>
public sealed class CacheHitTests
{
    [Theory]
    [InlineData(EngineNames.Jint)]
    [InlineData(EngineNames.V8)]
    public void JavaScript_FirstRunIsAMiss_TheRepeatIsAMemoryHit(string engine)
    {
        using var v8 = engine == EngineNames.V8 ? new V8Sandbox() : null;
        IScriptSandbox sandbox = (IScriptSandbox?)v8 ?? new JintSandbox();
        var harness = JsHarness.On(engine);

        var first = harness.Execute("'cache me'", sandbox: sandbox);
        var second = harness.Execute("'cache me'", sandbox: sandbox);

        Assert.Equal([CacheHit.Miss, CacheHit.Memory], new[] { first.Outcome.CacheHit, second.Outcome.CacheHit });
    }

    [Theory]
    [MemberData(nameof(WasmEngines.Names), MemberType = typeof(WasmEngines))]
    public void WebAssembly_TheRepeatIsAMemoryHit(string engine)
    {
        var code = WatCompiler.Compile("""(module (func (export "answer") (result i32) (i32.const 42)))""");
        using var runtime = WasmEngines.NewWasmtimeRuntime();
        var wasm = new ScriptRunner.Wasm.Engine();

        WasmRun Run() => engine == EngineNames.Wasmtime
            ? WasmRun.Execute(code, handler: "answer", engineName: engine, runtime: runtime)
            : WasmRun.Execute(code, wasm, handler: "answer", engineName: engine);

        var first = Run();
        var second = Run();

        Assert.Contains(first.Outcome.CacheHit, new CacheHit?[] { CacheHit.Miss, CacheHit.Disk });
        Assert.Equal(CacheHit.Memory, second.Outcome.CacheHit);
    }

    [Theory]
    [InlineData(CacheHit.Miss, "false")]
    [InlineData(CacheHit.Memory, "\"memory\"")]
    [InlineData(CacheHit.Disk, "\"disk\"")]
    public void InJson_ItIsTheDocumentedValue_AndReadsBack(CacheHit hit, string json)
    {
        Assert.Equal(json, JsonSerializer.Serialize(hit));
        Assert.Equal(hit, JsonSerializer.Deserialize<CacheHit>(json));
    }
}
