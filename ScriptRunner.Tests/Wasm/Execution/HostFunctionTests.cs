using ScriptRunner.Tests.Support;
using ScriptRunner.Wasm;

namespace ScriptRunner.Tests.Wasm.Execution;

public class HostFunctionTests
{
    private const string Wasm = """
        (module
          (import "env" "add" (func $add (param i32 i32) (result i32)))
          (import "env" "log" (func $log (param i32 i32)))
          (import "env" "pair" (func $pair (param i32) (result i32 i64)))
          (import "env" "fail" (func $fail))
          (memory (export "memory") 1)
          (data (i32.const 16) "from wasm")
          (func (export "add") (param i32 i32) (result i32) (call $add (local.get 0) (local.get 1)))
          (func (export "log") (call $log (i32.const 16) (i32.const 9)))
          (func (export "pair") (param i32) (result i64) (local i64)
            (call $pair (local.get 0))
            (local.set 1)
            (i64.extend_i32_s)
            (local.get 1)
            (i64.add))
          (func (export "fail") (call $fail))
          (func (export "double") (param i32) (result i32) (i32.mul (local.get 0) (i32.const 2))))
        """;

    private static Action<Linker> Define(Action fail, Action<string>? log = null) => linker => linker
        .DefineFunction("env", "add", (int a, int b) => a + b)
        .DefineFunction("env", "log", (Caller caller, int pointer, int length) => log?.Invoke(caller.GetMemory()!.ReadString(pointer, length)))
        .DefineFunction("env", "pair", (int x) => (x + 1, (long)x * 100))
        .DefineFunction("env", "fail", new FunctionType([], []), (_, _, _) => fail());

    [Fact]
    public void TypedDelegate_ReceivesAndReturnsValues()
    {
        using var f = new WasmFixture(Wasm, define: Define(() => { }));
        Assert.Equal(5, f.CallI32("add", Value.FromI32(2), Value.FromI32(3)));
    }

    [Fact]
    public void TypedDelegate_WithCaller_ReadsTheCallersMemory()
    {
        string? logged = null;
        using var f = new WasmFixture(Wasm, define: Define(() => { }, text => logged = text));
        f.Call("log");
        Assert.Equal("from wasm", logged);
    }

    [Fact]
    public void TypedDelegate_ReturningTuple_ProducesMultipleResults()
    {
        using var f = new WasmFixture(Wasm, define: Define(() => { }));
        Assert.Equal(708L, f.CallI64("pair", Value.FromI32(7)));
    }

    [Fact]
    public void HostException_BecomesHostErrorTrapWithInnerException()
    {
        using var f = new WasmFixture(Wasm, define: Define(() => throw new InvalidOperationException("boom")));
        var trap = Assert.Throws<TrapException>(() => f.Call("fail"));
        Assert.Equal(TrapKind.HostError, trap.Kind);
        Assert.IsType<InvalidOperationException>(trap.InnerException);
        Assert.Contains("boom", trap.Message);
    }

    [Fact]
    public void ExitException_PropagatesUnchanged()
    {
        using var f = new WasmFixture(Wasm, define: Define(() => throw new ExitException(7)));
        Assert.Equal(7, Assert.Throws<ExitException>(() => f.Call("fail")).Code);
    }

    [Fact]
    public void TrapFromHost_PropagatesUnchanged()
    {
        using var f = new WasmFixture(Wasm, define: Define(() => throw new TrapException(TrapKind.OutOfFuel, "host budget")));
        var trap = Assert.Throws<TrapException>(() => f.Call("fail"));
        Assert.Equal(TrapKind.OutOfFuel, trap.Kind);
        Assert.Equal("host budget", trap.Message);
    }

    [Fact]
    public void HostFunction_CanCallBackIntoTheInstance()
    {
        Instance? instance = null;
        var result = 0;
        using var f = new WasmFixture(Wasm, define: Define(() => result = instance!.GetFunction("double")!.Invoke(Value.FromI32(21))[0].AsI32()));
        instance = f.Instance;
        f.Call("fail");
        Assert.Equal(42, result);
    }

    [Fact]
    public void RawCallback_ReturningWrongKind_IsHostError()
    {
        var engine = new Engine();
        using var store = new Store(engine);
        var linker = new Linker(engine);
        var wasm = WatCompiler.Compile("""(module (import "env" "f" (func $f (result i32))) (func (export "run") (result i32) (call $f)))""");
        linker.DefineFunction("env", "f", new FunctionType([], [ValueKind.I32]), (_, _, results) => results[0] = Value.FromI64(1));
        var instance = linker.Instantiate(store, Module.FromBytes(engine, wasm));
        Assert.Equal(TrapKind.HostError, Assert.Throws<TrapException>(() => instance.GetFunction("run")!.Invoke()).Kind);
    }

    [Fact]
    public void Invoke_WithWrongArguments_ThrowsArgumentExceptionNamingTheSignature()
    {
        using var f = new WasmFixture(Wasm, define: Define(() => { }));
        var error = Assert.Throws<ArgumentException>(() => f.Call("add", Value.FromI64(1), Value.FromI32(2)));
        Assert.Contains("(i32, i32) -> (i32)", error.Message);
        Assert.Contains("add", error.Message);
    }

    [Fact]
    public void Instantiate_WithMissingImports_ListsEveryOne()
    {
        var engine = new Engine();
        using var store = new Store(engine);
        var module = Module.FromBytes(engine, WatCompiler.Compile(Wasm));
        var linker = new Linker(engine).DefineFunction("env", "add", (int a, int b) => a);
        var error = Assert.Throws<LinkException>(() => linker.Instantiate(store, module));
        Assert.Equal(["env::log", "env::pair", "env::fail"], error.UnknownImports);
        Assert.StartsWith("unknown import", error.Message);
    }

    [Fact]
    public void Instantiate_WithWrongFunctionType_FailsWithIncompatibleImportType()
    {
        var engine = new Engine();
        using var store = new Store(engine);
        var module = Module.FromBytes(engine, WatCompiler.Compile(Wasm));
        var linker = new Linker(engine);
        Define(() => { })(linker);
        linker.DefineFunction("env", "add", (long a, long b) => a + b);
        var error = Assert.Throws<LinkException>(() => linker.Instantiate(store, module));
        Assert.StartsWith("incompatible import type", error.Message);
    }

    [Fact]
    public void TypedDelegate_WithUnsupportedParameter_IsRejected() =>
        Assert.Throws<ArgumentException>(() => new Linker(new Engine()).DefineFunction("env", "bad", (string s) => 1));
}
