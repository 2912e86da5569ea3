using ScriptRunner.Wasm;
using ScriptRunner.Wasm.Binary;
using static ScriptRunner.Tests.Wasm.Binary.ModuleBytes;

namespace ScriptRunner.Tests.Wasm.Binary;

public sealed class MalformedModuleTests
{
    private static CompileException AssertMalformed(byte[] bytes, string phrase)
    {
        var error = Assert.Throws<CompileException>(() => ModuleReader.Read(bytes));
        Assert.True(error.IsMalformed);
        Assert.StartsWith("malformed module: ", error.Message);
        Assert.Contains(phrase, error.Message);
        return error;
    }

    [Fact]
    public void Read_EmptyInput_UnexpectedEnd() => AssertMalformed([], "unexpected end");

    [Fact]
    public void Read_TruncatedMagic_UnexpectedEnd() => AssertMalformed([0x00, 0x61, 0x73], "unexpected end");

    [Fact]
    public void Read_WrongMagic_MagicHeaderNotDetected() =>
        AssertMalformed([0x61, 0x73, 0x6D, 0x00, 0x01, 0x00, 0x00, 0x00], "magic header not detected");

    [Fact]
    public void Read_TruncatedVersion_UnexpectedEnd() => AssertMalformed([0x00, 0x61, 0x73, 0x6D, 0x01], "unexpected end");

    [Fact]
    public void Read_VersionTwo_UnknownBinaryVersion() =>
        AssertMalformed([0x00, 0x61, 0x73, 0x6D, 0x02, 0x00, 0x00, 0x00], "unknown binary version");

    [Fact]
    public void Read_SectionIdThirteen_MalformedSectionId() => AssertMalformed(Module((13, [])), "malformed section id");

    [Fact]
    public void Read_SectionSizePastEndOfModule_LengthOutOfBounds() =>
        AssertMalformed(Raw(0x01, 0x07, 0x01, 0x60, 0x00, 0x00), "length out of bounds");

    [Fact]
    public void Read_SectionContentLongerThanDeclaredCount_SectionSizeMismatch() =>
        AssertMalformed(Module((1, [0x01, 0x60, 0x00, 0x00, 0x60, 0x00, 0x00])), "section size mismatch");

    [Fact]
    public void Read_TruncatedSectionContent_UnexpectedEndOfSection() =>
        AssertMalformed(Module((5, [0x01])), "unexpected end of section or function");

    [Fact]
    public void Read_RepeatedSection_UnexpectedContentAfterLastSection() =>
        AssertMalformed(Module((8, [0x00]), (8, [0x00])), "unexpected content after last section");

    [Fact]
    public void Read_SectionsOutOfOrder_UnexpectedContentAfterLastSection() =>
        AssertMalformed(Module(OneFunctionSection, VoidTypeSection), "unexpected content after last section");

    [Fact]
    public void Read_DataCountAfterCode_UnexpectedContentAfterLastSection() =>
        AssertMalformed(Module(VoidTypeSection, OneFunctionSection, CodeSection(0x00, 0x0B), (12, [0x00])),
            "unexpected content after last section");

    [Fact]
    public void Read_SixByteU32_IntegerRepresentationTooLong() =>
        AssertMalformed(Module((1, [0x80, 0x80, 0x80, 0x80, 0x80, 0x00])), "integer representation too long");

    [Fact]
    public void Read_U32WithUnusedBitsSet_IntegerTooLarge() =>
        AssertMalformed(Module((1, [0x80, 0x80, 0x80, 0x80, 0x70])), "integer too large");

    [Fact]
    public void Read_S32WithUnusedBitsNotMatchingSign_IntegerTooLarge() =>
        AssertMalformed(Module((6, [0x01, 0x7F, 0x00, 0x41, 0x80, 0x80, 0x80, 0x80, 0x70, 0x0B])), "integer too large");

    [Fact]
    public void Read_ElevenByteS64_IntegerRepresentationTooLong() =>
        AssertMalformed(Module((6, [0x01, 0x7E, 0x00, 0x42, .. Enumerable.Repeat((byte)0x80, 10), 0x00, 0x0B])),
            "integer representation too long");

