using System.Text.Json;
using ScriptRunner.Core.Execution;
using ScriptRunner.Core.Model;
using ScriptRunner.Sandbox.WebAssembly;
using ScriptRunner.Tests.Core.Sandboxing;
using ScriptRunner.Tests.Support;

namespace ScriptRunner.Tests.Sandbox.WebAssembly;

/// <summary>
/// At the memory cap both WebAssembly engines give the same answer: the engine's own limit answers first
/// (<c>memory.grow</c> and <c>table.grow</c> return -1, instantiation past a limit is <c>MemoryLimit</c>), and the
/// process wall above the cap never takes a run that stayed under it.
/// </summary>
public sealed class WasmMemoryCapTests
{
    private const long Cap = 64L * 1024 * 1024;

    // Grows memory to $pages pages and writes one byte into every 4 KiB, so every page is resident.
    private const string FillModule = """
        (module
          (memory (export "memory") 1)
          (func (export "fill") (param $pages i32) (result i32)
            (local $i i32) (local $end i32)
            (if (i32.eq (memory.grow (i32.sub (local.get $pages) (i32.const 1))) (i32.const -1))
              (then (return (i32.const -1))))
            (local.set $end (i32.mul (local.get $pages) (i32.const 65536)))
            (loop $touch
              (i32.store8 (local.get $i) (i32.const 1))
              (local.set $i (i32.add (local.get $i) (i32.const 4096)))
              (br_if $touch (i32.lt_u (local.get $i) (local.get $end))))
            (memory.size)))
        """;

    [Theory]
    [MemberData(nameof(WasmEngines.Names), MemberType = typeof(WasmEngines))]
    public async Task MemoryJustUnderA512MbCap_EveryPageTouched_SucceedsInASandboxProcess(string engine)
    {
        await using var harness = new PoolHarness();
        const int pages = 511 * 16;

        var run = await harness.Pool.RunAsync(FillJob(engine, pages, 512), harness.NewCapture(), CancellationToken.None);

        Assert.True(run.Outcome.Success, $"{run.Outcome.ErrorType}: {run.Outcome.Error}");
        Assert.Equal(pages, run.Outcome.Result!.GetValue<int>());
    }

    [Theory]
    [MemberData(nameof(WasmEngines.Names), MemberType = typeof(WasmEngines))]
    public void GrowingPastTheCap_ReturnsMinusOne(string engine)
    {
        var run = WasmRun.Execute(WatCompiler.Compile(FillModule), handler: "fill", parameters: [1025], memoryLimitBytes: Cap, engineName: engine);

        Assert.True(run.Outcome.Success, run.Outcome.Error);
        Assert.Equal("-1", run.Outcome.Result!.ToJsonString());
    }

    [Theory]
    [MemberData(nameof(WasmEngines.Names), MemberType = typeof(WasmEngines))]
    public void GrowingToTheCap_TouchingEveryPage_Succeeds(string engine)
    {
        var run = WasmRun.Execute(WatCompiler.Compile(FillModule), handler: "fill", parameters: [1024], memoryLimitBytes: Cap, engineName: engine);

        Assert.True(run.Outcome.Success, run.Outcome.Error);
        Assert.Equal("1024", run.Outcome.Result!.ToJsonString());
    }

    [Theory]
    [MemberData(nameof(WasmEngines.Names), MemberType = typeof(WasmEngines))]
    public void SixteenTables_AreAllowed(string engine)
    {
        var run = WasmRun.Execute(WatCompiler.Compile(Tables(WasmLimits.MaxTables)), handler: "run", memoryLimitBytes: Cap, engineName: engine);

        Assert.True(run.Outcome.Success, run.Outcome.Error);
    }

    [Theory]
    [MemberData(nameof(WasmEngines.Names), MemberType = typeof(WasmEngines))]
    public void SeventeenTables_AreAMemoryLimitAtInstantiation(string engine)
    {
        var run = WasmRun.Execute(WatCompiler.Compile(Tables(WasmLimits.MaxTables + 1)), handler: "run", memoryLimitBytes: Cap, engineName: engine);

        Assert.Equal(ErrorTypes.MemoryLimit, run.Outcome.ErrorType);
        Assert.StartsWith("memory limit exceeded", run.Outcome.Error);
    }

    [Theory]
    [MemberData(nameof(WasmEngines.Names), MemberType = typeof(WasmEngines))]
    public void TableGrowth_ToItsShareOfTheCap_Succeeds_AndOneMoreElementIsRefused(string engine)
    {
        var bound = WasmLimits.TableElementsFor(Cap);
        var module = $$"""
            (module
              (table 1 funcref)
              (func (export "grow") (param i32) (result i32) (table.grow 0 (ref.null func) (local.get 0))))
            """;

        var toTheBound = WasmRun.Execute(WatCompiler.Compile(module), handler: "grow", parameters: [bound - 1], memoryLimitBytes: Cap, engineName: engine);
        var past = WasmRun.Execute(WatCompiler.Compile(module), handler: "grow", parameters: [bound], memoryLimitBytes: Cap, engineName: engine);

        Assert.Equal("1", toTheBound.Outcome.Result!.ToJsonString());
        Assert.Equal("-1", past.Outcome.Result!.ToJsonString());
    }

    [Theory]
    [MemberData(nameof(WasmEngines.Names), MemberType = typeof(WasmEngines))]
    public void AppLogWithAHalfGigabyteLength_IsCutToTheLogCap_NotCopied(string engine)
    {
        // The length runs to the end of a 512 MiB memory: the host checks the range, then decodes only what the cap keeps.
        const string module = """
            (module
              (import "env" "app_log" (func $log (param i32 i32 i32 i32)))
              (memory (export "memory") 8192)
              (data (i32.const 0) "info")
              (func (export "run") (call $log (i32.const 0) (i32.const 4) (i32.const 16) (i32.const 536870896))))
            """;

        var run = WasmRun.Execute(WatCompiler.Compile(module), handler: "run", memoryLimitBytes: 512L * 1024 * 1024, engineName: engine);

        Assert.True(run.Outcome.Success, $"{run.Outcome.ErrorType}: {run.Outcome.Error}");
        var entry = Assert.Single(run.Output.Logs);
        // The memory past the data is zeros, each escaped as six bytes of JSON: the cap counts the answer's bytes.
        Assert.InRange(ScriptRunner.Core.Hosting.JsonTextSize.Of(entry.Message), 16 * 1024 - 6, 16 * 1024);
        Assert.True(run.Output.Truncated.Logs);
    }

    private static string Tables(int count) =>
        $"(module {string.Concat(Enumerable.Repeat("(table 1 funcref) ", count))}(func (export \"run\")))";

    private static SandboxJob FillJob(string engine, int pages, int memoryMb)
    {
        var code = WatCompiler.Compile(FillModule);
        return new SandboxJob
        {
            Code = code,
            Sha256 = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(code)),
            CodeType = CodeType.Wasm,
            Engine = engine,
            Handler = "fill",
            Params = [JsonSerializer.SerializeToElement(pages)],
            Timeout = TimeSpan.FromSeconds(60),
            MemoryLimitBytes = memoryMb * 1024L * 1024L,
        };
    }
}
