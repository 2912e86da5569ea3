using System.Reflection;
using System.Reflection.Emit;
using System.Runtime.CompilerServices;
using ScriptRunner.Wasm.Execution.Compilation;

namespace ScriptRunner.Wasm.Execution.Instructions.Control;

/// <summary>
/// Calls: defined functions by a direct IL call; imports and call_indirect through the callee's
/// <see cref="Function.Code"/> pointer with <c>calli</c>, passing its <see cref="Function.Target"/>.
/// </summary>
internal static class CallEmitter
{
    private static readonly MethodInfo Resolve = typeof(CallEmitter).GetMethod(nameof(ResolveIndirect), BindingFlags.Static | BindingFlags.NonPublic)!;

    public static void EmitCall(FunctionCompiler c, uint functionIndex)
    {
        var type = c.Context.FunctionType(functionIndex);
        if (functionIndex >= c.Context.ImportedFunctionCount)
        {
            c.IL.Emit(OpCodes.Ldloc, c.Ctx);
            c.IL.Emit(OpCodes.Call, c.Context.Methods[functionIndex - c.Context.ImportedFunctionCount]);
        }
        else
        {
            var callee = c.Scratch(typeof(Function));
            c.EmitContextField(Members.ContextCallees);
            c.IL.Emit(OpCodes.Ldc_I4, (int)functionIndex);
            c.IL.Emit(OpCodes.Ldelem_Ref);
            c.IL.Emit(OpCodes.Stloc, callee);
            EmitCalli(c, callee, type);
        }

        Finish(c, type);
    }

    public static void EmitCallIndirect(FunctionCompiler c, uint typeIndex, uint tableIndex)
    {
        var type = c.Context.Module.Types[(int)typeIndex];
        c.Pop();
        var index = c.Scratch(typeof(int));
        var callee = c.Scratch(typeof(Function));
        c.IL.Emit(OpCodes.Stloc, index);
        c.IL.Emit(OpCodes.Ldloc, index);
        c.EmitContextField(Members.ContextTables);
        c.IL.Emit(OpCodes.Ldc_I4, (int)tableIndex);
        c.IL.Emit(OpCodes.Ldelem_Ref);
        c.IL.Emit(OpCodes.Ldc_I4, c.Context.TypeIds[(int)typeIndex]);
        c.IL.Emit(OpCodes.Call, Resolve);
        c.IL.Emit(OpCodes.Stloc, callee);
        EmitCalli(c, callee, type);
        Finish(c, type);
    }

    private static void EmitCalli(FunctionCompiler c, IlLocal callee, Structure.FunctionType type)
    {
        c.IL.Emit(OpCodes.Ldloc, callee);
        c.IL.Emit(OpCodes.Call, Members.FunctionTarget);
        c.IL.Emit(OpCodes.Ldloc, callee);
        c.IL.Emit(OpCodes.Call, Members.FunctionCode);
        var signature = Signature(type);
        c.IL.EmitCalli(signature.Return, signature.Parameters);
    }

    /// <summary>Updates the operand stack, spreads a multi-value tuple onto it, and refreshes cached memory.</summary>
    private static void Finish(FunctionCompiler c, Structure.FunctionType type)
    {
        c.Pop(type.Params.Length);
        if (type.Results.Length > 1)
        {
            var resultTypes = type.Results.Select(FunctionCompiler.ClrType).ToArray();
            var tuple = c.Scratch(Abi.TupleType(resultTypes));
            c.IL.Emit(OpCodes.Stloc, tuple);
            Abi.EmitUnpack(c.IL, tuple, resultTypes);
        }

        foreach (var result in type.Results)
        {
            c.Push(result);
        }

        c.ReloadMemory();
    }

    public static (Type Return, Type[] Parameters) Signature(Structure.FunctionType type)
    {
        var parameters = new Type[type.Params.Length + 1];
        for (var i = 0; i < type.Params.Length; i++)
        {
            parameters[i] = FunctionCompiler.ClrType(type.Params[i]);
        }

        parameters[^1] = typeof(object);
        var results = type.Results;
        var returnType = results.Length switch
        {
            0 => typeof(void),
            1 => FunctionCompiler.ClrType(results[0]),
            _ => Abi.TupleType(results.Select(FunctionCompiler.ClrType).ToArray()),
        };
        return (returnType, parameters);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Function ResolveIndirect(int index, Wasm.Table table, int typeId)
    {
        if ((uint)index >= table.Count)
        {
            throw Traps.Create(TrapKind.UndefinedElement);
        }

        // call_indirect only validates against funcref tables, which hold Function objects or null.
        var function = Unsafe.As<Function?>(table.Elements[index]) ?? throw Traps.Create(TrapKind.UninitializedElement);
        if (function.TypeId != typeId)
        {
            throw Traps.Create(TrapKind.IndirectCallTypeMismatch);
        }

        return function;
    }
}
