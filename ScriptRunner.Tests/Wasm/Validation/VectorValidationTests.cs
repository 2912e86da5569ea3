using static ScriptRunner.Tests.Wasm.Binary.ModuleBytes;
using static ScriptRunner.Tests.Wasm.Validation.ModuleChecks;

namespace ScriptRunner.Tests.Wasm.Validation;

public sealed class VectorValidationTests
{
    [Fact]
    public void Validate_VectorArithmeticAndLanes_AreAccepted() =>
        Valid("""
            (module
              (memory 1)
              (func (param v128 i32 f64) (result i32)
                (drop (i32x4.add (local.get 0) (i32x4.splat (local.get 1))))
                (drop (f64x2.replace_lane 1 (local.get 0) (local.get 2)))
                (drop (i64x2.extract_lane 1 (local.get 0)))
                (drop (i8x16.shl (local.get 0) (local.get 1)))
                (drop (v128.bitselect (local.get 0) (local.get 0) (local.get 0)))
                (drop (i32x4.dot_i16x8_s (local.get 0) (local.get 0)))
                (drop (f32x4.demote_f64x2_zero (local.get 0)))
                (v128.store64_lane 1 (local.get 1) (local.get 0))
                (drop (v128.load32_zero (local.get 1)))
                (i8x16.bitmask (i8x16.shuffle 0 1 2 3 4 5 6 7 8 9 10 11 12 13 14 31 (local.get 0) (local.get 0)))))
            """);

    [Theory]
    [InlineData(new byte[] { 0xFD, 0x15, 0x10 })] // i8x16.extract_lane_s 16
    [InlineData(new byte[] { 0xFD, 0x18, 0x08 })] // i16x8.extract_lane_s 8
    [InlineData(new byte[] { 0xFD, 0x1B, 0x04 })] // i32x4.extract_lane 4
    [InlineData(new byte[] { 0xFD, 0x1D, 0x02 })] // i64x2.extract_lane 2
    public void Validate_ExtractLaneBeyondShape_InvalidLaneIndex(byte[] instruction) =>
        Invalid(Module((1, [0x01, 0x60, 0x01, 0x7B, 0x00]), OneFunctionSection,
                CodeSection([0x00, 0x20, 0x00, .. instruction, 0x1A, 0x0B])),
            "invalid lane index");

    [Fact]
    public void Validate_ShuffleLaneOf32_InvalidLaneIndex() =>
        Invalid(Module((1, [0x01, 0x60, 0x01, 0x7B, 0x00]), OneFunctionSection,
                CodeSection([0x00, 0x20, 0x00, 0x20, 0x00, 0xFD, 0x0D, .. Enumerable.Repeat((byte)0, 15), 32, 0x1A, 0x0B])),
            "invalid lane index");

    [Fact]
    public void Validate_LoadLaneBeyondShape_InvalidLaneIndex() =>
        Invalid(Module((1, [0x01, 0x60, 0x01, 0x7B, 0x00]), OneFunctionSection, OneMemorySection,
                CodeSection([0x00, 0x41, 0x00, 0x20, 0x00, 0xFD, 0x57, 0x03, 0x00, 0x02, 0x1A, 0x0B])),
            "invalid lane index");

    [Fact]
    public void Validate_ShiftByVector_TypeMismatch() =>
        Invalid("(module (func (param v128) (drop (i16x8.shr_s (local.get 0) (local.get 0)))))", "type mismatch");

    [Fact]
    public void Validate_ReplaceLaneWithWrongScalar_TypeMismatch() =>
        Invalid("(module (func (param v128) (drop (f32x4.replace_lane 0 (local.get 0) (f64.const 1)))))", "type mismatch");

    [Fact]
    public void Validate_AllTrueResult_IsI32() =>
        Invalid("(module (func (param v128) (result v128) (i16x8.all_true (local.get 0))))", "type mismatch");

    [Fact]
    public void Validate_SelectOfVectors_IsAccepted() =>
        Valid("(module (func (param v128) (result v128) (select (local.get 0) (local.get 0) (i32.const 1))))");
}
