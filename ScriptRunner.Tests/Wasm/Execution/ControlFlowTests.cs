using ScriptRunner.Wasm;

namespace ScriptRunner.Tests.Wasm.Execution;

public class ControlFlowTests
{
    private static readonly WasmFixtureCache Fixture = new("""
        (module
          (type $pair (func (param i32 i32) (result i32 i32)))
          (func (export "swap") (param i32 i32) (result i32 i32)
            (local.get 1) (local.get 0))
          (func (export "block-params") (param i32 i32) (result i32)
            (local.get 0) (local.get 1)
            (block (type $pair) (param i32 i32) (result i32 i32))
            (i32.sub))
          (func (export "loop-params") (param i32) (result i32)
            ;; sums n + (n-1) + ... + 1 with the accumulator and counter carried as loop parameters
            (i32.const 0) (local.get 0)
            (loop $l (param i32 i32) (result i32)
              (local.set 0)
              (local.get 0) (i32.add)
              (local.get 0) (i32.const 1) (i32.sub)
              (local.tee 0)
              (br_if $l (local.get 0))
              (drop)))
          (func (export "br-with-extras") (param i32) (result i32)
            ;; leaves values of the outer block on the stack below the branch value
            (block $out (result i32)
              (i32.const 100) (i32.const 200)
              (block (result i32)
                (i32.const 7)
                (br_if $out (i32.const 1) (local.get 0))
                (drop) (drop) (i32.const 9))
              (local.set 0) (drop) (drop) (local.get 0)))
          (func (export "br-table") (param i32) (result i32)
            (block $two (result i32)
              (block $one (result i32)
                (block $zero (result i32)
                  (i32.const 5) (i32.const 10)
                  (br_table $zero $one $two (local.get 0)))
                (i32.add (i32.const 1000)) (return))
              (i32.add (i32.const 2000)) (return))
            (i32.add (i32.const 3000)))
          (func (export "if-else") (param i32) (result i32 i64)
            (if (result i32 i64) (local.get 0)
              (then (i32.const 1) (i64.const 10))
              (else (i32.const 2) (i64.const 20))))
          (func (export "dead-code") (param i32) (result i32)
            (block (result i32)
              (br 0 (local.get 0))
              (drop (i32.add (i32.const 1) (i32.const 2)))
              (block (loop (br 0)))
              (unreachable)))
          (func (export "many-results") (result i32 i32 i32 i32 i32 i32 i32 i32 i32)
            (i32.const 1) (i32.const 2) (i32.const 3) (i32.const 4) (i32.const 5)
            (i32.const 6) (i32.const 7) (i32.const 8) (i32.const 9))
          (func $sum9 (param i32 i32 i32 i32 i32 i32 i32 i32 i32) (result i32)
            (i32.add (local.get 0) (i32.add (local.get 1) (i32.add (local.get 2) (i32.add (local.get 3)
              (i32.add (local.get 4) (i32.add (local.get 5) (i32.add (local.get 6) (i32.add (local.get 7) (local.get 8))))))))))
          (func $nine (result i32 i32 i32 i32 i32 i32 i32 i32 i32)
            (i32.const 1) (i32.const 2) (i32.const 3) (i32.const 4) (i32.const 5)
            (i32.const 6) (i32.const 7) (i32.const 8) (i32.const 9))
          (func (export "call-many-results") (result i32) (call $sum9 (call $nine)))
          (func (export "select") (param i32) (result i64)
            (select (i64.const 11) (i64.const 22) (local.get 0))))
        """);

    [Fact]
    public void MultiValueFunction_ReturnsAllResultsInOrder()
    {
        var results = Fixture.Call("swap", Value.FromI32(1), Value.FromI32(2));
        Assert.Equal([2, 1], results.Select(r => r.AsI32()));
    }

    [Fact]
    public void BlockWithParameters_PassesValuesThrough() =>
        Assert.Equal(7, Fixture.Call("block-params", Value.FromI32(10), Value.FromI32(3))[0].AsI32());

    [Fact]
    public void LoopWithParameters_CarriesValuesAcrossIterations() =>
        Assert.Equal(5050, Fixture.Call("loop-params", Value.FromI32(100))[0].AsI32());

    [Theory]
    [InlineData(1, 1)]
    [InlineData(0, 9)]
    public void BranchOutOfNestedBlock_DropsOuterOperands(int condition, int expected) =>
        Assert.Equal(expected, Fixture.Call("br-with-extras", Value.FromI32(condition))[0].AsI32());

    [Theory]
    [InlineData(0, 1010)]
    [InlineData(1, 2010)]
    [InlineData(2, 3010)]
    [InlineData(99, 3010)]
    [InlineData(-1, 3010)]
    public void BrTable_PicksTargetOrDefault(int index, int expected) =>
        Assert.Equal(expected, Fixture.Call("br-table", Value.FromI32(index))[0].AsI32());

    [Theory]
    [InlineData(1, 1, 10L)]
    [InlineData(0, 2, 20L)]
    public void IfElse_WithMultipleResults(int condition, int first, long second)
    {
        var results = Fixture.Call("if-else", Value.FromI32(condition));
        Assert.Equal(first, results[0].AsI32());
        Assert.Equal(second, results[1].AsI64());
    }

    [Fact]
    public void UnreachableCodeAfterBranch_IsNotExecuted() =>
        Assert.Equal(42, Fixture.Call("dead-code", Value.FromI32(42))[0].AsI32());

    [Fact]
    public void MoreThanSevenResults_ReachTheHost() =>
        Assert.Equal(Enumerable.Range(1, 9), Fixture.Call("many-results").Select(r => r.AsI32()));

    [Fact]
    public void MoreThanSevenResults_FlowIntoAnotherCall() =>
        Assert.Equal(45, Fixture.Call("call-many-results")[0].AsI32());

    [Theory]
    [InlineData(1, 11L)]
    [InlineData(0, 22L)]
    public void Select_PicksFirstWhenConditionIsNonZero(int condition, long expected) =>
        Assert.Equal(expected, Fixture.Call("select", Value.FromI32(condition))[0].AsI64());
}