    [Theory]
    [InlineData(new byte[] { 0xC0, 0x80 })]
    [InlineData(new byte[] { 0xED, 0xA0, 0x80 })]
    [InlineData(new byte[] { 0xF4, 0x90, 0x80, 0x80 })]
    [InlineData(new byte[] { 0x80 })]
    [InlineData(new byte[] { 0xE2, 0x82 })]
    public void Read_IllFormedUtf8Name_MalformedUtf8Encoding(byte[] name) =>
        AssertMalformed(Module((0, [(byte)name.Length, .. name])), "malformed UTF-8 encoding");

    [Fact]
    public void Read_IllFormedUtf8ImportName_MalformedUtf8Encoding() =>
        AssertMalformed(Module(VoidTypeSection, (2, [0x01, 0x01, 0xFF, 0x01, 0x66, 0x00, 0x00])), "malformed UTF-8 encoding");

    [Fact]
    public void Read_FunctionsWithoutCode_InconsistentLengths() =>
        AssertMalformed(Module(VoidTypeSection, OneFunctionSection),
            "function and code section have inconsistent lengths");

    [Fact]
    public void Read_CodeWithoutFunctions_InconsistentLengths() =>
        AssertMalformed(Module(VoidTypeSection, CodeSection(0x00, 0x0B)),
            "function and code section have inconsistent lengths");

    [Fact]
    public void Read_DataCountDiffersFromSegments_InconsistentLengths() =>
        AssertMalformed(Module(OneMemorySection, (12, [0x02]), (11, [0x01, 0x01, 0x00])),
            "data count and data section have inconsistent lengths");

    [Fact]
    public void Read_DataDropWithoutDataCount_DataCountSectionRequired() =>
        AssertMalformed(Module(VoidTypeSection, OneFunctionSection, OneMemorySection,
                CodeSection(0x00, 0xFC, 0x09, 0x00, 0x0B), (11, [0x01, 0x01, 0x00])),
            "data count section required");

    [Fact]
    public void Read_HugeLocalCount_TooManyLocals() =>
        AssertMalformed(Module(VoidTypeSection, OneFunctionSection, CodeSection(0x01, 0xFF, 0xFF, 0xFF, 0xFF, 0x0F, 0x7F, 0x0B)),
            "too many locals");

    [Fact]
    public void Read_LocalRunsSummingPastTheCap_TooManyLocals() =>
        AssertMalformed(Module(VoidTypeSection, OneFunctionSection,
                CodeSection([0x02, .. U32(30_000), 0x7F, .. U32(30_000), 0x7E, 0x0B])),
            "too many locals");

    [Fact]
    public void Read_GlobalMutabilityTwo_MalformedMutability() =>
        AssertMalformed(Module((6, [0x01, 0x7F, 0x02, 0x41, 0x00, 0x0B])), "malformed mutability");

    [Fact]
    public void Read_TableOfI32_MalformedReferenceType() =>
        AssertMalformed(Module((4, [0x01, 0x7F, 0x00, 0x00])), "malformed reference type");

    [Fact]
    public void Read_UnknownValueType_MalformedValueType() =>
        AssertMalformed(Module((1, [0x01, 0x60, 0x01, 0x40, 0x00])), "malformed value type");

    [Fact]
    public void Read_ImportKindFour_MalformedImportKind() =>
        AssertMalformed(Module((2, [0x01, 0x00, 0x00, 0x04])), "malformed import kind");

    [Fact]
    public void Read_ExportKindFour_MalformedExportKind() =>
        AssertMalformed(Module((7, [0x01, 0x01, 0x61, 0x04, 0x00])), "malformed export kind");

    [Fact]
    public void Read_LimitsFlagTwo_IntegerTooLarge() =>
        AssertMalformed(Module((5, [0x01, 0x02, 0x00])), "integer too large");

    [Fact]
    public void Read_LimitsFlagWithContinuationBit_IntegerRepresentationTooLong() =>
        AssertMalformed(Module((5, [0x01, 0x81, 0x00, 0x00])), "integer representation too long");

