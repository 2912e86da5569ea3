using System.Collections.Frozen;
using System.Reflection;
using System.Reflection.Emit;
using ScriptRunner.Wasm.Binary;
using ScriptRunner.Wasm.Execution.Compilation;
using ScriptRunner.Wasm.Structure;

namespace ScriptRunner.Wasm.Execution.Instructions.Numeric;

/// <summary>
/// Constants and numeric instructions. Operations whose IL opcode already has the spec semantics are emitted inline
/// (integer arithmetic, bitwise ops, masked shifts, comparisons, float arithmetic, exact conversions); the rest call
/// the <see cref="NumericOps"/> method of the same name, which the JIT inlines.
/// </summary>
internal static class NumericEmitter
{
    private static readonly FrozenDictionary<Opcode, MethodInfo> Helpers = typeof(NumericOps)
        .GetMethods(BindingFlags.Public | BindingFlags.Static)
        .Where(m => Enum.IsDefined(typeof(Opcode), m.Name))
        .ToFrozenDictionary(m => Enum.Parse<Opcode>(m.Name), m => m);

    private static readonly MethodInfo F32FromBits = typeof(NumericOps).GetMethod(nameof(NumericOps.F32FromBits))!;
    private static readonly MethodInfo F64FromBits = typeof(NumericOps).GetMethod(nameof(NumericOps.F64FromBits))!;

    public static bool TryEmit(FunctionCompiler c, Opcode opcode, ref CodeReader reader)
    {
        var il = c.IL;
        switch (opcode)
        {
            case Opcode.I32Const:
                il.Emit(OpCodes.Ldc_I4, reader.ReadS32());
                c.Push(ValType.I32);
                return true;
            case Opcode.I64Const:
                il.Emit(OpCodes.Ldc_I8, reader.ReadS64());
                c.Push(ValType.I64);
                return true;
            case Opcode.F32Const:
            {
                var bits = reader.ReadF32Bits();
                EmitF32Const(il, bits);
                c.Push(ValType.F32);
                c.RecordConstant(BitConverter.UInt32BitsToSingle(bits));
                return true;
            }

            case Opcode.F64Const:
            {
                var bits = reader.ReadF64Bits();
                EmitF64Const(il, bits);
                c.Push(ValType.F64);
                c.RecordConstant(BitConverter.UInt64BitsToDouble(bits));
                return true;
            }

            case Opcode.I32Eqz:
                il.Emit(OpCodes.Ldc_I4_0);
                il.Emit(OpCodes.Ceq);
                return Unary(c, ValType.I32);
            case Opcode.I64Eqz:
                il.Emit(OpCodes.Ldc_I8, 0L);
                il.Emit(OpCodes.Ceq);
                return Unary(c, ValType.I32);

            case Opcode.I32Eq or Opcode.I64Eq or Opcode.F32Eq or Opcode.F64Eq:
                return Compare(c, OpCodes.Ceq, negate: false);
            case Opcode.I32Ne or Opcode.I64Ne or Opcode.F32Ne or Opcode.F64Ne:
                return Compare(c, OpCodes.Ceq, negate: true);
            case Opcode.I32LtS or Opcode.I64LtS or Opcode.F32Lt or Opcode.F64Lt:
                return Compare(c, OpCodes.Clt, negate: false);
            case Opcode.I32LtU or Opcode.I64LtU:
                return Compare(c, OpCodes.Clt_Un, negate: false);
            case Opcode.I32GtS or Opcode.I64GtS or Opcode.F32Gt or Opcode.F64Gt:
                return Compare(c, OpCodes.Cgt, negate: false);
            case Opcode.I32GtU or Opcode.I64GtU:
                return Compare(c, OpCodes.Cgt_Un, negate: false);
            case Opcode.I32LeS or Opcode.I64LeS:
                return Compare(c, OpCodes.Cgt, negate: true);
            case Opcode.I32LeU or Opcode.I64LeU:
                return Compare(c, OpCodes.Cgt_Un, negate: true);
            case Opcode.I32GeS or Opcode.I64GeS:
                return Compare(c, OpCodes.Clt, negate: true);
            case Opcode.I32GeU or Opcode.I64GeU:
                return Compare(c, OpCodes.Clt_Un, negate: true);

            // For floats, "not (a > b)" unordered is "a <= b" ordered: false whenever a NaN is involved.
            case Opcode.F32Le or Opcode.F64Le:
                return Compare(c, OpCodes.Cgt_Un, negate: true);
            case Opcode.F32Ge or Opcode.F64Ge:
                return Compare(c, OpCodes.Clt_Un, negate: true);

            case Opcode.F32Add or Opcode.F64Add or Opcode.F32Sub or Opcode.F64Sub
                or Opcode.F32Mul or Opcode.F64Mul or Opcode.F32Div or Opcode.F64Div
                when c.PreviousConstant is { } constant && IsFoldableIdentity(opcode, constant):
                return EmitHelper(c, typeof(NumericOps).GetMethod(opcode + "Identity")!);

            case Opcode.I32Add or Opcode.I64Add or Opcode.F32Add or Opcode.F64Add:
                return Binary(c, OpCodes.Add);
            case Opcode.I32Sub or Opcode.I64Sub or Opcode.F32Sub or Opcode.F64Sub:
                return Binary(c, OpCodes.Sub);
            case Opcode.I32Mul or Opcode.I64Mul or Opcode.F32Mul or Opcode.F64Mul:
                return Binary(c, OpCodes.Mul);
            case Opcode.F32Div or Opcode.F64Div:
                return Binary(c, OpCodes.Div);
            case Opcode.I32And or Opcode.I64And:
                return Binary(c, OpCodes.And);
            case Opcode.I32Or or Opcode.I64Or:
                return Binary(c, OpCodes.Or);
            case Opcode.I32Xor or Opcode.I64Xor:
                return Binary(c, OpCodes.Xor);
            case Opcode.I32Shl or Opcode.I64Shl:
                return Shift(c, OpCodes.Shl);
            case Opcode.I32ShrS or Opcode.I64ShrS:
                return Shift(c, OpCodes.Shr);
            case Opcode.I32ShrU or Opcode.I64ShrU:
                return Shift(c, OpCodes.Shr_Un);

            case Opcode.I32WrapI64:
                return Convert(c, ValType.I32, OpCodes.Conv_I4);
            case Opcode.I64ExtendI32S:
                return Convert(c, ValType.I64, OpCodes.Conv_I8);
            case Opcode.I64ExtendI32U:
                return Convert(c, ValType.I64, OpCodes.Conv_U8);
            case Opcode.F32ConvertI32S or Opcode.F32DemoteF64:
                return Convert(c, ValType.F32, OpCodes.Conv_R4);
            case Opcode.F64ConvertI32S or Opcode.F64ConvertI64S:
                return Convert(c, ValType.F64, OpCodes.Conv_R8);
            case Opcode.I32Extend8S:
                return Convert(c, ValType.I32, OpCodes.Conv_I1);
            case Opcode.I32Extend16S:
                return Convert(c, ValType.I32, OpCodes.Conv_I2);
            case Opcode.I64Extend8S:
                il.Emit(OpCodes.Conv_I1);
                return Convert(c, ValType.I64, OpCodes.Conv_I8);
            case Opcode.I64Extend16S:
                il.Emit(OpCodes.Conv_I2);
                return Convert(c, ValType.I64, OpCodes.Conv_I8);
            case Opcode.I64Extend32S:
                il.Emit(OpCodes.Conv_I4);
                return Convert(c, ValType.I64, OpCodes.Conv_I8);

            default:
                return Helpers.TryGetValue(opcode, out var helper) && EmitHelper(c, helper);
        }
    }

