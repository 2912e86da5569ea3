using ScriptRunner.Wasm.Binary;
using ScriptRunner.Wasm.Structure;

namespace ScriptRunner.Wasm.Validation;

// The public ScriptRunner.Wasm.FunctionType would otherwise shadow the module model type.
using FunctionType = ScriptRunner.Wasm.Structure.FunctionType;

internal sealed partial class FunctionValidator
{
    private void ValidateInstruction(ref CodeReader reader)
    {
        switch (opcode)
        {
            case Opcode.Unreachable:
                SetUnreachable();
                break;
            case Opcode.Nop:
                break;
            case Opcode.Block:
            case Opcode.Loop:
            {
                var (parameters, results) = BlockSignature(reader.ReadBlockType());
                PopValues(parameters);
                PushFrame(opcode, parameters, results);
                break;
            }

            case Opcode.If:
            {
                var (parameters, results) = BlockSignature(reader.ReadBlockType());
                Pop(ValType.I32);
                PopValues(parameters);
                PushFrame(Opcode.If, parameters, results);
                break;
            }

            case Opcode.Else:
            {
                if (frames[frameCount - 1].Opcode != Opcode.If)
                {
                    throw CompileException.Malformed("END opcode expected", instructionOffset, "code");
                }

                var frame = PopFrame();
                PushFrame(Opcode.Else, frame.StartTypes, frame.EndTypes);
                break;
            }

            case Opcode.End:
            {
                var frame = PopFrame();
                if (frame.Opcode == Opcode.If && !frame.StartTypes.AsSpan().SequenceEqual(frame.EndTypes))
                {
                    throw Invalid("type mismatch in if: a missing else branch must not change the operand types");
                }

                if (frameCount > 0) PushValues(frame.EndTypes);
                break;
            }

            case Opcode.Br:
                PopValues(Label(reader.ReadU32()).LabelTypes);
                SetUnreachable();
                break;
            case Opcode.BrIf:
            {
                var depth = reader.ReadU32();
                Pop(ValType.I32);
                var types = Label(depth).LabelTypes;
                PopValues(types);
                PushValues(types);
                break;
            }

            case Opcode.BrTable:
                ValidateBrTable(ref reader);
                break;
            case Opcode.Return:
                PopValues(frames[0].EndTypes);
                SetUnreachable();
                break;
            case Opcode.Call:
            {
                var type = module.GetFunctionType(CheckFunction(reader.ReadU32()));
                PopValues(type.Params);
                PushValues(type.Results);
                break;
            }

            case Opcode.CallIndirect:
            {
                var typeIndex = reader.ReadU32();
                var table = Table(reader.ReadU32());
                var type = FunctionTypeAt(typeIndex);
                if (table.ElementType != ValType.FuncRef)
                {
                    throw Invalid("type mismatch in call_indirect: the table must hold funcref");
                }

                Pop(ValType.I32);
                PopValues(type.Params);
                PushValues(type.Results);
                break;
            }

            case Opcode.Drop:
                Pop();
                break;
            case Opcode.Select:
                ValidateSelect();
                break;
            case Opcode.SelectTyped:
            {
                if (reader.ReadSelectTypes(out var type) != 1) throw Invalid("invalid result arity in select");
                Pop(ValType.I32);
                Pop(type);
                Pop(type);
                Push(type);
                break;
            }

            case Opcode.LocalGet:
                Push(Local(reader.ReadU32()));
                break;
            case Opcode.LocalSet:
                Pop(Local(reader.ReadU32()));
                break;
            case Opcode.LocalTee:
            {
                var type = Local(reader.ReadU32());
                Pop(type);
                Push(type);
                break;
            }

            case Opcode.GlobalGet:
                Push(Global(reader.ReadU32()).Type);
                break;
            case Opcode.GlobalSet:
            {
                var index = reader.ReadU32();
                var global = Global(index);
                if (!global.Mutable) throw Invalid($"global is immutable: global.set {index}");
                Pop(global.Type);
                break;
            }

            case Opcode.I32Const:
                reader.ReadS32();
                Push(ValType.I32);
                break;
            case Opcode.I64Const:
                reader.ReadS64();
                Push(ValType.I64);
                break;
            case Opcode.F32Const:
                reader.ReadF32Bits();
                Push(ValType.F32);
                break;
            case Opcode.F64Const:
                reader.ReadF64Bits();
                Push(ValType.F64);
                break;
            case Opcode.V128Const:
                reader.ReadV128();
                Push(ValType.V128);
                break;
            case Opcode.RefNull:
                Push(reader.ReadRefType());
                break;
            case Opcode.RefIsNull:
            {
                var type = Pop();
                if (type != Unknown && !type.IsReference())
                {
                    throw Invalid($"type mismatch in ref.is_null: expected a reference but got {type.Name()}");
                }

                Push(ValType.I32);
                break;
            }

            case Opcode.RefFunc:
            {
                var index = CheckFunction(reader.ReadU32());
                if (!context.DeclaredFunctionReferences[index])
                {
                    throw Invalid($"undeclared function reference {index}");
                }

                Push(ValType.FuncRef);
                break;
            }

            case Opcode.I8x16Shuffle:
            {
                var lanes = reader.ReadBytes(16);
                foreach (var lane in lanes)
                {
                    if (lane >= 32) throw Invalid($"invalid lane index {lane} in i8x16.shuffle");
                }

                Pop(ValType.V128);
                Pop(ValType.V128);
                Push(ValType.V128);
                break;
            }

            default:
                ValidateOperator(ref reader);
                break;
        }
    }

