using ScriptRunner.Wasm;
using ScriptRunner.Wasm.Binary;
using ScriptRunner.Wasm.Structure;

namespace ScriptRunner.Tests.Wasm.Binary;

public sealed class CodeReaderTests
{
    [Theory]
    [InlineData(new byte[] { 0x00 }, 0u)]
    [InlineData(new byte[] { 0x7F }, 127u)]
    [InlineData(new byte[] { 0x80, 0x01 }, 128u)]
    [InlineData(new byte[] { 0xE5, 0x8E, 0x26 }, 624485u)]
    [InlineData(new byte[] { 0xFF, 0xFF, 0xFF, 0xFF, 0x0F }, uint.MaxValue)]
    [InlineData(new byte[] { 0x80, 0x80, 0x80, 0x80, 0x00 }, 0u)]
    public void ReadU32_ValidEncodings_GiveValue(byte[] bytes, uint expected)
    {
        var reader = new CodeReader(bytes, 0);

        Assert.Equal(expected, reader.ReadU32());
        Assert.True(reader.AtEnd);
    }

    [Theory]
    [InlineData(new byte[] { 0x7F }, -1)]
    [InlineData(new byte[] { 0x80, 0x7F }, -128)]
    [InlineData(new byte[] { 0x3F }, 63)]
    [InlineData(new byte[] { 0xC0, 0x00 }, 64)]
    [InlineData(new byte[] { 0x80, 0x80, 0x80, 0x80, 0x78 }, int.MinValue)]
    [InlineData(new byte[] { 0xFF, 0xFF, 0xFF, 0xFF, 0x07 }, int.MaxValue)]
    [InlineData(new byte[] { 0xFF, 0xFF, 0xFF, 0xFF, 0x7F }, -1)]
    public void ReadS32_ValidEncodings_GiveValue(byte[] bytes, int expected)
    {
        var reader = new CodeReader(bytes, 0);

        Assert.Equal(expected, reader.ReadS32());
    }

    [Theory]
    [InlineData(new byte[] { 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x7F }, long.MinValue)]
    [InlineData(new byte[] { 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x00 }, long.MaxValue)]
    [InlineData(new byte[] { 0x80, 0x80, 0x80, 0x80, 0x10 }, 1L << 32)]
    [InlineData(new byte[] { 0x40 }, -64L)]
    public void ReadS64_ValidEncodings_GiveValue(byte[] bytes, long expected)
    {
        var reader = new CodeReader(bytes, 0);

        Assert.Equal(expected, reader.ReadS64());
    }

    [Fact]
    public void ReadS64_TenthByteDisagreeingWithSign_IntegerTooLarge()
    {
        var error = Assert.Throws<CompileException>(() =>
            new CodeReader([0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x01], 0).ReadS64());

        Assert.Contains("integer too large", error.Message);
    }

    [Fact]
    public void ReadF64Bits_Truncated_UnexpectedEndAtAbsoluteOffset()
    {
        var error = Assert.Throws<CompileException>(() => new CodeReader([1, 2, 3], 100).ReadF64Bits());

        Assert.True(error.IsMalformed);
        Assert.Contains("unexpected end", error.Message);
        Assert.Equal(100, error.Offset);
    }

    [Fact]
    public void ReadBlockType_EachForm_IsRecognised()
    {
        var reader = new CodeReader([0x40, 0x7B, 0x05, 0x80, 0x01], 0);

        Assert.Equal(BlockType.Empty, reader.ReadBlockType());
        Assert.Equal(BlockType.FromValType(ValType.V128), reader.ReadBlockType());
        Assert.Equal(BlockType.FromTypeIndex(5), reader.ReadBlockType());
        Assert.Equal(BlockType.FromTypeIndex(128), reader.ReadBlockType());
    }

    [Fact]
    public void ReadBlockType_NegativeIndex_IsMalformed()
    {
        var error = Assert.Throws<CompileException>(() => new CodeReader([0xFF, 0x7F], 0).ReadBlockType());

        Assert.True(error.IsMalformed);
    }

    [Fact]
    public void ReadOpcode_PrefixedForms_GiveCombinedValues()
    {
        var reader = new CodeReader([0x6A, 0xFC, 0x08, 0xFD, 0x80, 0x01, 0xFD, 0x8D, 0x80, 0x00], 0);

        Assert.Equal(Opcode.I32Add, reader.ReadOpcode());
        Assert.Equal(Opcode.MemoryInit, reader.ReadOpcode());
        Assert.Equal(Opcode.I16x8Abs, reader.ReadOpcode());
        Assert.Equal(Opcode.I8x16Shuffle, reader.ReadOpcode());
    }

    [Fact]
    public void ReadBrTable_MoreLabelsThanBuffer_GrowsBuffer()
    {
        byte[] bytes = [0x05, 0x00, 0x01, 0x02, 0x03, 0x04, 0x07];
        var labels = new uint[2];
        var reader = new CodeReader(bytes, 0);

        var count = reader.ReadBrTable(ref labels, out var defaultLabel);

        Assert.Equal(5, count);
        Assert.Equal([0u, 1u, 2u, 3u, 4u], labels[..5]);
        Assert.Equal(7u, defaultLabel);
    }

    [Fact]
    public void ReadBrTable_CountBeyondInput_LengthOutOfBounds()
    {
        var labels = new uint[4];

        var error = Assert.Throws<CompileException>(() =>
        {
            var reader = new CodeReader([0xFF, 0xFF, 0xFF, 0xFF, 0x0F, 0x00], 0);
            reader.ReadBrTable(ref labels, out _);
        });

        Assert.Contains("length out of bounds", error.Message);
        Assert.Equal(4, labels.Length);
    }

    [Fact]
    public void ReadMemArg_GivesAlignmentThenOffset()
    {
        var reader = new CodeReader([0x02, 0x80, 0x02], 0);

        Assert.Equal((2u, 256u), reader.ReadMemArg());
    }

    [Fact]
    public void Offset_IsAbsolute()
    {
        var reader = new CodeReader([0x41, 0x00], 40);
        reader.ReadOpcode();

        Assert.Equal(41, reader.Offset);
    }
}
