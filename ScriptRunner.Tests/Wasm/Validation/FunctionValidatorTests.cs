using static ScriptRunner.Tests.Wasm.Binary.ModuleBytes;
using static ScriptRunner.Tests.Wasm.Validation.ModuleChecks;

namespace ScriptRunner.Tests.Wasm.Validation;

public sealed class FunctionValidatorTests
{
    [Fact]
    public void Validate_WellTypedArithmetic_IsAccepted() =>
        Valid("(module (func (param i32 i64) (result f64) (f64.convert_i64_s (i64.add (i64.extend_i32_u (local.get 0)) (local.get 1)))))");

    [Fact]
    public void Validate_OperandOfWrongType_TypeMismatchNamingInstruction()
    {
        var error = Invalid("(module (func (result i32) (i32.add (i32.const 1) (f32.const 2))))", "type mismatch");

        Assert.Equal("invalid module: type mismatch in i32.add: expected i32 but got f32 (function 0, offset 0x1f)",
            error.Message);
    }

    [Fact]
    public void Validate_PopFromEmptyStack_TypeMismatch() =>
        Invalid("(module (func (drop)))", "type mismatch");

    [Fact]
    public void Validate_ValueLeftAtFunctionEnd_TypeMismatch() =>
        Invalid("(module (func (i32.const 1)))", "type mismatch");

    [Fact]
    public void Validate_MissingResult_TypeMismatch() =>
        Invalid("(module (func (result i64)))", "type mismatch");

    [Fact]
    public void Validate_OperandsFromOutsideBlock_TypeMismatch() =>
        Invalid("(module (func (result i32) (i32.const 1) (block (result i32) (i32.eqz))))", "type mismatch");

    [Fact]
    public void Validate_UnknownLocal_IsRejected() =>
        Invalid("(module (func (param i32) (local i64) (drop (local.get 2))))", "unknown local 2");

    [Fact]
    public void Validate_UnknownGlobal_IsRejected() =>
        Invalid("(module (func (drop (global.get 0))))", "unknown global 0");

    [Fact]
    public void Validate_ImmutableGlobalSet_GlobalIsImmutable() =>
        Invalid("(module (global i32 (i32.const 0)) (func (global.set 0 (i32.const 1))))", "global is immutable");

    [Fact]
    public void Validate_UnknownFunction_IsRejected() =>
        Invalid("(module (func (call 5)))", "unknown function 5");

    [Fact]
    public void Validate_UnknownTable_IsRejected() =>
        Invalid("(module (func (drop (table.size 2))))", "unknown table 2");

    [Fact]
    public void Validate_LoadWithoutMemory_UnknownMemory() =>
        Invalid("(module (func (drop (i32.load (i32.const 0)))))", "unknown memory 0");

    [Fact]
    public void Validate_CallIndirectWithUnknownType_UnknownType() =>
        Invalid("(module (table 1 funcref) (func (call_indirect (type 9) (i32.const 0))))", "unknown type 9");

    [Fact]
    public void Validate_CallIndirectThroughExternrefTable_TypeMismatch() =>
        Invalid("(module (type (func)) (table 1 externref) (func (call_indirect (type 0) (i32.const 0))))", "type mismatch");

    [Fact]
    public void Validate_BranchToMissingLabel_UnknownLabel() =>
        Invalid("(module (func (block (br 2))))", "unknown label 2");

    [Fact]
    public void Validate_ElemDropOfMissingSegment_UnknownElemSegment() =>
        Invalid("(module (func (elem.drop 2)))", "unknown elem segment 2");

    [Fact]
    public void Validate_DataDropOfMissingSegment_UnknownDataSegment() =>
        Invalid("(module (memory 1) (data \"a\") (func (data.drop 1)))", "unknown data segment 1");

    [Fact]
    public void Validate_DataDropWithoutAnyDataSegments_UnknownDataSegment() =>
        Invalid("(module (func (data.drop 0)))", "unknown data segment 0");

    [Theory]
    [InlineData("(drop (i32.load align=8 (i32.const 0)))")]
    [InlineData("(drop (i64.load16_s align=4 (i32.const 0)))")]
    [InlineData("(i32.store8 align=2 (i32.const 0) (i32.const 0))")]
    [InlineData("(drop (v128.load align=32 (i32.const 0)))")]
    [InlineData("(drop (v128.load8_lane align=2 0 (i32.const 0) (v128.const i64x2 0 0)))")]
    public void Validate_AlignmentAboveNatural_IsRejected(string instruction) =>
        Invalid($"(module (memory 1) (func {instruction}))", "alignment must not be larger than natural");

    [Fact]
    public void Validate_NaturalAlignment_IsAccepted() =>
        Valid("(module (memory 1) (func (drop (i64.load align=8 (i32.const 0))) (drop (v128.load align=16 (i32.const 0)))))");

    [Fact]
    public void Validate_RefFuncOfUndeclaredFunction_UndeclaredFunctionReference() =>
        Invalid("(module (func $f) (func (drop (ref.func $f))))", "undeclared function reference");

    [Theory]
    [InlineData("(elem declare func $f)")]
    [InlineData("(export \"f\" (func $f))")]
    [InlineData("(global funcref (ref.func $f))")]
    [InlineData("(table 1 funcref) (elem (i32.const 0) $f)")]
    public void Validate_RefFuncOfDeclaredFunction_IsAccepted(string declaration) =>
        Valid($"(module (func $f) {declaration} (func (drop (ref.func $f))))");

    [Fact]
    public void Validate_TypedSelectWithTwoTypes_InvalidResultArity() =>
        Invalid(Module(VoidTypeSection, OneFunctionSection,
                CodeSection(0x00, 0x41, 0x00, 0x41, 0x00, 0x41, 0x00, 0x1C, 0x02, 0x7F, 0x7F, 0x1A, 0x0B)),
            "invalid result arity");

