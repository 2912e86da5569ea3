using System.Reflection;
using System.Reflection.Emit;
using System.Runtime.Intrinsics;
using ScriptRunner.Wasm.Binary;
using ScriptRunner.Wasm.Execution.Compilation;
using ScriptRunner.Wasm.Execution.Instructions.Vector;
using ScriptRunner.Wasm.Structure;

namespace ScriptRunner.Wasm.Execution.Instructions.Memory;

/// <summary>
/// Loads and stores as bounds-checked native pointer accesses (<c>ldind</c>/<c>stind</c> on the cached memory
/// base), memory.size from the cached length, and calls to <see cref="MemoryOps"/> for grow and bulk operations.
/// v128 loads and stores read or write the bytes here and use the <see cref="VectorOps"/> helpers to shape them.
/// </summary>
internal static class MemoryEmitter
{
    public static bool TryEmit(FunctionCompiler c, Opcode opcode, ref CodeReader reader)
    {
        switch (opcode)
        {
            case Opcode.I32Load: return Load(c, ref reader, 4, ValType.I32, OpCodes.Ldind_I4);
            case Opcode.I64Load: return Load(c, ref reader, 8, ValType.I64, OpCodes.Ldind_I8);
            case Opcode.F32Load: return Load(c, ref reader, 4, ValType.F32, OpCodes.Ldind_R4);
            case Opcode.F64Load: return Load(c, ref reader, 8, ValType.F64, OpCodes.Ldind_R8);
            case Opcode.I32Load8S: return Load(c, ref reader, 1, ValType.I32, OpCodes.Ldind_I1);
            case Opcode.I32Load8U: return Load(c, ref reader, 1, ValType.I32, OpCodes.Ldind_U1);
            case Opcode.I32Load16S: return Load(c, ref reader, 2, ValType.I32, OpCodes.Ldind_I2);
            case Opcode.I32Load16U: return Load(c, ref reader, 2, ValType.I32, OpCodes.Ldind_U2);
            case Opcode.I64Load8S: return Load(c, ref reader, 1, ValType.I64, OpCodes.Ldind_I1, OpCodes.Conv_I8);
            case Opcode.I64Load8U: return Load(c, ref reader, 1, ValType.I64, OpCodes.Ldind_U1, OpCodes.Conv_U8);
            case Opcode.I64Load16S: return Load(c, ref reader, 2, ValType.I64, OpCodes.Ldind_I2, OpCodes.Conv_I8);
            case Opcode.I64Load16U: return Load(c, ref reader, 2, ValType.I64, OpCodes.Ldind_U2, OpCodes.Conv_U8);
            case Opcode.I64Load32S: return Load(c, ref reader, 4, ValType.I64, OpCodes.Ldind_I4, OpCodes.Conv_I8);
            case Opcode.I64Load32U: return Load(c, ref reader, 4, ValType.I64, OpCodes.Ldind_U4, OpCodes.Conv_U8);
            case Opcode.I32Store: return Store(c, ref reader, 4, OpCodes.Stind_I4);
            case Opcode.I64Store: return Store(c, ref reader, 8, OpCodes.Stind_I8);
            case Opcode.F32Store: return Store(c, ref reader, 4, OpCodes.Stind_R4);
            case Opcode.F64Store: return Store(c, ref reader, 8, OpCodes.Stind_R8);
            case Opcode.I32Store8: return Store(c, ref reader, 1, OpCodes.Stind_I1);
            case Opcode.I32Store16: return Store(c, ref reader, 2, OpCodes.Stind_I2);
            case Opcode.I64Store8: return Store(c, ref reader, 1, OpCodes.Stind_I1, OpCodes.Conv_I4);
            case Opcode.I64Store16: return Store(c, ref reader, 2, OpCodes.Stind_I2, OpCodes.Conv_I4);
            case Opcode.I64Store32: return Store(c, ref reader, 4, OpCodes.Stind_I4, OpCodes.Conv_I4);

            case Opcode.MemorySize:
                reader.ReadZeroByte();
                c.IL.Emit(OpCodes.Ldloc, c.MemoryLength!);
                c.IL.Emit(OpCodes.Ldc_I4, 16);
                c.IL.Emit(OpCodes.Shr_Un);
                c.IL.Emit(OpCodes.Conv_I4);
                c.Push(ValType.I32);
                return true;
            case Opcode.MemoryGrow:
                reader.ReadZeroByte();
                CallOps(c, nameof(MemoryOps.Grow), 1, ValType.I32);
                c.ReloadMemory();
                return true;
            case Opcode.MemoryFill:
                reader.ReadZeroByte();
                CallOps(c, nameof(MemoryOps.Fill), 3, null);
                return true;
            case Opcode.MemoryCopy:
                reader.ReadZeroByte();
                reader.ReadZeroByte();
                CallOps(c, nameof(MemoryOps.Copy), 3, null);
                return true;
            case Opcode.MemoryInit:
                c.IL.Emit(OpCodes.Ldc_I4, (int)reader.ReadU32());
                reader.ReadZeroByte();
                CallOps(c, nameof(MemoryOps.Init), 3, null);
                return true;
            case Opcode.DataDrop:
                c.IL.Emit(OpCodes.Ldc_I4, (int)reader.ReadU32());
                CallOps(c, nameof(MemoryOps.DropData), 0, null);
                return true;

            case Opcode.V128Load: return Load(c, ref reader, 16, ValType.V128, OpCodes.Ldobj);
            case Opcode.V128Store: return Store(c, ref reader, 16, OpCodes.Stobj);
            case Opcode.V128Load8x8S or Opcode.V128Load8x8U or Opcode.V128Load16x4S or Opcode.V128Load16x4U
                or Opcode.V128Load32x2S or Opcode.V128Load32x2U or Opcode.V128Load64Splat or Opcode.V128Load64Zero:
                return VectorLoad(c, ref reader, opcode, 8, OpCodes.Ldind_I8);
            case Opcode.V128Load8Splat: return VectorLoad(c, ref reader, opcode, 1, OpCodes.Ldind_U1);
            case Opcode.V128Load16Splat: return VectorLoad(c, ref reader, opcode, 2, OpCodes.Ldind_U2);
            case Opcode.V128Load32Splat or Opcode.V128Load32Zero: return VectorLoad(c, ref reader, opcode, 4, OpCodes.Ldind_U4);
            case Opcode.V128Load8Lane: return LoadLane(c, ref reader, 1, OpCodes.Ldind_U1, nameof(VectorOps.I8x16ReplaceLane));
            case Opcode.V128Load16Lane: return LoadLane(c, ref reader, 2, OpCodes.Ldind_U2, nameof(VectorOps.I16x8ReplaceLane));
            case Opcode.V128Load32Lane: return LoadLane(c, ref reader, 4, OpCodes.Ldind_I4, nameof(VectorOps.I32x4ReplaceLane));
            case Opcode.V128Load64Lane: return LoadLane(c, ref reader, 8, OpCodes.Ldind_I8, nameof(VectorOps.I64x2ReplaceLane));
            case Opcode.V128Store8Lane: return StoreLane(c, ref reader, 1, OpCodes.Stind_I1, nameof(VectorOps.I8x16ExtractLaneU));
            case Opcode.V128Store16Lane: return StoreLane(c, ref reader, 2, OpCodes.Stind_I2, nameof(VectorOps.I16x8ExtractLaneU));
            case Opcode.V128Store32Lane: return StoreLane(c, ref reader, 4, OpCodes.Stind_I4, nameof(VectorOps.I32x4ExtractLane));
            case Opcode.V128Store64Lane: return StoreLane(c, ref reader, 8, OpCodes.Stind_I8, nameof(VectorOps.I64x2ExtractLane));
            default:
                return false;
        }
    }