    private static bool IsFoldableIdentity(Opcode opcode, double constant) => opcode switch
    {
        Opcode.F32Add or Opcode.F64Add or Opcode.F32Sub or Opcode.F64Sub => constant == 0,
        _ => Math.Abs(constant) == 1,
    };

    private static void EmitF32Const(IlWriter il, uint bits)
    {
        var value = BitConverter.UInt32BitsToSingle(bits);
        if (float.IsNaN(value))
        {
            il.Emit(OpCodes.Ldc_I4, (int)bits);
            il.Emit(OpCodes.Call, F32FromBits);
        }
        else
        {
            il.Emit(OpCodes.Ldc_R4, value);
        }
    }

    private static void EmitF64Const(IlWriter il, ulong bits)
    {
        var value = BitConverter.UInt64BitsToDouble(bits);
        if (double.IsNaN(value))
        {
            il.Emit(OpCodes.Ldc_I8, (long)bits);
            il.Emit(OpCodes.Call, F64FromBits);
        }
        else
        {
            il.Emit(OpCodes.Ldc_R8, value);
        }
    }

    private static bool EmitHelper(FunctionCompiler c, MethodInfo helper)
    {
        c.IL.Emit(OpCodes.Call, helper);
        c.Pop(helper.GetParameters().Length);
        c.Push(FunctionCompiler.FromClr(helper.ReturnType));
        return true;
    }

    private static bool Unary(FunctionCompiler c, ValType result)
    {
        c.Pop();
        c.Push(result);
        return true;
    }

    private static bool Binary(FunctionCompiler c, OpCode opcode)
    {
        c.IL.Emit(opcode);
        c.Pop();
        return true;
    }

    private static bool Compare(FunctionCompiler c, OpCode opcode, bool negate)
    {
        c.IL.Emit(opcode);
        if (negate)
        {
            c.IL.Emit(OpCodes.Ldc_I4_0);
            c.IL.Emit(OpCodes.Ceq);
        }

        c.Pop(2);
        c.Push(ValType.I32);
        return true;
    }

    // WebAssembly takes the shift count modulo the width; IL leaves counts >= width unspecified.
    private static bool Shift(FunctionCompiler c, OpCode opcode)
    {
        var is64 = c.Peek() == ValType.I64;
        if (is64)
        {
            c.IL.Emit(OpCodes.Conv_I4);
        }

        c.IL.Emit(OpCodes.Ldc_I4, is64 ? 63 : 31);
        c.IL.Emit(OpCodes.And);
        c.IL.Emit(opcode);
        c.Pop();
        return true;
    }

    private static bool Convert(FunctionCompiler c, ValType result, OpCode opcode)
    {
        c.IL.Emit(opcode);
        c.Pop();
        c.Push(result);
        return true;
    }
}
