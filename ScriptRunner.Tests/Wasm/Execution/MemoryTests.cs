using ScriptRunner.Wasm;

namespace ScriptRunner.Tests.Wasm.Execution;

public class MemoryTests
{
    private const string Module = """
        (module
          (memory (export "memory") 1 4)
          (data $greeting "hello")
          (func (export "size") (result i32) (memory.size))
          (func (export "grow") (param i32) (result i32) (memory.grow (local.get 0)))
          (func (export "load8") (param i32) (result i32) (i32.load8_u (local.get 0)))
          (func (export "store") (param i32 i32) (i32.store (local.get 0) (local.get 1)))
          (func (export "fill") (param i32 i32 i32) (memory.fill (local.get 0) (local.get 1) (local.get 2)))
          (func (export "copy") (param i32 i32 i32) (memory.copy (local.get 0) (local.get 1) (local.get 2)))
          (func (export "init") (param i32 i32 i32) (memory.init $greeting (local.get 0) (local.get 1) (local.get 2)))
          (func (export "drop") (data.drop $greeting))
          (func (export "grow-then-load") (result i32)
            (drop (memory.grow (i32.const 1)))
            (i32.store (i32.const 70000) (i32.const 1234))
            (i32.load (i32.const 70000))))
        """;

    private static Value I32(int v) => Value.FromI32(v);

    [Fact]
    public void Grow_ReturnsOldSizeAndZeroesNewPages()
    {
        using var f = new WasmFixture(Module);
        Assert.Equal(1, f.CallI32("grow", I32(2)));
        Assert.Equal(3, f.CallI32("size"));
        Assert.Equal(0, f.CallI32("load8", I32((3 * 65536) - 1)));
    }

    [Fact]
    public void Grow_PastDeclaredMaximum_ReturnsMinusOne()
    {
        using var f = new WasmFixture(Module);
        Assert.Equal(-1, f.CallI32("grow", I32(4)));
        Assert.Equal(1, f.CallI32("size"));
    }

    [Fact]
    public void Grow_PastStoreLimit_ReturnsMinusOne()
    {
        using var f = new WasmFixture(Module, new StoreLimits { MaxMemoryBytes = 2 * 65536 });
        Assert.Equal(-1, f.CallI32("grow", I32(2)));
        Assert.Equal(1, f.CallI32("grow", I32(1)));
        Assert.Equal(2 * 65536L, f.Store.MemoryPeakBytes);
    }

    [Fact]
    public void CodeAfterGrow_SeesTheNewPages()
    {
        using var f = new WasmFixture(Module);
        Assert.Equal(1234, f.CallI32("grow-then-load"));
    }

    [Fact]
    public void InitialMemoryAboveStoreLimit_FailsInstantiationWithMemoryLimitExceeded()
    {
        var trap = Assert.Throws<TrapException>(() => new WasmFixture(Module, new StoreLimits { MaxMemoryBytes = 1000 }));
        Assert.Equal(TrapKind.MemoryLimitExceeded, trap.Kind);
    }

    [Fact]
    public void FillAndCopy_WorkOnOverlappingRanges()
    {
        using var f = new WasmFixture(Module);
        f.Call("fill", I32(10), I32(0xAB), I32(4));
        f.Call("store", I32(14), I32(0x04030201));
        f.Call("copy", I32(12), I32(10), I32(8));
        var memory = f.Instance.GetMemory("memory")!;
        Assert.Equal(new byte[] { 0xAB, 0xAB, 0xAB, 0xAB, 0xAB, 0xAB, 1, 2, 3, 4 }, memory.GetSpan(10, 10).ToArray());
    }

    [Fact]
    public void Fill_PastTheEnd_TrapsAndWritesNothing()
    {
        using var f = new WasmFixture(Module);
        var trap = Assert.Throws<TrapException>(() => f.Call("fill", I32(65530), I32(1), I32(7)));
        Assert.Equal("out of bounds memory access", trap.Message);
        Assert.Equal(0, f.CallI32("load8", I32(65530)));
    }

    [Fact]
    public void Copy_WithZeroLengthAtTheEnd_Succeeds()
    {
        using var f = new WasmFixture(Module);
        f.Call("copy", I32(65536), I32(65536), I32(0));
    }

    [Fact]
    public void Init_CopiesFromThePassiveSegment()
    {
        using var f = new WasmFixture(Module);
        f.Call("init", I32(100), I32(1), I32(4));
        Assert.Equal("ello", f.Instance.GetMemory("memory")!.ReadString(100, 4));
    }

    [Fact]
    public void Init_AfterDataDrop_TrapsUnlessEmpty()
    {
        using var f = new WasmFixture(Module);
        f.Call("drop");
        f.Call("init", I32(0), I32(0), I32(0));
        Assert.Equal(TrapKind.OutOfBoundsMemoryAccess, Assert.Throws<TrapException>(() => f.Call("init", I32(0), I32(0), I32(1))).Kind);
    }

    [Fact]
    public void HostAccessors_ReadWhatWebAssemblyWrote()
    {
        using var f = new WasmFixture(Module);
        f.Call("store", I32(8), I32(-559038737));
        var memory = f.Instance.GetMemory("memory")!;
        Assert.Equal(-559038737, memory.ReadInt32(8));
        memory.WriteInt64(16, 0x0102030405060708);
        Assert.Equal(8, f.CallI32("load8", I32(16)));
        Assert.Equal(65536, memory.Length);
    }

    [Fact]
    public void HostAccessors_OutOfRange_Trap()
    {
        using var f = new WasmFixture(Module);
        var memory = f.Instance.GetMemory("memory")!;
        Assert.Equal(TrapKind.OutOfBoundsMemoryAccess, Assert.Throws<TrapException>(() => memory.GetSpan(65535, 2)).Kind);
        Assert.Throws<TrapException>(() => memory.ReadInt64(-1));
    }

    [Fact]
    public void StandaloneMemory_GrowsWithinItsMaximum()
    {
        using var store = new Store(new Engine());
        var memory = new Memory(store, 0, 2);
        Assert.Equal(0, memory.Grow(1));
        Assert.Equal(1, memory.Grow(1));
        Assert.Equal(-1, memory.Grow(1));
        Assert.Equal(2u, memory.Pages);
    }

    [Fact]
    public void StoreDispose_FreesMemory()
    {
        var f = new WasmFixture(Module);
        var memory = f.Instance.GetMemory("memory")!;
        f.Dispose();
        Assert.Equal(0, memory.Length);
        Assert.Throws<TrapException>(() => memory.ReadInt32(0));
    }
}