    private static bool Load(FunctionCompiler c, ref CodeReader reader, int size, ValType type, OpCode load, OpCode? extend = null)
    {
        var (_, offset) = reader.ReadMemArg();
        c.EmitEffectiveAddress(offset, size);
        EmitLoad(c.IL, load);
        if (extend is { } conversion)
        {
            c.IL.Emit(conversion);
        }

        c.Pop();
        c.Push(type);
        return true;
    }

    private static bool Store(FunctionCompiler c, ref CodeReader reader, int size, OpCode store, OpCode? wrap = null)
    {
        var (_, offset) = reader.ReadMemArg();
        var value = c.Scratch(c.Peek(), 2);
        c.IL.Emit(OpCodes.Stloc, value);
        c.EmitEffectiveAddress(offset, size);
        c.IL.Emit(OpCodes.Ldloc, value);
        if (wrap is { } conversion)
        {
            c.IL.Emit(conversion);
        }

        if (store == OpCodes.Stobj)
        {
            c.IL.Emit(OpCodes.Stobj, typeof(Vector128<byte>));
        }
        else
        {
            c.IL.Emit(store);
        }

        c.Pop(2);
        return true;
    }

    private static bool VectorLoad(FunctionCompiler c, ref CodeReader reader, Opcode opcode, int size, OpCode load)
    {
        var (_, offset) = reader.ReadMemArg();
        c.EmitEffectiveAddress(offset, size);
        c.IL.Emit(load);
        c.IL.Emit(OpCodes.Call, Vector(opcode.ToString()));
        c.Pop();
        c.Push(ValType.V128);
        return true;
    }

