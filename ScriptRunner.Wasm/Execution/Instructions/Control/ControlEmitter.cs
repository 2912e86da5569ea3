using System.Reflection.Emit;
using ScriptRunner.Wasm.Binary;
using ScriptRunner.Wasm.Execution.Compilation;
using ScriptRunner.Wasm.Structure;

namespace ScriptRunner.Wasm.Execution.Instructions.Control;

/// <summary>
/// Structured control flow as IL labels and branches. A branch carries its label's values on the IL stack; when
/// values of enclosing frames sit between them and the target's height ("extras"), the label values are parked in
/// scratch locals, the extras popped, and the values reloaded, so every predecessor of a label has the same stack.
/// </summary>
internal static class ControlEmitter
{
    public static bool TryEmit(FunctionCompiler c, Opcode opcode, ref CodeReader reader)
    {
        switch (opcode)
        {
            case Opcode.Unreachable:
                c.EmitTrap(TrapKind.Unreachable);
                c.Unreachable = true;
                return true;
            case Opcode.Nop:
                return true;
            case Opcode.Block:
                EmitBlock(c, reader.ReadBlockType());
                return true;
            case Opcode.Loop:
                EmitLoop(c, reader.ReadBlockType());
                return true;
            case Opcode.If:
                EmitIf(c, reader.ReadBlockType());
                return true;
            case Opcode.Else:
                EmitElse(c);
                return true;
            case Opcode.End:
                EmitEnd(c);
                return true;
            case Opcode.Br:
                EmitBr(c, c.Frame(reader.ReadU32()));
                return true;
            case Opcode.BrIf:
                EmitBrIf(c, c.Frame(reader.ReadU32()));
                return true;
            case Opcode.BrTable:
                EmitBrTable(c, ref reader);
                return true;
            case Opcode.Return:
                EmitBr(c, c.Frames[0]);
                return true;
            case Opcode.Call:
                CallEmitter.EmitCall(c, reader.ReadU32());
                return true;
            case Opcode.CallIndirect:
                var typeIndex = reader.ReadU32();
                CallEmitter.EmitCallIndirect(c, typeIndex, reader.ReadU32());
                return true;
            default:
                return false;
        }
    }

    private static void EmitBlock(FunctionCompiler c, BlockType type)
    {
        var (parameters, results) = c.Context.BlockSignature(type);
        c.PushFrame(new ControlFrame
        {
            Kind = FrameKind.Block,
            Params = parameters,
            Results = results,
            Height = c.StackHeight - parameters.Length,
            Target = c.IL.DefineLabel(),
        });
    }

    private static void EmitLoop(FunctionCompiler c, BlockType type)
    {
        var (parameters, results) = c.Context.BlockSignature(type);
        var header = c.IL.DefineLabel();
        c.IL.MarkLabel(header);

        // Every iteration (and the first entry) pays for the loop body; the back-edge itself stays a plain branch.
        c.EmitFuelCheck(c.NextLoopWeight());
        c.PushFrame(new ControlFrame
        {
            Kind = FrameKind.Loop,
            Params = parameters,
            Results = results,
            Height = c.StackHeight - parameters.Length,
            Target = header,
        });
    }

    private static void EmitIf(FunctionCompiler c, BlockType type)
    {
        var (parameters, results) = c.Context.BlockSignature(type);
        c.Pop();
        var frame = new ControlFrame
        {
            Kind = FrameKind.If,
            Params = parameters,
            Results = results,
            Height = c.StackHeight - parameters.Length,
            Target = c.IL.DefineLabel(),
            Else = c.IL.DefineLabel(),
        };
        c.IL.Emit(OpCodes.Brfalse, frame.Else);
        c.PushFrame(frame);
    }

    public static void EmitElse(FunctionCompiler c)
    {
        var frame = c.Frames[^1];
        if (!c.Unreachable)
        {
            c.IL.Emit(OpCodes.Br, frame.Target);
            frame.EndTargeted = true;
        }

        c.IL.MarkLabel(frame.Else);
        frame.HasElse = true;
        c.ResetStack(frame.Height, frame.Params);
        c.Unreachable = false;
    }

