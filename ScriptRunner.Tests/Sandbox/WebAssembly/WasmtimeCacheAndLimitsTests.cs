using System.Text;
using ScriptRunner.Core.Execution;
using ScriptRunner.Core.Model;
using ScriptRunner.Sandbox.WebAssembly;
using ScriptRunner.Sandbox.WebAssembly.Wasmtime;
using ScriptRunner.Tests.Support;

namespace ScriptRunner.Tests.Sandbox.WebAssembly;

/// <summary>Wasmtime's compiled-module disk cache, its store limits and its export names.</summary>
public sealed class WasmtimeCacheAndLimitsTests
{
    [Fact]
    public void SecondProcess_LoadsTheCompiledModuleFromDisk()
    {
        var directory = WasmEngines.NewCacheDirectory();
        var code = WasmFixtures.Load("reactor.wasm");

        var first = RunIn(directory, code, "add", 1, 2);
        var second = RunIn(directory, code, "add", 3, 4);

        Assert.Equal(CacheHit.Miss, first.Outcome.CacheHit);
        Assert.True(first.Outcome.CompileTimeMs > 0);
        Assert.Equal(CacheHit.Disk, second.Outcome.CacheHit);
        Assert.Equal("7", second.Outcome.Result!.ToJsonString());
    }

    [Fact]
    public void SameProcess_AnswersFromMemory()
    {
        var directory = WasmEngines.NewCacheDirectory();
        using var runtime = WasmEngines.NewWasmtimeRuntime(directory);
        var code = WasmFixtures.Load("handler.wasm");

        WasmRun.Execute(code, handler: "add", parameters: [1, 2], engineName: EngineNames.Wasmtime, runtime: runtime);
        var warm = WasmRun.Execute(code, handler: "add", parameters: [1, 2], engineName: EngineNames.Wasmtime, runtime: runtime);

        Assert.Equal(CacheHit.Memory, warm.Outcome.CacheHit);
        Assert.Equal(0, warm.Outcome.CompileTimeMs);
    }

    [Fact]
    public void CorruptEntry_IsRecompiled_NeverLoaded()
    {
        var directory = WasmEngines.NewCacheDirectory();
        var code = WasmFixtures.Load("reactor.wasm");
        RunIn(directory, code, "add", 1, 2);
        var entry = Directory.GetFiles(directory, "*.cache").Single();
        var bytes = File.ReadAllBytes(entry);
        bytes[^100] ^= 0xFF;
        File.WriteAllBytes(entry, bytes);

        var run = RunIn(directory, code, "add", 5, 6);

        Assert.True(run.Outcome.Success, run.Outcome.Error);
        Assert.Equal("11", run.Outcome.Result!.ToJsonString());
        Assert.Equal(CacheHit.Miss, run.Outcome.CacheHit);
    }

    [Fact]
    public void TruncatedEntry_IsRecompiled()
    {
        var directory = WasmEngines.NewCacheDirectory();
        var code = WasmFixtures.Load("reactor.wasm");
        RunIn(directory, code, "add", 1, 2);
        var entry = Directory.GetFiles(directory, "*.cache").Single();
        File.WriteAllBytes(entry, File.ReadAllBytes(entry)[..40]);

        var run = RunIn(directory, code, "add", 2, 2);

        Assert.Equal("4", run.Outcome.Result!.ToJsonString());
        Assert.Equal(CacheHit.Miss, run.Outcome.CacheHit);
    }

    [Fact]
    public void CompileFailure_IsCached_AndAnsweredFromDiskByTheNextProcess()
    {
        var directory = WasmEngines.NewCacheDirectory();
        var code = "\0asm\x01\0\0\0\x01\x05"u8.ToArray();

        var first = RunIn(directory, code, null);
        var second = RunIn(directory, code, null);

        Assert.Equal(ErrorTypes.CompileError, first.Outcome.ErrorType);
        Assert.Equal("malformed module: unexpected end-of-file (at offset 0xa)", first.Outcome.Error);
        Assert.Equal(first.Outcome.Error, second.Outcome.Error);
        Assert.Equal(CacheHit.Disk, second.Outcome.CacheHit);
    }

