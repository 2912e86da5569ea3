using System.Reflection.Emit;
using ScriptRunner.Wasm.Binary;
using ScriptRunner.Wasm.Execution.Compilation;
using ScriptRunner.Wasm.Structure;

namespace ScriptRunner.Wasm.Execution.Instructions.Parametric;

/// <summary>drop and select.</summary>
internal static class ParametricEmitter
{
    public static bool TryEmit(FunctionCompiler c, Opcode opcode, ref CodeReader reader)
    {
        switch (opcode)
        {
            case Opcode.Drop:
                c.IL.Emit(OpCodes.Pop);
                c.Pop();
                return true;
            case Opcode.Select:
                EmitSelect(c);
                return true;
            case Opcode.SelectTyped:
                reader.ReadSelectTypes(out _);
                EmitSelect(c);
                return true;
            default:
                return false;
        }
    }

    // [a, b, cond] -> cond != 0 ? a : b, keeping a on the stack and swapping in b only when needed.
    private static void EmitSelect(FunctionCompiler c)
    {
        c.Pop();
        var type = c.Pop();
        var condition = c.Scratch(typeof(int), 1);
        var second = c.Scratch(type, 3);
        var done = c.IL.DefineLabel();
        c.IL.Emit(OpCodes.Stloc, condition);
        c.IL.Emit(OpCodes.Stloc, second);
        c.IL.Emit(OpCodes.Ldloc, condition);
        c.IL.Emit(OpCodes.Brtrue, done);
        c.IL.Emit(OpCodes.Pop);
        c.IL.Emit(OpCodes.Ldloc, second);
        c.IL.MarkLabel(done);
    }
}