    [Fact]
    public void Read_ElementSegmentKindEight_MalformedElementsSegmentKind() =>
        AssertMalformed(Module((9, [0x01, 0x08])), "malformed elements segment kind");

    [Fact]
    public void Read_ElementKindNotFuncref_MalformedElementKind() =>
        AssertMalformed(Module((9, [0x01, 0x01, 0x01, 0x00])), "malformed element kind");

    [Fact]
    public void Read_DataSegmentKindThree_MalformedDataSegmentKind() =>
        AssertMalformed(Module((11, [0x01, 0x03])), "malformed data segment kind");

    [Theory]
    [InlineData(new byte[] { 0x06 })]
    [InlineData(new byte[] { 0xFF })]
    [InlineData(new byte[] { 0xFC, 0x12 })]
    [InlineData(new byte[] { 0xFD, 0x9A, 0x01 })]
    [InlineData(new byte[] { 0xFD, 0x80, 0x02 })]
    public void Read_UndefinedOpcode_IllegalOpcode(byte[] instruction) =>
        AssertMalformed(Module(VoidTypeSection, OneFunctionSection, CodeSection([0x00, .. instruction, 0x0B])),
            "illegal opcode");

    [Theory]
    [InlineData(new byte[] { 0x01 })]
    [InlineData(new byte[] { 0x80, 0x00 })]
    public void Read_MemoryGrowReservedByteNotZero_ZeroByteExpected(byte[] reserved) =>
        AssertMalformed(Module(VoidTypeSection, OneFunctionSection, OneMemorySection,
                CodeSection([0x00, 0x41, 0x00, 0x40, .. reserved, 0x1A, 0x0B])),
            "zero byte expected");

    [Fact]
    public void Read_BodyMissingEndFollowedByAnotherBody_EndOpcodeExpected() =>
        AssertMalformed(Module(VoidTypeSection, (3, [0x02, 0x00, 0x00]),
                (10, [0x02, 0x04, 0x00, 0x41, 0x01, 0x1A, 0x05, 0x00, 0x41, 0x01, 0x1A, 0x0B])),
            "END opcode expected");

    [Fact]
    public void Read_ElseOutsideIf_EndOpcodeExpected() =>
        AssertMalformed(Module(VoidTypeSection, OneFunctionSection, CodeSection(0x00, 0x02, 0x40, 0x05, 0x0B, 0x0B)),
            "END opcode expected");

    [Fact]
    public void Read_BodyMissingEndAtEndOfModule_UnexpectedEnd() =>
        AssertMalformed(Module(VoidTypeSection, OneFunctionSection, CodeSection(0x00, 0x41, 0x01, 0x1A)),
            "unexpected end");

    [Fact]
    public void Read_BodyWithBytesAfterFinalEnd_SectionSizeMismatch() =>
        AssertMalformed(Module(VoidTypeSection, OneFunctionSection, CodeSection(0x00, 0x0B, 0x01)),
            "section size mismatch");

    [Fact]
    public void Read_VectorLengthLargerThanInput_LengthOutOfBoundsWithoutAllocating()
    {
        var before = GC.GetAllocatedBytesForCurrentThread();

        AssertMalformed(Module((1, [0xFF, 0xFF, 0xFF, 0xFF, 0x0F])), "length out of bounds");

        Assert.True(GC.GetAllocatedBytesForCurrentThread() - before < 1_000_000);
    }

    [Fact]
    public void Read_NameLengthLargerThanInput_LengthOutOfBounds() =>
        AssertMalformed(Module((0, [0xFF, 0xFF, 0xFF, 0xFF, 0x0F])), "length out of bounds");

    [Fact]
    public void Read_Error_NamesSectionAndOffset()
    {
        var error = AssertMalformed(Module(VoidTypeSection, (5, [0x01, 0x02, 0x00])), "integer too large");

        Assert.Equal("memory", error.Section);
        Assert.Equal(17, error.Offset);
        Assert.Equal("malformed module: integer too large (memory section, offset 0x11)", error.Message);
    }
}
