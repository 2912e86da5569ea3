using System.Diagnostics;
using ScriptRunner.Wasm;

namespace ScriptRunner.Tests.Wasm.Execution;

public class LimitsTests
{
    private const string Module = """
        (module
          (func (export "spin") (loop $l (br $l)))
          (func $recurse (export "recurse") (param i32) (result i32)
            (i32.add (call $recurse (i32.add (local.get 0) (i32.const 1))) (i32.const 1)))
          (func $fib (export "fib") (param i32) (result i32)
            (if (result i32) (i32.lt_s (local.get 0) (i32.const 2))
              (then (local.get 0))
              (else (i32.add (call $fib (i32.sub (local.get 0) (i32.const 1)))
                             (call $fib (i32.sub (local.get 0) (i32.const 2)))))))
          (func (export "count") (param i32) (result i32) (local i32)
            (loop $l
              (local.set 1 (i32.add (local.get 1) (i32.const 1)))
              (br_if $l (i32.lt_s (local.get 1) (local.get 0))))
            (local.get 1)))
        """;

    // Deadline tests only bound the wait generously; speed is measured by the benchmarks.
    private static readonly TimeSpan Generous = TimeSpan.FromSeconds(10);

    [Fact]
    public void InfiniteLoop_WithTimeout_EndsWithTimeoutTrap()
    {
        using var f = new WasmFixture(Module, new StoreLimits { Timeout = TimeSpan.FromMilliseconds(200) });
        var clock = Stopwatch.StartNew();
        var trap = Assert.Throws<TrapException>(() => f.Call("spin"));
        Assert.Equal(TrapKind.Timeout, trap.Kind);
        Assert.True(clock.Elapsed < Generous, $"took {clock.Elapsed}");
    }

    [Fact]
    public void InfiniteLoop_WithCancelledToken_EndsWithTimeoutTrap()
    {
        using var f = new WasmFixture(Module);
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));
        f.Store.CancellationToken = cancellation.Token;
        var clock = Stopwatch.StartNew();
        Assert.Equal(TrapKind.Timeout, Assert.Throws<TrapException>(() => f.Call("spin")).Kind);
        Assert.True(clock.Elapsed < Generous, $"took {clock.Elapsed}");
    }

    [Fact]
    public void ExponentialRecursionWithoutLoops_WithTimeout_EndsWithTimeoutTrap()
    {
        using var f = new WasmFixture(Module, new StoreLimits { Timeout = TimeSpan.FromMilliseconds(200) });
        Assert.Equal(TrapKind.Timeout, Assert.Throws<TrapException>(() => f.Call("fib", Value.FromI32(60))).Kind);
    }

    [Fact]
    public void StoreAfterTimeout_RunsTheNextCallNormally()
    {
        using var f = new WasmFixture(Module, new StoreLimits { Timeout = TimeSpan.FromMilliseconds(100) });
        Assert.Throws<TrapException>(() => f.Call("spin"));
        Assert.Equal(55, f.CallI32("fib", Value.FromI32(10)));
    }

    [Fact]
    public void Fuel_RunsOutInALoop_WithOutOfFuelTrap()
    {
        using var f = new WasmFixture(Module, new StoreLimits { Fuel = 10_000 });
        var trap = Assert.Throws<TrapException>(() => f.Call("spin"));
        Assert.Equal(TrapKind.OutOfFuel, trap.Kind);
        Assert.Equal(10_000, f.Store.FuelConsumed);
    }

    [Fact]
    public void Fuel_IsAccountedAcrossCalls()
    {
        using var f = new WasmFixture(Module, new StoreLimits { Fuel = 1_000_000 });
        Assert.Equal(100, f.CallI32("count", Value.FromI32(100)));
        var afterFirst = f.Store.FuelConsumed;
        Assert.InRange(afterFirst, 100, 10_000);
        f.CallI32("count", Value.FromI32(100));
        Assert.Equal(2 * afterFirst, f.Store.FuelConsumed);
    }

    [Fact]
    public void Fuel_IsCountedWithoutALimitToo()
    {
        using var f = new WasmFixture(Module);
        f.CallI32("fib", Value.FromI32(15));
        Assert.True(f.Store.FuelConsumed > 1000);
    }

    [Fact]
    public void Recursion_PastMaxCallDepth_TrapsWithCallStackExhausted()
    {
        using var f = new WasmFixture(Module, new StoreLimits { MaxCallDepth = 500 });
        var trap = Assert.Throws<TrapException>(() => f.Call("recurse", Value.FromI32(0)));
        Assert.Equal(TrapKind.CallStackExhausted, trap.Kind);
        Assert.Equal("call stack exhausted", trap.Message);
    }

    [Fact]
    public async Task DeepRecursion_OnThreadPoolThread_TrapsBeforeTheNativeStackOverflows()
    {
        // A depth limit far beyond what a thread-pool stack holds: the native stack guard must stop it.
        using var f = new WasmFixture(Module, new StoreLimits { MaxCallDepth = int.MaxValue });
        var trap = await Task.Run(() => Assert.Throws<TrapException>(() => f.Call("recurse", Value.FromI32(0))));
        Assert.Equal(TrapKind.CallStackExhausted, trap.Kind);
        Assert.Equal(10, await Task.Run(() => f.CallI32("count", Value.FromI32(10))));
    }

    [Fact]
    public async Task DeepRecursion_WithDefaultLimits_TrapsOnThreadPoolThread()
    {
        using var f = new WasmFixture(Module);
        var trap = await Task.Run(() => Assert.Throws<TrapException>(() => f.Call("recurse", Value.FromI32(0))));
        Assert.Equal(TrapKind.CallStackExhausted, trap.Kind);
    }
}