    [Fact]
    public void CacheKey_NamesTheConfiguration_SoEpochAndPlainCodeNeverMix()
    {
        using var plain = WasmEngines.NewWasmtimeRuntime(interrupt: WasmtimeRuntime.NoInterrupt);
        using var epoch = WasmEngines.NewWasmtimeRuntime(interrupt: WasmtimeRuntime.EpochInterrupt);

        Assert.NotEqual(plain.Fingerprint, epoch.Fingerprint);
    }

    [Fact]
    public void FiveHundredTables_AreRejectedByTheValidator()
    {
        var run = WasmRun.Execute(WatCompiler.Compile(ManyTables(500)), handler: "run", engineName: EngineNames.Wasmtime);

        Assert.Equal(ErrorTypes.CompileError, run.Outcome.ErrorType);
        Assert.StartsWith("malformed module: tables count exceeds limit", run.Outcome.Error);
    }

    [Fact]
    public void HundredTables_AreRefusedAtInstantiation_AsMemoryLimit()
    {
        var run = WasmRun.Execute(WatCompiler.Compile(ManyTables(100)), handler: "run", engineName: EngineNames.Wasmtime);

        Assert.Equal(ErrorTypes.MemoryLimit, run.Outcome.ErrorType);
        Assert.StartsWith("memory limit exceeded: resource limit exceeded", run.Outcome.Error);
        Assert.EndsWith("(the execution's memory limit is 64 MiB)", run.Outcome.Error);
    }

    [Fact]
    public void TableGrowth_PastItsShareOfTheMemoryCap_IsRefused_AndTheModuleSeesIt()
    {
        const string module = """
            (module
              (table 1 funcref)
              (func (export "grow") (result i32) (table.grow 0 (ref.null func) (i32.const 1000000))))
            """;

        var run = WasmRun.Execute(WatCompiler.Compile(module), handler: "grow", memoryLimitBytes: 64L * 1024 * 1024, engineName: EngineNames.Wasmtime);

        // 64 MiB shared by 16 tables of 8-byte elements is 524,288 elements per table.
        Assert.Equal(524_288u, WasmLimits.TableElementsFor(64L * 1024 * 1024));
        Assert.Equal("-1", run.Outcome.Result!.ToJsonString());
    }

    [Theory]
    [MemberData(nameof(WasmEngines.Names), MemberType = typeof(WasmEngines))]
    public void ExportNamedWithALeadingDigitOrSpace_IsCallable(string engine)
    {
        const string module = """(module (func (export "1st export") (result i32) (i32.const 42)))""";

        var run = WasmRun.Execute(WatCompiler.Compile(module), handler: "1st export", engineName: engine);

        Assert.Equal("42", run.Outcome.Result!.ToJsonString());
    }

    [Fact]
    public void TrapStack_ListsFunctionsWithOffsets()
    {
        const string module = """
            (module
              (func $inner (result i32) (i32.load (i32.const 70000)))
              (memory 1)
              (func (export "outer") (result i32) (call $inner)))
            """;

        var run = WasmRun.Execute(WatCompiler.Compile(module), handler: "outer", engineName: EngineNames.Wasmtime);

        Assert.Equal(ErrorTypes.Trap, run.Outcome.ErrorType);
        Assert.StartsWith("wasm trap: out of bounds memory access", run.Outcome.Error);
        Assert.Matches(@"^at \S+ \(function offset 0x[0-9a-f]+, module offset 0x[0-9a-f]+\)\nat \S+ \(function offset", run.Outcome.Stack!);
    }

    // A small module whose tables, each grown to a million entries, would take gigabytes.
    private static string ManyTables(int count)
    {
        var text = new StringBuilder("(module\n");
        for (var i = 0; i < count; i++) text.AppendLine("  (table 1 funcref)");
        text.AppendLine($"  (func (export \"run\") (result i32) (table.grow {count - 1} (ref.null func) (i32.const 1000000))))");
        return text.ToString();
    }

    private static WasmRun RunIn(string directory, byte[] code, string? handler, params object[] parameters)
    {
        // A new runtime stands for a new sandbox process: nothing in memory, only the shared folder.
        using var runtime = WasmEngines.NewWasmtimeRuntime(directory);
        return WasmRun.Execute(code, handler: handler, parameters: parameters, engineName: EngineNames.Wasmtime, runtime: runtime);
    }
}
