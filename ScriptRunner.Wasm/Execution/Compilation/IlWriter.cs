using System.Reflection;
using System.Reflection.Emit;

namespace ScriptRunner.Wasm.Execution.Compilation;

/// <summary>A label in an <see cref="IlWriter"/> method body.</summary>
internal readonly record struct IlLabel(Label Label);

/// <summary>A local variable of an <see cref="IlWriter"/> method body.</summary>
internal sealed record IlLocal(LocalBuilder Builder, Type Type);

/// <summary>
/// An ILGenerator front that emits member references through a per-module <see cref="TokenCache"/>: ILGenerator
/// creates a fresh member reference (microseconds) for every call or field access to another assembly, and a
/// module references the same few runtime helpers hundreds of thousands of times. Instructions emitted with a raw
/// token escape ILGenerator's stack-depth bookkeeping, so <see cref="Finish"/> reserves the max stack explicitly.
/// </summary>
internal sealed class IlWriter(ILGenerator il, TokenCache tokens)
{
    public IlLabel DefineLabel() => new(il.DefineLabel());

    public void MarkLabel(IlLabel label) => il.MarkLabel(label.Label);

    public IlLocal DeclareLocal(Type type) => new(il.DeclareLocal(type), type);

    public void Emit(OpCode opcode) => il.Emit(opcode);

    public void Emit(OpCode opcode, int value) => il.Emit(opcode, value);

    public void Emit(OpCode opcode, long value) => il.Emit(opcode, value);

    public void Emit(OpCode opcode, float value) => il.Emit(opcode, value);

    public void Emit(OpCode opcode, double value) => il.Emit(opcode, value);

    /// <summary>ldarg / starg / ldarga with an argument index.</summary>
    public void Emit(OpCode opcode, short argument)
    {
        if (opcode == OpCodes.Ldarg && argument < 4)
        {
            il.Emit(argument switch { 0 => OpCodes.Ldarg_0, 1 => OpCodes.Ldarg_1, 2 => OpCodes.Ldarg_2, _ => OpCodes.Ldarg_3 });
        }
        else if (argument < 256)
        {
            var shortForm = opcode == OpCodes.Ldarg ? OpCodes.Ldarg_S : opcode == OpCodes.Ldarga ? OpCodes.Ldarga_S : OpCodes.Starg_S;
            il.Emit(shortForm, (byte)argument);
        }
        else
        {
            il.Emit(opcode, argument);
        }
    }

    /// <summary>ldloc / stloc / ldloca (ILGenerator picks the short forms).</summary>
    public void Emit(OpCode opcode, IlLocal local) => il.Emit(opcode, local.Builder);

    public void Emit(OpCode opcode, IlLabel label) => il.Emit(opcode, label.Label);

    public void Emit(OpCode opcode, IlLabel[] labels) => il.Emit(opcode, labels.Select(l => l.Label).ToArray());

    public void Emit(OpCode opcode, MethodInfo method)
    {
        if (method is MethodBuilder || method.IsGenericMethod)
        {
            // Same-module methods have cheap tokens, and ILGenerator keeps their stack effect; generic method
            // instantiations need a MethodSpec, which only ILGenerator's own path creates.
            il.Emit(opcode, method);
        }
        else
        {
            il.Emit(opcode, tokens.Method(method));
        }
    }

    public void Emit(OpCode opcode, ConstructorInfo constructor) => il.Emit(opcode, tokens.Constructor(constructor));

    public void Emit(OpCode opcode, FieldInfo field) => il.Emit(opcode, tokens.Field(field));

    public void Emit(OpCode opcode, Type type) => il.Emit(opcode, tokens.Type(type));

    public void EmitCalli(Type returnType, Type[] parameterTypes) =>
        il.Emit(OpCodes.Calli, tokens.Signature(returnType, parameterTypes));

    /// <summary>
    /// Ends the body. Called after its last (terminating) instruction: appends an unreachable block pushing
    /// <paramref name="maxStack"/> values, which ILGenerator counts into the method's max stack.
    /// </summary>
    public void Finish(int maxStack)
    {
        for (var i = 0; i < maxStack; i++)
        {
            il.Emit(OpCodes.Ldnull);
        }

        il.Emit(OpCodes.Throw);
    }
}
