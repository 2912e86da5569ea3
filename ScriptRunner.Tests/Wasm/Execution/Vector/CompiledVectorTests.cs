using ScriptRunner.Wasm;

namespace ScriptRunner.Tests.Wasm.Execution.Vector;

/// <summary>v128 instructions compiled from a real module, checking how the compiler feeds operands and immediates.</summary>
public sealed class CompiledVectorTests
{
    [Fact]
    public void Shuffle_TakesItsSixteenImmediatesInLaneOrder()
    {
        using var module = new WasmFixture("""
            (module
              (func (export "shuffle") (param v128 v128) (result v128)
                (i8x16.shuffle 31 0 30 1 29 2 28 3 16 15 17 14 18 13 19 12 (local.get 0) (local.get 1))))
            """);
        var a = Vec.U8(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15);
        var b = Vec.U8(16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31);

        var result = module.Call("shuffle", Value.FromV128(a), Value.FromV128(b))[0].AsV128();

        Assert.Equal([31, 0, 30, 1, 29, 2, 28, 3, 16, 15, 17, 14, 18, 13, 19, 12], Vec.ToU8(result));
    }

    [Fact]
    public void ReplaceLane_TakesTheVectorThenTheValue_AndTheLaneImmediate()
    {
        using var module = new WasmFixture("""
            (module
              (func (export "replace") (param v128 i64) (result v128)
                (i64x2.replace_lane 1 (local.get 0) (local.get 1)))
              (func (export "extract") (param v128) (result i32)
                (i8x16.extract_lane_s 14 (local.get 0))))
            """);

        var replaced = module.Call("replace", Value.FromV128(Vec.I64(7, 8)), Value.FromI64(-3))[0].AsV128();
        var extracted = module.CallI32("extract", Value.FromV128(replaced));

        Assert.Equal([7L, -3L], Vec.ToI64(replaced));
        Assert.Equal(-1, extracted);
    }

    [Fact]
    public void ExtractLane_OfAConstantVector_KeepsSignalingNaNBits()
    {
        using var module = new WasmFixture("""
            (module
              (func (export "f32") (result i32)
                (i32.reinterpret_f32 (f32x4.extract_lane 1 (v128.const i32x4 0 0x7fa00001 0 0))))
              (func (export "f64") (result i64)
                (i64.reinterpret_f64 (f64x2.extract_lane 0 (v128.const i64x2 0x7ff4000000000001 0)))))
            """);

        Assert.Equal(0x7FA0_0001, module.CallI32("f32"));
        Assert.Equal(0x7FF4_0000_0000_0001, module.CallI64("f64"));
    }

    [Fact]
    public void LaneLoadsAndStores_MoveOnlyTheAddressedLane()
    {
        using var module = new WasmFixture("""
            (module
              (memory 1)
              (data (i32.const 0) "\01\02\03\04\05\06\07\08")
              (func (export "load") (param v128) (result v128)
                (v128.load16_lane 3 (i32.const 2) (local.get 0)))
              (func (export "store") (param v128) (result i64)
                (v128.store32_lane 2 (i32.const 8) (local.get 0))
                (i64.load (i32.const 8))))
            """);

        var loaded = module.Call("load", Value.FromV128(Vec.U16(0, 0, 0, 0, 0, 0, 0, 0xFFFF)))[0].AsV128();
        var stored = module.CallI64("store", Value.FromV128(Vec.U32(1, 2, 0xDEAD_BEEF, 4)));

        Assert.Equal([0, 0, 0, 0x0403, 0, 0, 0, 0xFFFF], Vec.ToU16(loaded));
        Assert.Equal(0xDEAD_BEEF, stored);
    }
}
