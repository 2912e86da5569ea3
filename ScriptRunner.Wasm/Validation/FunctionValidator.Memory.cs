using ScriptRunner.Wasm.Binary;
using ScriptRunner.Wasm.Structure;

namespace ScriptRunner.Wasm.Validation;

internal sealed partial class FunctionValidator
{
    private void ValidateMemoryAccess(ref CodeReader reader, int naturalAlignment, ValType type, bool isStore)
    {
        var (align, _) = reader.ReadMemArg();
        var isLane = opcode.GetImmediateKind() == ImmediateKind.MemArgLane;
        var lane = isLane ? reader.ReadByte() : (byte)0;
        CheckMemory(0);
        if (align > (uint)naturalAlignment)
        {
            throw Invalid($"alignment must not be larger than natural in {opcode.Mnemonic()}");
        }

        if (isLane)
        {
            CheckLane(lane);
            Pop(ValType.V128);
            Pop(ValType.I32);
            if (!isStore) Push(ValType.V128);
        }
        else if (isStore)
        {
            Pop(type);
            Pop(ValType.I32);
        }
        else
        {
            Pop(ValType.I32);
            Push(type);
        }
    }

    /// <summary>memory.size/grow/fill/copy/init, data.drop and the table.* / elem.drop instructions.</summary>
    private void ValidateBulkInstruction(ref CodeReader reader)
    {
        switch (opcode)
        {
            case Opcode.MemorySize:
                reader.ReadZeroByte();
                CheckMemory(0);
                Push(ValType.I32);
                break;
            case Opcode.MemoryGrow:
                reader.ReadZeroByte();
                CheckMemory(0);
                Pop(ValType.I32);
                Push(ValType.I32);
                break;
            case Opcode.MemoryFill:
                reader.ReadZeroByte();
                CheckMemory(0);
                PopI32(3);
                break;
            case Opcode.MemoryCopy:
                reader.ReadZeroByte();
                reader.ReadZeroByte();
                CheckMemory(0);
                PopI32(3);
                break;
            case Opcode.MemoryInit:
            {
                var segment = reader.ReadU32();
                reader.ReadZeroByte();
                CheckMemory(0);
                CheckDataSegment(segment);
                PopI32(3);
                break;
            }

            case Opcode.DataDrop:
                CheckDataSegment(reader.ReadU32());
                break;
            case Opcode.TableGet:
            {
                var table = Table(reader.ReadU32());
                Pop(ValType.I32);
                Push(table.ElementType);
                break;
            }

            case Opcode.TableSet:
            {
                var table = Table(reader.ReadU32());
                Pop(table.ElementType);
                Pop(ValType.I32);
                break;
            }

            case Opcode.TableSize:
                Table(reader.ReadU32());
                Push(ValType.I32);
                break;
            case Opcode.TableGrow:
            {
                var table = Table(reader.ReadU32());
                Pop(ValType.I32);
                Pop(table.ElementType);
                Push(ValType.I32);
                break;
            }

            case Opcode.TableFill:
            {
                var table = Table(reader.ReadU32());
                Pop(ValType.I32);
                Pop(table.ElementType);
                Pop(ValType.I32);
                break;
            }

            case Opcode.TableCopy:
            {
                var destination = Table(reader.ReadU32());
                var source = Table(reader.ReadU32());
                if (destination.ElementType != source.ElementType)
                {
                    throw Invalid($"type mismatch in table.copy: {source.ElementType.Name()} table copied into " +
                                  $"{destination.ElementType.Name()} table");
                }

                PopI32(3);
                break;
            }

            case Opcode.TableInit:
            {
                var segmentIndex = reader.ReadU32();
                var table = Table(reader.ReadU32());
                var segment = ElementSegment(segmentIndex);
                if (table.ElementType != segment.ElementType)
                {
                    throw Invalid($"type mismatch in table.init: {segment.ElementType.Name()} segment into " +
                                  $"{table.ElementType.Name()} table");
                }

                PopI32(3);
                break;
            }

            case Opcode.ElemDrop:
                ElementSegment(reader.ReadU32());
                break;
            default:
                // Every decodable opcode is handled above or by the signature tables.
                throw CompileException.Malformed($"illegal opcode {opcode.Mnemonic()}", instructionOffset, "code");
        }
    }

    private void PopI32(int count)
    {
        for (var i = 0; i < count; i++) Pop(ValType.I32);
    }

    private void CheckMemory(uint index)
    {
        if (index >= (uint)module.Memories.Length) throw Invalid($"unknown memory {index}");
    }

    private void CheckDataSegment(uint index)
    {
        // The decoder has rejected data indices without a data count section when data segments exist.
        if (index >= (module.DataCount ?? 0)) throw Invalid($"unknown data segment {index}");
    }

    private ElementSegment ElementSegment(uint index)
    {
        if (index >= (uint)module.Elements.Length) throw Invalid($"unknown elem segment {index}");
        return module.Elements[(int)index];
    }
}
