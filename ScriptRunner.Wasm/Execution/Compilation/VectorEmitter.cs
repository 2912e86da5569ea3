using System.Collections.Frozen;
using System.Reflection;
using System.Reflection.Emit;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using ScriptRunner.Wasm.Binary;
using ScriptRunner.Wasm.Execution.Instructions.Vector;
using ScriptRunner.Wasm.Structure;

namespace ScriptRunner.Wasm.Execution.Compilation;

/// <summary>
/// v128 instructions other than memory accesses: v128.const becomes an inline constant, every other opcode a call
/// to the <see cref="VectorOps"/> method of the same name (operands on the stack, then the lane immediates).
/// </summary>
internal static class VectorEmitter
{
    private static readonly FrozenDictionary<string, MethodInfo> Operations = typeof(VectorOps)
        .GetMethods(BindingFlags.Public | BindingFlags.Static)
        .GroupBy(m => m.Name)
        .ToFrozenDictionary(g => g.Key, g => g.First());

    private static readonly MethodInfo CreateVector = typeof(VectorEmitter).GetMethod(nameof(Constant), BindingFlags.Static | BindingFlags.NonPublic)!;

    public static bool TryEmit(FunctionCompiler c, Opcode opcode, ref CodeReader reader)
    {
        if (!opcode.IsVector())
        {
            return false;
        }

        if (opcode == Opcode.V128Const)
        {
            EmitConstant(c.IL, reader.ReadV128());
            c.Push(ValType.V128);
            return true;
        }

        if (!Operations.TryGetValue(opcode.ToString(), out var method))
        {
            return false;
        }

        var operands = 0;
        foreach (var parameter in method.GetParameters())
        {
            switch (parameter.Name)
            {
                case "lane":
                    c.IL.Emit(OpCodes.Ldc_I4, (int)reader.ReadByte());
                    break;
                case "lanes":
                    EmitConstant(c.IL, reader.ReadV128());
                    break;
                default:
                    operands++;
                    break;
            }
        }

        c.IL.Emit(OpCodes.Call, method);
        c.Pop(operands);
        c.Push(FunctionCompiler.FromClr(method.ReturnType));
        return true;
    }

    private static void EmitConstant(IlWriter il, Vector128<byte> value)
    {
        var halves = value.AsUInt64();
        il.Emit(OpCodes.Ldc_I8, (long)halves.GetElement(0));
        il.Emit(OpCodes.Ldc_I8, (long)halves.GetElement(1));
        il.Emit(OpCodes.Call, CreateVector);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<byte> Constant(ulong low, ulong high) => Vector128.Create(low, high).AsByte();
}