    [Fact]
    public void Validate_UntypedSelectOfReferences_TypeMismatch() =>
        Invalid("(module (func (drop (select (ref.null func) (ref.null func) (i32.const 1)))))", "type mismatch");

    [Fact]
    public void Validate_TypedSelectOfReferences_IsAccepted() =>
        Valid("(module (func (drop (select (result funcref) (ref.null func) (ref.null func) (i32.const 1)))))");

    [Fact]
    public void Validate_SelectOfDifferentTypes_TypeMismatch() =>
        Invalid("(module (func (drop (select (i32.const 0) (i64.const 0) (i32.const 1)))))", "type mismatch");

    [Fact]
    public void Validate_RefIsNullOfNumber_TypeMismatch() =>
        Invalid("(module (func (drop (ref.is_null (i32.const 0)))))", "type mismatch");

    [Fact]
    public void Validate_AfterUnreachable_StackIsPolymorphic() =>
        Valid("(module (func (result i32) (unreachable) (i32.add) (br_table 0 0) (select)))");

    [Fact]
    public void Validate_AfterUnreachable_ConcreteOperandsAreStillChecked() =>
        Invalid("(module (func (result i32) (unreachable) (i64.const 0) (i32.add)))", "type mismatch");

    [Fact]
    public void Validate_AfterBranch_DeadCodeIsTypeChecked() =>
        Invalid("(module (func (block (br 0) (drop (f32.neg (i32.const 0))))))", "type mismatch");

    [Fact]
    public void Validate_BrTableTargetsWithDifferentArity_TypeMismatch() =>
        Invalid("(module (func (block $a (result i32) (block $b (br_table $a $b (i32.const 0) (i32.const 0)))) (drop)))",
            "type mismatch");

    [Fact]
    public void Validate_BrTableTargetsWithDifferentTypes_TypeMismatch() =>
        Invalid("(module (func (block $a (result i32) (drop (block $b (result f32) (br_table $a $b (i32.const 0) (i32.const 0))))) (drop)))",
            "type mismatch");

    [Fact]
    public void Validate_MultiValueBlocksWithTypeIndex_AreAccepted() =>
        Valid("""
            (module
              (type $t (func (param i32) (result i32 i32)))
              (func (param i32) (result i32 i32)
                (local.get 0)
                (block (type $t) (i32.const 2))))
            """);

    [Fact]
    public void Validate_LoopBranch_CarriesLoopParameters() =>
        Valid("(module (func (param i32) (local.get 0) (loop (param i32) (local.get 0) (br_if 0) (drop))))");

    [Fact]
    public void Validate_IfWithoutElseChangingTypes_TypeMismatch() =>
        Invalid("(module (func (result i32) (if (result i32) (i32.const 1) (then (i32.const 1)))))", "type mismatch");

    [Fact]
    public void Validate_IfWithoutElseKeepingTypes_IsAccepted() =>
        Valid("(module (func (param i32) (result i32) (local.get 0) (if (param i32) (result i32) (i32.const 1) (then (i32.eqz)))))");

    [Fact]
    public void Validate_BlockTypeIndexOutOfRange_UnknownType() =>
        Invalid(Module(VoidTypeSection, OneFunctionSection, CodeSection(0x00, 0x02, 0x05, 0x0B, 0x0B)), "unknown type 5");

    [Fact]
    public void Validate_TableCopyBetweenDifferentElementTypes_TypeMismatch() =>
        Invalid("(module (table $a 1 funcref) (table $b 1 externref) (func (table.copy $a $b (i32.const 0) (i32.const 0) (i32.const 0))))",
            "type mismatch");

    [Fact]
    public void Validate_TableInitFromSegmentOfOtherType_TypeMismatch() =>
        Invalid("(module (table 1 externref) (elem funcref) (func (table.init 0 0 (i32.const 0) (i32.const 0) (i32.const 0))))",
            "type mismatch");

    [Fact]
    public void Validate_BulkAndTableInstructions_AreAccepted() =>
        Valid("""
            (module
              (memory 1) (table $t 2 funcref) (table $e 2 externref)
              (data "abc") (elem $seg func $f)
              (func $f (param externref)
                (memory.init 0 (i32.const 0) (i32.const 0) (i32.const 3))
                (data.drop 0)
                (memory.copy (i32.const 0) (i32.const 1) (i32.const 1))
                (memory.fill (i32.const 0) (i32.const 0) (i32.const 1))
                (table.init $t $seg (i32.const 0) (i32.const 0) (i32.const 1))
                (elem.drop $seg)
                (table.copy $t $t (i32.const 0) (i32.const 1) (i32.const 1))
                (drop (table.grow $e (local.get 0) (i32.const 1)))
                (table.fill $e (i32.const 0) (local.get 0) (i32.const 1))
                (table.set $e (i32.const 0) (table.get $e (i32.const 1)))
                (drop (memory.grow (memory.size)))))
            """);

    [Fact]
    public void Validate_Facts_RecordStackAndNestingDepth()
    {
        var facts = Valid("""
            (module
              (func (i32.const 1) (i32.const 2) (i32.const 3) (drop) (drop) (drop))
              (func (block (block (loop (nop))))))
            """);

        Assert.Equal(3, facts[0].MaxOperandDepth);
        Assert.Equal(1, facts[0].MaxControlDepth);
        Assert.Equal(4, facts[1].MaxControlDepth);
    }

    [Fact]
    public void Validate_ErrorInSecondFunction_NamesItsIndex()
    {
        var error = Invalid("(module (func) (func (drop)))", "type mismatch");

        Assert.Contains("function 1", error.Message);
        Assert.Equal("code", error.Section);
    }
}
