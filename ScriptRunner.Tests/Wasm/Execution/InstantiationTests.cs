using ScriptRunner.Tests.Support;
using ScriptRunner.Wasm;

namespace ScriptRunner.Tests.Wasm.Execution;

public class InstantiationTests
{
    [Fact]
    public void StartFunction_RunsDuringInstantiation()
    {
        using var f = new WasmFixture("""
            (module
              (global $g (export "g") (mut i32) (i32.const 1))
              (func $start (global.set $g (i32.const 99)))
              (start $start))
            """);
        Assert.Equal(99, f.Instance.GetGlobal("g")!.Value.AsI32());
    }

    [Fact]
    public void StartFunctionTrap_FailsInstantiation()
    {
        var trap = Assert.Throws<TrapException>(() => new WasmFixture("(module (func $s (unreachable)) (start $s))"));
        Assert.Equal(TrapKind.Unreachable, trap.Kind);
    }

    [Fact]
    public void DataSegmentOutOfBounds_TrapsAfterEarlierSegmentsWereWritten()
    {
        var engine = new Engine();
        using var store = new Store(engine);
        var memory = new Memory(store, 1, null);
        var linker = new Linker(engine).Define("env", "memory", memory);
        var module = Module.FromBytes(engine, WatCompiler.Compile("""
            (module
              (import "env" "memory" (memory 1))
              (data (i32.const 0) "ok")
              (data (i32.const 65535) "xx"))
            """));
        var trap = Assert.Throws<TrapException>(() => linker.Instantiate(store, module));
        Assert.Equal("out of bounds memory access", trap.Message);
        Assert.Equal("ok", memory.ReadString(0, 2));
    }

    [Fact]
    public void ElementSegmentOutOfBounds_TrapsWithTableMessage()
    {
        var trap = Assert.Throws<TrapException>(() => new WasmFixture("""
            (module (table 1 funcref) (func $f) (elem (i32.const 1) func $f))
            """));
        Assert.Equal("out of bounds table access", trap.Message);
    }

    [Fact]
    public void ImportedGlobal_IsASharedCell()
    {
        var engine = new Engine();
        using var store = new Store(engine);
        var counter = new Global(store, ValueKind.I64, mutable: true, Value.FromI64(5));
        var linker = new Linker(engine).Define("env", "counter", counter);
        var module = Module.FromBytes(engine, WatCompiler.Compile("""
            (module
              (import "env" "counter" (global $c (mut i64)))
              (global $k (export "k") i64 (i64.const 5))
              (func (export "bump") (global.set $c (i64.add (global.get $c) (i64.const 1)))))
            """));
        var instance = linker.Instantiate(store, module);
        instance.GetFunction("bump")!.Invoke();
        counter.Value = Value.FromI64(counter.Value.AsI64() * 10);
        instance.GetFunction("bump")!.Invoke();
        Assert.Equal(61L, counter.Value.AsI64());
        Assert.Throws<InvalidOperationException>(() => instance.GetGlobal("k")!.Value = Value.FromI64(1));
    }

    [Theory]
    [InlineData(1u, 4u, true)]
    [InlineData(2u, 3u, true)]
    [InlineData(1u, null, false)]
    [InlineData(2u, 5u, false)]
    [InlineData(0u, 3u, false)]
    public void ImportedMemory_MatchesLimitsBySubtyping(uint min, uint? max, bool compatible)
    {
        var engine = new Engine();
        using var store = new Store(engine);
        var linker = new Linker(engine).Define("env", "memory", new Memory(store, min, max));
        var module = Module.FromBytes(engine, WatCompiler.Compile("""(module (import "env" "memory" (memory 1 4)))"""));
        if (compatible)
        {
            Assert.NotNull(linker.Instantiate(store, module));
        }
        else
        {
            Assert.StartsWith("incompatible import type", Assert.Throws<LinkException>(() => linker.Instantiate(store, module)).Message);
        }
    }

    [Fact]
    public void Instances_ShareImportedTablesAndFunctions()
    {
        var engine = new Engine();
        using var store = new Store(engine);
        var linker = new Linker(engine);
        var provider = linker.Instantiate(store, Module.FromBytes(engine, WatCompiler.Compile("""
            (module
              (table (export "table") 2 funcref)
              (func $seven (export "seven") (result i32) (i32.const 7))
              (elem (i32.const 0) func $seven))
            """)));
        linker.DefineInstance("provider", provider);
        var consumer = linker.Instantiate(store, Module.FromBytes(engine, WatCompiler.Compile("""
            (module
              (import "provider" "table" (table 2 funcref))
              (import "provider" "seven" (func $seven (result i32)))
              (func (export "both") (result i32)
                (i32.add (call $seven) (call_indirect (result i32) (i32.const 0)))))
            """)));
        Assert.Equal(14, consumer.GetFunction("both")!.Invoke()[0].AsI32());
    }
}
