using ScriptRunner.Wasm;

namespace ScriptRunner.Tests.Wasm.Execution;

public class TableTests
{
    private const string Module = """
        (module
          (type $unary (func (param i32) (result i32)))
          (type $nullary (func (result i32)))
          (table $t (export "table") 4 10 funcref)
          (elem (table $t) (i32.const 0) func $double $answer)
          (elem $passive func $double)
          (func $double (param i32) (result i32) (i32.mul (local.get 0) (i32.const 2)))
          (func $answer (result i32) (i32.const 42))
          (func (export "call-unary") (param i32 i32) (result i32)
            (call_indirect $t (type $unary) (local.get 1) (local.get 0)))
          (func (export "call-nullary") (param i32) (result i32)
            (call_indirect $t (type $nullary) (local.get 0)))
          (func (export "grow") (param i32) (result i32) (table.grow $t (ref.null func) (local.get 0)))
          (func (export "size") (result i32) (table.size $t))
          (func (export "copy") (param i32 i32 i32) (table.copy $t $t (local.get 0) (local.get 1) (local.get 2)))
          (func (export "init") (param i32 i32 i32) (table.init $t $passive (local.get 0) (local.get 1) (local.get 2)))
          (func (export "is-null") (param i32) (result i32) (ref.is_null (table.get $t (local.get 0)))))
        """;

    private static Value I32(int v) => Value.FromI32(v);

    [Fact]
    public void CallIndirect_CallsTheEntryOfTheRightType()
    {
        using var f = new WasmFixture(Module);
        Assert.Equal(42, f.CallI32("call-unary", I32(0), I32(21)));
        Assert.Equal(42, f.CallI32("call-nullary", I32(1)));
    }

    [Fact]
    public void CallIndirect_WrongType_TrapsWithIndirectCallTypeMismatch()
    {
        using var f = new WasmFixture(Module);
        var trap = Assert.Throws<TrapException>(() => f.Call("call-nullary", I32(0)));
        Assert.Equal(TrapKind.IndirectCallTypeMismatch, trap.Kind);
        Assert.Equal("indirect call type mismatch", trap.Message);
    }

    [Fact]
    public void CallIndirect_NullEntry_TrapsWithUninitializedElement()
    {
        using var f = new WasmFixture(Module);
        Assert.Equal("uninitialized element", Assert.Throws<TrapException>(() => f.Call("call-nullary", I32(3))).Message);
    }

    [Fact]
    public void CallIndirect_PastTheEnd_TrapsWithUndefinedElement()
    {
        using var f = new WasmFixture(Module);
        Assert.Equal("undefined element", Assert.Throws<TrapException>(() => f.Call("call-nullary", I32(4))).Message);
    }

    [Fact]
    public void Grow_PastStoreLimit_ReturnsMinusOne()
    {
        using var f = new WasmFixture(Module, new StoreLimits { MaxTableElements = 6 });
        Assert.Equal(-1, f.CallI32("grow", I32(3)));
        Assert.Equal(4, f.CallI32("grow", I32(2)));
        Assert.Equal(6, f.CallI32("size"));
    }

    [Fact]
    public void Grow_PastDeclaredMaximum_ReturnsMinusOne()
    {
        using var f = new WasmFixture(Module);
        Assert.Equal(-1, f.CallI32("grow", I32(7)));
    }

    [Fact]
    public void CopyAndInit_MoveFunctionReferences()
    {
        using var f = new WasmFixture(Module);
        f.Call("copy", I32(2), I32(0), I32(2));
        Assert.Equal(42, f.CallI32("call-nullary", I32(3)));
        f.Call("init", I32(3), I32(0), I32(1));
        Assert.Equal(10, f.CallI32("call-unary", I32(3), I32(5)));
    }

    [Fact]
    public void Copy_OutOfRange_TrapsWithOutOfBoundsTableAccess()
    {
        using var f = new WasmFixture(Module);
        var trap = Assert.Throws<TrapException>(() => f.Call("copy", I32(3), I32(0), I32(2)));
        Assert.Equal("out of bounds table access", trap.Message);
    }

    [Fact]
    public void HostApi_SeesAndSetsTheSameEntries()
    {
        using var f = new WasmFixture(Module);
        var table = f.Instance.GetTable("table")!;
        Assert.Equal(4u, table.Size);
        var answer = table.Get(1).AsFuncRef()!;
        Assert.Equal(42, answer.Invoke()[0].AsI32());
        table.Set(2, Value.FromFuncRef(answer));
        Assert.Equal(0, f.CallI32("is-null", I32(2)));
        Assert.Throws<TrapException>(() => table.Get(4));
    }

    [Fact]
    public void HostFunctionInTable_IsCallableIndirectly()
    {
        using var f = new WasmFixture(Module);
        var type = new FunctionType([ValueKind.I32], [ValueKind.I32]);
        var host = new Function(f.Store, type, (_, args, results) => results[0] = Value.FromI32(args[0].AsI32() + 1000));
        f.Instance.GetTable("table")!.Set(3, Value.FromFuncRef(host));
        Assert.Equal(1007, f.CallI32("call-unary", I32(3), I32(7)));
    }
}