    public static void EmitEnd(FunctionCompiler c)
    {
        var frame = c.PopFrame();
        var fallsThrough = !c.Unreachable;
        if (frame.Kind == FrameKind.If && !frame.HasElse)
        {
            // The false branch skips straight to the end (an if without else has params == results).
            c.IL.MarkLabel(frame.Else);
            frame.EndTargeted = true;
        }

        var reachable = fallsThrough || (frame.Kind != FrameKind.Loop && frame.EndTargeted);
        if (frame.Kind != FrameKind.Loop && frame.EndTargeted)
        {
            c.IL.MarkLabel(frame.Target);
        }

        c.ResetStack(frame.Height, frame.Results);
        c.Unreachable = !reachable;
        if (frame.Kind == FrameKind.Function && reachable)
        {
            c.EmitEpilogue();
        }
    }

    private static void EmitBr(FunctionCompiler c, ControlFrame target)
    {
        EmitJump(c, target, c.StackHeight);
        c.Unreachable = true;
    }

    private static void EmitBrIf(FunctionCompiler c, ControlFrame target)
    {
        c.Pop();
        if (Extras(c, target, c.StackHeight) == 0)
        {
            c.IL.Emit(OpCodes.Brtrue, TargetLabel(target));
            return;
        }

        var skip = c.IL.DefineLabel();
        c.IL.Emit(OpCodes.Brfalse, skip);
        EmitJump(c, target, c.StackHeight);
        c.IL.MarkLabel(skip);
    }

    private static void EmitBrTable(FunctionCompiler c, ref CodeReader reader)
    {
        var labels = new uint[8];
        var count = reader.ReadBrTable(ref labels, out var defaultLabel);
        c.Pop();
        var height = c.StackHeight;
        var targets = new ControlFrame[count];
        var direct = Extras(c, c.Frame(defaultLabel), height) == 0;
        for (var i = 0; i < count; i++)
        {
            targets[i] = c.Frame(labels[i]);
            direct &= Extras(c, targets[i], height) == 0;
        }

        var defaultTarget = c.Frame(defaultLabel);
        if (direct)
        {
            c.IL.Emit(OpCodes.Switch, targets.Select(TargetLabel).ToArray());
            c.IL.Emit(OpCodes.Br, TargetLabel(defaultTarget));
        }
        else
        {
            // One trampoline per distinct target adjusts the stack for that target.
            var trampolines = new Dictionary<ControlFrame, IlLabel>();
            IlLabel TrampolineFor(ControlFrame frame)
            {
                if (!trampolines.TryGetValue(frame, out var label))
                {
                    label = c.IL.DefineLabel();
                    trampolines.Add(frame, label);
                }

                return label;
            }

            c.IL.Emit(OpCodes.Switch, targets.Select(TrampolineFor).ToArray());
            c.IL.Emit(OpCodes.Br, TrampolineFor(defaultTarget));
            foreach (var (frame, label) in trampolines)
            {
                c.IL.MarkLabel(label);
                EmitJump(c, frame, height);
            }
        }

        c.Unreachable = true;
    }

    /// <summary>Jumps to <paramref name="target"/> from a stack of <paramref name="height"/> values.</summary>
    private static void EmitJump(FunctionCompiler c, ControlFrame target, int height)
    {
        var types = target.LabelTypes;
        var extras = Extras(c, target, height);
        if (extras > 0)
        {
            for (var i = types.Length - 1; i >= 0; i--)
            {
                c.IL.Emit(OpCodes.Stloc, c.Scratch(types[i], 100 + i));
            }

            for (var i = 0; i < extras; i++)
            {
                c.IL.Emit(OpCodes.Pop);
            }

            for (var i = 0; i < types.Length; i++)
            {
                c.IL.Emit(OpCodes.Ldloc, c.Scratch(types[i], 100 + i));
            }
        }

        c.IL.Emit(OpCodes.Br, TargetLabel(target));
    }

    private static int Extras(FunctionCompiler c, ControlFrame target, int height) =>
        height - target.LabelTypes.Length - target.Height;

    private static IlLabel TargetLabel(ControlFrame frame)
    {
        if (frame.Kind != FrameKind.Loop)
        {
            frame.EndTargeted = true;
        }

        return frame.Target;
    }
}
