using System.Reflection.Emit;
using ScriptRunner.Wasm.Binary;
using ScriptRunner.Wasm.Execution.Compilation;
using ScriptRunner.Wasm.Structure;

namespace ScriptRunner.Wasm.Execution.Instructions.Variable;

/// <summary>Locals are IL arguments and locals; globals are fields of shared <see cref="Global"/> cells.</summary>
internal static class VariableEmitter
{
    public static bool TryEmit(FunctionCompiler c, Opcode opcode, ref CodeReader reader)
    {
        switch (opcode)
        {
            case Opcode.LocalGet:
            {
                var index = reader.ReadU32();
                c.EmitLocalGet(index);
                c.Push(c.LocalType(index));
                return true;
            }

            case Opcode.LocalSet:
                c.EmitLocalSet(reader.ReadU32());
                c.Pop();
                return true;
            case Opcode.LocalTee:
                c.IL.Emit(OpCodes.Dup);
                c.EmitLocalSet(reader.ReadU32());
                return true;
            case Opcode.GlobalGet:
            {
                var index = reader.ReadU32();
                var type = c.Context.Module.Globals[(int)index].Type;
                LoadGlobal(c, index);
                c.IL.Emit(OpCodes.Ldfld, Members.GlobalField(FunctionCompiler.ToKind(type)));
                c.Push(type);
                return true;
            }

            case Opcode.GlobalSet:
            {
                var index = reader.ReadU32();
                var type = c.Context.Module.Globals[(int)index].Type;
                var value = c.Scratch(type);
                c.IL.Emit(OpCodes.Stloc, value);
                LoadGlobal(c, index);
                c.IL.Emit(OpCodes.Ldloc, value);
                c.IL.Emit(OpCodes.Stfld, Members.GlobalField(FunctionCompiler.ToKind(type)));
                c.Pop();
                return true;
            }

            default:
                return false;
        }
    }

    private static void LoadGlobal(FunctionCompiler c, uint index)
    {
        c.EmitContextField(Members.ContextGlobals);
        c.IL.Emit(OpCodes.Ldc_I4, (int)index);
        c.IL.Emit(OpCodes.Ldelem_Ref);
    }
}
