using System.Collections.Immutable;
using System.Runtime.InteropServices;
using ScriptRunner.Wasm.Structure;

namespace ScriptRunner.Wasm.Binary;

/// <summary>Decoders for element segments (kinds 0-7) and data segments (kinds 0-2).</summary>
internal static class SegmentReader
{
    /// <summary>Reads one element segment.</summary>
    public static ElementSegment ReadElement(ref CodeReader reader)
    {
        var start = reader.Offset;
        var kind = reader.ReadU32();
        if (kind > 7) throw reader.ErrorAt($"malformed elements segment kind {kind}", start);

        // Bit 0: passive or declarative (else active); bit 1: explicit table index (active) or declarative;
        // bit 2: items are expressions (else function indices).
        var mode = (kind & 1) == 0 ? SegmentMode.Active : (kind & 2) == 0 ? SegmentMode.Passive : SegmentMode.Declarative;
        var explicitTable = kind is 2 or 6;
        var usesExpressions = (kind & 4) != 0;

        uint tableIndex = 0;
        ConstantExpression offset = default;
        if (explicitTable) tableIndex = reader.ReadU32();
        if (mode == SegmentMode.Active) offset = EntityReader.ReadConstantExpression(ref reader);

        var elementType = ValType.FuncRef;
        if (kind is not (0 or 4))
        {
            if (usesExpressions)
            {
                elementType = reader.ReadRefType();
            }
            else
            {
                var elemKindOffset = reader.Offset;
                if (reader.ReadByte() != 0x00) throw reader.ErrorAt("malformed element kind", elemKindOffset);
            }
        }

        var count = reader.ReadCount();
        var items = new ConstantExpression[count];
        for (var i = 0; i < items.Length; i++)
        {
            var itemOffset = reader.Offset;
            items[i] = usesExpressions
                ? EntityReader.ReadConstantExpression(ref reader)
                : ConstantExpression.RefFunc(reader.ReadU32(), itemOffset);
        }

        return new ElementSegment(mode, tableIndex, offset, elementType,
            ImmutableCollectionsMarshal.AsImmutableArray(items), start);
    }

    /// <summary>Reads one data segment; its bytes are a slice of <paramref name="module"/>.</summary>
    public static DataSegment ReadData(ref CodeReader reader, ReadOnlyMemory<byte> module)
    {
        var start = reader.Offset;
        var kind = reader.ReadU32();
        if (kind > 2) throw reader.ErrorAt($"malformed data segment kind {kind}", start);
        uint memoryIndex = 0;
        ConstantExpression offset = default;
        if (kind == 2) memoryIndex = reader.ReadU32();
        if (kind != 1) offset = EntityReader.ReadConstantExpression(ref reader);
        var length = reader.ReadCount();
        var bytesOffset = reader.Offset;
        reader.ReadBytes(length);
        return new DataSegment(kind == 1 ? SegmentMode.Passive : SegmentMode.Active, memoryIndex, offset,
            module.Slice(bytesOffset, length), start);
    }
}
