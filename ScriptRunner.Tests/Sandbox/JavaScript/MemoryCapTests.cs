using ScriptRunner.Core.Execution;
using ScriptRunner.Core.Model;
using ScriptRunner.Sandbox.Hosting;
using ScriptRunner.Sandbox.JavaScript;
using ScriptRunner.Sandbox.JavaScript.V8;
using ScriptRunner.Tests.Functions;
using ScriptRunner.Sandbox.JavaScript.Jint;

namespace ScriptRunner.Tests.Sandbox.JavaScript;

/// <summary>
/// The memory cap counts what a script holds, not what it allocates: garbage-heavy scripts with a small live heap
/// run to the end under the default cap on every engine, and out-of-memory is a memory limit in plain words.
/// The engines account as they do in a sandbox process (the process's figures are the run's), so these tests run
/// alone, after the parallel ones.
/// </summary>
[Collection(CpuHeavyCollection.Name)]
public sealed class MemoryCapTests
{
    private const long DefaultCap = 128L * 1024 * 1024;
    private static readonly TimeSpan Generous = TimeSpan.FromSeconds(60);

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void AMillionTemporaryStrings_Succeed(string engine) =>
        Assert.Equal("5888890", Succeeds(engine, "let s = 0; for (let i = 0; i < 1e6; i++) s += String(i).length; s"));

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void ThousandsOfJsonRoundTripsOfATenKilobyteObject_Succeed(string engine) =>
        Assert.Equal("3000", Succeeds(engine, """
            const o = { items: Array.from({ length: 200 }, (_, i) => ({ id: i, name: 'item ' + i, tags: ['a', 'b'] })) };
            let n = 0;
            for (let i = 0; i < 3000; i++) { const copy = JSON.parse(JSON.stringify(o)); if (copy.items.length === 200) n++; }
            n
            """));

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void MapFilterChainsOverArraysOfTenThousand_Succeed(string engine) =>
        Assert.Equal("2000", Succeeds(engine, """
            const data = Array.from({ length: 10000 }, (_, i) => i);
            let rounds = 0;
            for (let r = 0; r < 2000; r++) {
              const out = data.map(x => x * 2).filter(x => x % 3 === 0).map(x => ({ x })).filter(o => o.x > 10);
              if (out.length > 0) rounds++;
            }
            rounds
            """));

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void AsyncIterationOverALongString_Succeeds(string engine) =>
        Assert.Equal("300000", Succeeds(engine, """
            async function* chars(text) { for (const c of text) yield c; }
            (async () => { let n = 0; for await (const c of chars('x'.repeat(300000))) n++; return n; })()
            """));

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void AStringDoubledPastTheLongestStringTheEngineMakes_IsTheLanguagesRangeError(string engine)
    {
        using var sandbox = engine == EngineNames.V8 ? new V8Sandbox(memory: MemoryAccounting.PerProcess) : null;
        var run = JsHarness.Execute("let s = 'x'; try { for (;;) s = s + s; } catch (e) { e.name }", memoryBytes: DefaultCap, timeout: Generous,
            sandbox: (IScriptSandbox?)sandbox ?? Jint());

        Assert.Equal("\"RangeError\"", JsHarness.Json(run));
    }

    [Fact]
    public void Jint_HeldMemoryPastTheCap_IsMemoryLimit_AndGarbageIsNot()
    {
        var held = JsHarness.Execute(sandbox: Jint(), code: "const keep = []; for (;;) keep.push(new Float64Array(1 << 20));", memoryBytes: DefaultCap, timeout: Generous);
        Assert.Equal(ErrorTypes.MemoryLimit, held.Outcome.ErrorType);
        Assert.Equal("memory limit of 128 MB exceeded", held.Outcome.Error);

        var garbage = JsHarness.Execute(sandbox: Jint(), code: "let n = 0; for (let i = 0; i < 400; i++) n += new Float64Array(1 << 20).length; n", memoryBytes: DefaultCap, timeout: Generous);
        Assert.True(garbage.Outcome.Success, garbage.Outcome.Error);
    }

    private static string Succeeds(string engine, string code)
    {
        using var sandbox = engine == EngineNames.V8 ? new V8Sandbox(memory: MemoryAccounting.PerProcess) : null;
        var run = JsHarness.Execute(code, memoryBytes: DefaultCap, timeout: Generous, sandbox: (IScriptSandbox?)sandbox ?? Jint());
        return JsHarness.Json(run);
    }

    private static JintSandbox Jint() => new(allowStringCompilation: false, MemoryAccounting.PerProcess);
}
