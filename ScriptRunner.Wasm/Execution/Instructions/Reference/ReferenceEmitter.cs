using System.Reflection.Emit;
using ScriptRunner.Wasm.Binary;
using ScriptRunner.Wasm.Execution.Compilation;
using ScriptRunner.Wasm.Structure;

namespace ScriptRunner.Wasm.Execution.Instructions.Reference;

/// <summary>References are CLR objects (funcref: <see cref="Function"/>), null being ref.null.</summary>
internal static class ReferenceEmitter
{
    public static bool TryEmit(FunctionCompiler c, Opcode opcode, ref CodeReader reader)
    {
        switch (opcode)
        {
            case Opcode.RefNull:
                c.IL.Emit(OpCodes.Ldnull);
                c.Push(reader.ReadRefType());
                return true;
            case Opcode.RefIsNull:
                c.IL.Emit(OpCodes.Ldnull);
                c.IL.Emit(OpCodes.Ceq);
                c.Pop();
                c.Push(ValType.I32);
                return true;
            case Opcode.RefFunc:
                c.EmitContextField(Members.ContextFunctions);
                c.IL.Emit(OpCodes.Ldc_I4, (int)reader.ReadU32());
                c.IL.Emit(OpCodes.Ldelem_Ref);
                c.Push(ValType.FuncRef);
                return true;
            default:
                return false;
        }
    }
}