    // [addr, v] -> replace_lane(v, *(addr), lane)
    private static bool LoadLane(FunctionCompiler c, ref CodeReader reader, int size, OpCode load, string replace)
    {
        var (_, offset) = reader.ReadMemArg();
        var lane = reader.ReadByte();
        var vector = c.Scratch(ValType.V128, 2);
        var pointer = c.Scratch(typeof(byte*), 2);
        c.IL.Emit(OpCodes.Stloc, vector);
        c.EmitEffectiveAddress(offset, size);
        c.IL.Emit(OpCodes.Stloc, pointer);
        c.IL.Emit(OpCodes.Ldloc, vector);
        c.IL.Emit(OpCodes.Ldloc, pointer);
        c.IL.Emit(load);
        c.IL.Emit(OpCodes.Ldc_I4, (int)lane);
        c.IL.Emit(OpCodes.Call, Vector(replace));
        c.Pop(2);
        c.Push(ValType.V128);
        return true;
    }

    // [addr, v] -> *(addr) = extract_lane(v, lane)
    private static bool StoreLane(FunctionCompiler c, ref CodeReader reader, int size, OpCode store, string extract)
    {
        var (_, offset) = reader.ReadMemArg();
        var lane = reader.ReadByte();
        var vector = c.Scratch(ValType.V128, 2);
        c.IL.Emit(OpCodes.Stloc, vector);
        c.EmitEffectiveAddress(offset, size);
        c.IL.Emit(OpCodes.Ldloc, vector);
        c.IL.Emit(OpCodes.Ldc_I4, (int)lane);
        c.IL.Emit(OpCodes.Call, Vector(extract));
        c.IL.Emit(store);
        c.Pop(2);
        return true;
    }

    private static void EmitLoad(IlWriter il, OpCode load)
    {
        if (load == OpCodes.Ldobj)
        {
            il.Emit(OpCodes.Ldobj, typeof(Vector128<byte>));
        }
        else
        {
            il.Emit(load);
        }
    }

    private static void CallOps(FunctionCompiler c, string name, int operands, ValType? result)
    {
        c.IL.Emit(OpCodes.Ldloc, c.Ctx);
        c.IL.Emit(OpCodes.Call, Members.Method(typeof(MemoryOps), name));
        c.Pop(operands);
        if (result is { } type)
        {
            c.Push(type);
        }
    }

    private static MethodInfo Vector(string name) =>
        typeof(VectorOps).GetMethod(name, BindingFlags.Public | BindingFlags.Static)
        ?? throw new MissingMethodException(nameof(VectorOps), name);
}
