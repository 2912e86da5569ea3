using System.Reflection.Emit;
using ScriptRunner.Wasm.Binary;
using ScriptRunner.Wasm.Execution.Compilation;
using ScriptRunner.Wasm.Structure;

namespace ScriptRunner.Wasm.Execution.Instructions.Table;

/// <summary>Table instructions as calls to <see cref="TableOps"/> with the table loaded from the context.</summary>
internal static class TableEmitter
{
    public static bool TryEmit(FunctionCompiler c, Opcode opcode, ref CodeReader reader)
    {
        switch (opcode)
        {
            case Opcode.TableGet:
            {
                var table = reader.ReadU32();
                LoadTable(c, table);
                Call(c, nameof(TableOps.Get), 1, c.Context.Module.Tables[(int)table].ElementType);
                return true;
            }

            case Opcode.TableSet:
                LoadTable(c, reader.ReadU32());
                Call(c, nameof(TableOps.Set), 2, null);
                return true;
            case Opcode.TableSize:
                LoadTable(c, reader.ReadU32());
                Call(c, nameof(TableOps.Size), 0, ValType.I32);
                return true;
            case Opcode.TableGrow:
                LoadTable(c, reader.ReadU32());
                Call(c, nameof(TableOps.Grow), 2, ValType.I32);
                return true;
            case Opcode.TableFill:
                LoadTable(c, reader.ReadU32());
                Call(c, nameof(TableOps.Fill), 3, null);
                return true;
            case Opcode.TableCopy:
                LoadTable(c, reader.ReadU32());
                LoadTable(c, reader.ReadU32());
                Call(c, nameof(TableOps.Copy), 3, null);
                return true;
            case Opcode.TableInit:
            {
                var segment = reader.ReadU32();
                LoadTable(c, reader.ReadU32());
                c.IL.Emit(OpCodes.Ldc_I4, (int)segment);
                c.IL.Emit(OpCodes.Ldloc, c.Ctx);
                Call(c, nameof(TableOps.Init), 3, null);
                return true;
            }

            case Opcode.ElemDrop:
                c.IL.Emit(OpCodes.Ldc_I4, (int)reader.ReadU32());
                c.IL.Emit(OpCodes.Ldloc, c.Ctx);
                Call(c, nameof(TableOps.DropElements), 0, null);
                return true;
            default:
                return false;
        }
    }

    private static void LoadTable(FunctionCompiler c, uint index)
    {
        c.EmitContextField(Members.ContextTables);
        c.IL.Emit(OpCodes.Ldc_I4, (int)index);
        c.IL.Emit(OpCodes.Ldelem_Ref);
    }

    private static void Call(FunctionCompiler c, string name, int operands, ValType? result)
    {
        c.IL.Emit(OpCodes.Call, Members.Method(typeof(TableOps), name));
        c.Pop(operands);
        if (result is { } type)
        {
            c.Push(type);
        }
    }
}
