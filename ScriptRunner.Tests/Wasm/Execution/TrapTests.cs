using ScriptRunner.Wasm;

namespace ScriptRunner.Tests.Wasm.Execution;

public class TrapTests
{
    private static readonly WasmFixtureCache Fixture = new("""
        (module
          (memory 1)
          (func $inner (export "unreachable") (unreachable))
          (func (export "nested") (call $inner))
          (func (export "load") (param i32) (result i32) (i32.load offset=4 (local.get 0)))
          (func (export "store") (param i32) (i64.store (local.get 0) (i64.const 1))))
        """);

    [Fact]
    public void Unreachable_TrapsWithSpecMessage()
    {
        var trap = Assert.Throws<TrapException>(() => Fixture.Call("unreachable"));
        Assert.Equal(TrapKind.Unreachable, trap.Kind);
        Assert.Equal("unreachable", trap.Message);
    }

    [Fact]
    public void Trap_NamesTheFunctionItHappenedIn()
    {
        var trap = Assert.Throws<TrapException>(() => Fixture.Call("nested"));
        Assert.Equal("unreachable", trap.FunctionName);
    }

    [Fact]
    public void Load_PastTheEnd_TrapsWithOutOfBoundsMemoryAccess()
    {
        var trap = Assert.Throws<TrapException>(() => Fixture.Call("load", Value.FromI32(65532)));
        Assert.Equal(TrapKind.OutOfBoundsMemoryAccess, trap.Kind);
        Assert.Equal("out of bounds memory access", trap.Message);
    }

    [Fact]
    public void Load_LastValidAddress_Succeeds() => Assert.Equal(0, Fixture.Call("load", Value.FromI32(65528))[0].AsI32());

    [Fact]
    public void Load_AddressPlusOffsetBeyondFourGiB_TrapsInsteadOfWrapping() =>
        Assert.Equal(TrapKind.OutOfBoundsMemoryAccess, Assert.Throws<TrapException>(() => Fixture.Call("load", Value.FromI32(-2))).Kind);

    [Fact]
    public void Store_StraddlingTheEnd_Traps() =>
        Assert.Equal("out of bounds memory access", Assert.Throws<TrapException>(() => Fixture.Call("store", Value.FromI32(65530))).Message);
}