    /// <summary>Numeric and vector operators, memory and table instructions.</summary>
    private void ValidateOperator(ref CodeReader reader)
    {
        if (OperatorSignatures.TryGet(opcode, out var signature))
        {
            if (opcode.GetImmediateKind() == ImmediateKind.LaneIndex) CheckLane(reader.ReadByte());
            switch (signature.Arity)
            {
                case 1:
                    Pop(signature.First);
                    break;
                case 2:
                    Pop(signature.Second);
                    Pop(signature.First);
                    break;
                case 3:
                    Pop(signature.Third);
                    Pop(signature.Second);
                    Pop(signature.First);
                    break;
            }

            Push(signature.Result);
            return;
        }

        if (OperatorSignatures.TryGetMemoryAccess(opcode, out var natural, out var type, out var isStore))
        {
            ValidateMemoryAccess(ref reader, natural, type, isStore);
            return;
        }

        ValidateBulkInstruction(ref reader);
    }

    private void ValidateBrTable(ref CodeReader reader)
    {
        var count = reader.ReadBrTable(ref branchTargets, out var defaultDepth);
        Pop(ValType.I32);
        var defaultTypes = Label(defaultDepth).LabelTypes;
        for (var i = 0; i < count; i++)
        {
            var types = Label(branchTargets[i]).LabelTypes;
            if (types.Length != defaultTypes.Length)
            {
                throw Invalid($"type mismatch in br_table: label {branchTargets[i]} expects {types.Length} value(s) " +
                              $"but the default label expects {defaultTypes.Length}");
            }

            CheckTopValues(types);
        }

        PopValues(defaultTypes);
        SetUnreachable();
    }

    private void ValidateSelect()
    {
        Pop(ValType.I32);
        var first = Pop();
        var second = Pop();
        var numeric = (first == Unknown || first.IsNumeric()) && (second == Unknown || second.IsNumeric());
        var vector = first is Unknown or ValType.V128 && second is Unknown or ValType.V128;
        if (!numeric && !vector)
        {
            throw Invalid("type mismatch in select: operands must be numeric or vector (use select with a type)");
        }

        if (first != second && first != Unknown && second != Unknown) throw TypeMismatch(second, first);
        Push(first == Unknown ? second : first);
    }

    private void CheckLane(byte lane)
    {
        if (lane >= OperatorSignatures.LaneCount(opcode))
        {
            throw Invalid($"invalid lane index {lane} in {opcode.Mnemonic()}");
        }
    }

    private ValType Local(uint index)
    {
        if (index >= (uint)localCount) throw Invalid($"unknown local {index}");
        return locals[index];
    }

    private GlobalType Global(uint index)
    {
        if (index >= (uint)module.Globals.Length) throw Invalid($"unknown global {index}");
        return module.Globals[(int)index];
    }

    private uint CheckFunction(uint index)
    {
        if (index >= (uint)module.FunctionTypeIndices.Length) throw Invalid($"unknown function {index}");
        return index;
    }

    private TableType Table(uint index)
    {
        if (index >= (uint)module.Tables.Length) throw Invalid($"unknown table {index}");
        return module.Tables[(int)index];
    }
}
