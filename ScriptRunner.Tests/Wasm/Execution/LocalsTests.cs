using ScriptRunner.Wasm;

namespace ScriptRunner.Tests.Wasm.Execution;

public class LocalsTests
{
    // 3000 locals of each kind: far more than a native frame should hold.
    private static readonly string ManyLocals = $$"""
        (module
          (func $deep (export "deep") (param i32) (result i64)
            (local {{string.Join(" ", Enumerable.Repeat("i64", 3000))}})
            (local {{string.Join(" ", Enumerable.Repeat("f64 v128 externref", 1000))}})
            (local.set 2999 (i64.extend_i32_u (local.get 0)))
            (if (result i64) (i32.eqz (local.get 0))
              (then (i64.const 0))
              (else
                (i64.add (local.get 2999) (call $deep (i32.sub (local.get 0) (i32.const 1)))))))
          (func (export "fresh") (param i32) (result i64 f64 i32)
            (local {{string.Join(" ", Enumerable.Repeat("i64 f64", 1500))}})
            (if (local.get 0) (then (local.set 2001 (i64.const 5)) (local.set 2998 (f64.const 1.5))))
            (local.tee 2001 (i64.add (local.get 2001) (i64.const 1)))
            (drop)
            (local.get 2001) (local.get 2998) (ref.is_null (ref.null extern))))
        """;

    private static readonly WasmFixtureCache Fixture = new(ManyLocals);

    [Fact]
    public void ThousandsOfLocals_KeepTheirValuesAcrossCalls() =>
        Assert.Equal(5050L, Fixture.Call("deep", Value.FromI32(100))[0].AsI64());

    [Fact]
    public void ThousandsOfLocals_StartAtZeroOnEveryCall()
    {
        var set = Fixture.Call("fresh", Value.FromI32(1));
        Assert.Equal((6L, 1.5, 1), (set[0].AsI64(), set[1].AsF64(), set[2].AsI32()));
        var fresh = Fixture.Call("fresh", Value.FromI32(0));
        Assert.Equal((1L, 0.0), (fresh[0].AsI64(), fresh[1].AsF64()));
    }

    [Fact]
    public async Task DeepRecursionThroughHugeFrames_OnThreadPoolThread_TrapsCleanly()
    {
        using var f = new WasmFixture(ManyLocals);
        var trap = await Task.Run(() => Assert.Throws<TrapException>(() => f.Call("deep", Value.FromI32(int.MaxValue))));
        Assert.Equal(TrapKind.CallStackExhausted, trap.Kind);
    }

    [Fact]
    public void RecursionThroughHugeFrames_CountsTheirSizeAgainstTheDepthLimit()
    {
        // About 40 KiB of locals per call: 20 000 depth units allow a few hundred calls, not 20 000.
        using var f = new WasmFixture(ManyLocals);
        Assert.Equal(5050L, f.CallI64("deep", Value.FromI32(100)));
        Assert.Throws<TrapException>(() => f.Call("deep", Value.FromI32(1000)));
    }
}
