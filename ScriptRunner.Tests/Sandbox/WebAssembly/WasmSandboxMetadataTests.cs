using ScriptRunner.Core.Model;
using ScriptRunner.Wasm;

namespace ScriptRunner.Tests.Sandbox.WebAssembly;

/// <summary>Wasm metadata: compile time, cache hit, fuel and memory peak; the engine's cache across runs.</summary>
public sealed class WasmSandboxMetadataTests
{
    [Fact]
    public void WarmRepeatOfTheSameModule_SkipsCompilation()
    {
        var engine = new Engine();
        var code = WasmFixtures.Load("reactor.wasm");

        var cold = WasmRun.Execute(code, engine, handler: "add", parameters: [1, 2]);
        var warm = WasmRun.Execute(code, engine, handler: "add", parameters: [3, 4]);

        Assert.Equal(CacheHit.Miss, cold.Outcome.CacheHit);
        Assert.True(cold.Outcome.CompileTimeMs > 0);
        Assert.Equal(CacheHit.Memory, warm.Outcome.CacheHit);
        Assert.Equal(0, warm.Outcome.CompileTimeMs);
        Assert.Equal("7", warm.Outcome.Result!.ToJsonString());
    }

    [Fact]
    public void DifferentEngines_DoNotShareCompiledModules()
    {
        var code = WasmFixtures.Load("handler.wasm");

        WasmRun.Execute(code, new Engine(), handler: "nothing");
        var other = WasmRun.Execute(code, new Engine(), handler: "nothing");

        Assert.Equal(CacheHit.Miss, other.Outcome.CacheHit);
    }

    [Fact]
    public void Run_ReportsFuelAndMemoryPeak()
    {
        var run = WasmRun.Fixture("reactor.wasm", handler: "fib", parameters: [50]);

        Assert.True(run.Outcome.Success, run.Outcome.Error);
        Assert.True(run.Outcome.FuelConsumed > 0);
        // clang's reactor declares two pages of linear memory.
        Assert.Equal(2 * 65536, run.Outcome.MemoryPeakBytes);
    }
}
