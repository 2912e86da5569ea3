using System.Reflection.Emit;

namespace ScriptRunner.Wasm.Execution.Compilation;

/// <summary>
/// The function's frame discipline: the prologue caches what the body needs and runs the runtime guards (fuel and
/// interruption, call depth, native stack), and the epilogue undoes the depth count and returns.
/// </summary>
internal sealed partial class FunctionCompiler
{
    /// <summary>Charges <paramref name="weight"/> fuel; a negative counter (no fuel, or interrupted) traps.</summary>
    public void EmitFuelCheck(int weight)
    {
        var exec = Exec!;
        var ok = IL.DefineLabel();
        IL.Emit(OpCodes.Ldloc, exec);
        IL.Emit(OpCodes.Ldloc, exec);
        IL.Emit(OpCodes.Ldfld, Members.ExecutionCounter);
        IL.Emit(OpCodes.Ldc_I8, (long)Math.Max(1, weight));
        IL.Emit(OpCodes.Sub);
        IL.Emit(OpCodes.Stfld, Members.ExecutionCounter);
        IL.Emit(OpCodes.Ldloc, exec);
        IL.Emit(OpCodes.Ldfld, Members.ExecutionCounter);
        IL.Emit(OpCodes.Ldc_I8, 0L);
        IL.Emit(OpCodes.Bge, ok);
        IL.Emit(OpCodes.Ldloc, exec);
        IL.Emit(OpCodes.Call, Members.ExecutionCounterExhausted);
        IL.Emit(OpCodes.Throw);
        IL.MarkLabel(ok);
    }

    private void EmitPrologue()
    {
        _locals.EmitAllocation();
        Ctx = IL.DeclareLocal(typeof(InstanceContext));
        IL.Emit(OpCodes.Ldarg, (short)_parameterCount);
        IL.Emit(OpCodes.Call, Members.AsContext);
        IL.Emit(OpCodes.Stloc, Ctx);

        if (_shape.HasCalls || _shape.HasLoops)
        {
            Exec = IL.DeclareLocal(typeof(ExecutionState));
            EmitContextField(Members.ContextExecution);
            IL.Emit(OpCodes.Stloc, Exec);
        }

        if (_shape.HasCalls)
        {
            // Only functions that call can recurse, so only they count depth and watch the native stack.
            EmitFuelCheck(Math.Min(_shape.InstructionCount, 1000));
            EmitDepthIncrement();
            EmitStackCheck();
        }

        if (_shape.UsesMemory)
        {
            MemoryBase = IL.DeclareLocal(typeof(byte*));
            MemoryLength = IL.DeclareLocal(typeof(ulong));
            ReloadMemory();
        }

        PushFrame(new ControlFrame
        {
            Kind = FrameKind.Function,
            Params = [],
            Results = Type.Results,
            Height = 0,
            Target = IL.DefineLabel(),
        });
    }

    private void EmitDepthIncrement()
    {
        var exec = Exec!;
        var depth = Scratch(typeof(int));
        var ok = IL.DefineLabel();
        IL.Emit(OpCodes.Ldloc, exec);
        IL.Emit(OpCodes.Ldfld, Members.ExecutionDepth);
        IL.Emit(OpCodes.Ldc_I4, _locals.DepthWeight);
        IL.Emit(OpCodes.Add);
        IL.Emit(OpCodes.Stloc, depth);
        IL.Emit(OpCodes.Ldloc, exec);
        IL.Emit(OpCodes.Ldloc, depth);
        IL.Emit(OpCodes.Stfld, Members.ExecutionDepth);
        IL.Emit(OpCodes.Ldloc, depth);
        IL.Emit(OpCodes.Ldloc, exec);
        IL.Emit(OpCodes.Ldfld, Members.ExecutionMaxDepth);
        IL.Emit(OpCodes.Ble, ok);
        EmitThrow(Members.ExecutionCallStackExhausted);
        IL.MarkLabel(ok);
    }

    private void EmitStackCheck()
    {
        // The address of a local approximates the stack pointer; below the verified limit, re-verify.
        var marker = IL.DeclareLocal(typeof(int));
        var ok = IL.DefineLabel();
        IL.Emit(OpCodes.Ldloca, marker);
        IL.Emit(OpCodes.Conv_U);
        IL.Emit(OpCodes.Ldloc, Exec!);
        IL.Emit(OpCodes.Ldfld, Members.ExecutionStackLimit);
        IL.Emit(OpCodes.Bge_Un, ok);
        IL.Emit(OpCodes.Ldloc, Exec!);
        IL.Emit(OpCodes.Ldloca, marker);
        IL.Emit(OpCodes.Conv_U);
        IL.Emit(OpCodes.Call, Members.ExecutionOnStackLimit);
        IL.MarkLabel(ok);
    }

    /// <summary>Returns from the function with the result values on the stack.</summary>
    public void EmitEpilogue()
    {
        if (_shape.HasCalls)
        {
            var exec = Exec!;
            IL.Emit(OpCodes.Ldloc, exec);
            IL.Emit(OpCodes.Ldloc, exec);
            IL.Emit(OpCodes.Ldfld, Members.ExecutionDepth);
            IL.Emit(OpCodes.Ldc_I4, _locals.DepthWeight);
            IL.Emit(OpCodes.Sub);
            IL.Emit(OpCodes.Stfld, Members.ExecutionDepth);
        }

        if (Type.Results.Length > 1)
        {
            Abi.EmitPack(IL, Type.Results.Select(ClrType).ToArray());
        }

        IL.Emit(OpCodes.Ret);
    }
}
