using System.Reflection;
using System.Reflection.Emit;

namespace ScriptRunner.Wasm.Execution.Compilation;

/// <summary>Calls compiled code with values unpacked from <paramref name="args"/>, storing its results.</summary>
internal delegate void EntryInvoker(nint code, object target, ReadOnlySpan<Value> args, Span<Value> results);

/// <summary>
/// Per-signature glue between the host and compiled code, generated once per engine and signature: entry invokers
/// (host calls WebAssembly with <see cref="Value"/>s) and host adapters (WebAssembly calls a <see cref="HostFunction"/>
/// through the native calling convention).
/// </summary>
internal sealed class SignatureAdapters
{
    private readonly object _gate = new();
    private readonly Dictionary<FunctionType, (EntryInvoker Entry, nint Host)> _adapters = [];
    private ModuleBuilder? _module;

    public EntryInvoker EntryInvoker(FunctionType type) => Get(type).Entry;

    public nint HostAdapter(FunctionType type) => Get(type).Host;

    private (EntryInvoker Entry, nint Host) Get(FunctionType type)
    {
        lock (_gate)
        {
            if (!_adapters.TryGetValue(type, out var adapters))
            {
                adapters = Build(type);
                _adapters.Add(type, adapters);
            }

            return adapters;
        }
    }

    private (EntryInvoker, nint) Build(FunctionType type)
    {
        _module ??= DynamicAssembly.Create("ScriptRunner.Wasm.Adapters");
        var builder = _module.DefineType("Signature" + _adapters.Count, TypeAttributes.Public | TypeAttributes.Sealed | TypeAttributes.Abstract);
        EmitEntry(builder, type);
        EmitHostAdapter(builder, type);
        var created = builder.CreateType();
        var entry = created.GetMethod("Entry")!.CreateDelegate<EntryInvoker>();
        var host = created.GetMethod("Host")!.MethodHandle.GetFunctionPointer();
        return (entry, host);
    }

    private static void EmitEntry(TypeBuilder builder, FunctionType type)
    {
        var method = builder.DefineMethod(
            "Entry",
            MethodAttributes.Public | MethodAttributes.Static,
            typeof(void),
            [typeof(nint), typeof(object), typeof(ReadOnlySpan<Value>), typeof(Span<Value>)]);
        var il = method.GetILGenerator();
        var readItem = typeof(ReadOnlySpan<Value>).GetProperty("Item")!.GetMethod!;
        var writeItem = typeof(Span<Value>).GetProperty("Item")!.GetMethod!;
        for (var i = 0; i < type.Parameters.Count; i++)
        {
            il.Emit(OpCodes.Ldarga_S, (byte)2);
            il.Emit(OpCodes.Ldc_I4, i);
            il.Emit(OpCodes.Call, readItem);
            il.Emit(OpCodes.Call, Abi.ValueAccessor(type.Parameters[i]));
        }

        il.Emit(OpCodes.Ldarg_1);
        il.Emit(OpCodes.Ldarg_0);
        var returnType = Abi.ReturnType(type.Results);
        il.EmitCalli(OpCodes.Calli, CallingConventions.Standard, returnType, Abi.ParameterTypes(type), null);
        if (type.Results.Count > 0)
        {
            var resultTypes = Abi.ClrTypes(type.Results);
            var results = resultTypes.Select(il.DeclareLocal).ToArray();
            if (type.Results.Count == 1)
            {
                il.Emit(OpCodes.Stloc, results[0]);
            }
            else
            {
                var tuple = il.DeclareLocal(returnType);
                il.Emit(OpCodes.Stloc, tuple);
                Abi.EmitUnpack(il, tuple, resultTypes);
                for (var i = results.Length - 1; i >= 0; i--)
                {
                    il.Emit(OpCodes.Stloc, results[i]);
                }
            }

            for (var i = 0; i < results.Length; i++)
            {
                il.Emit(OpCodes.Ldarga_S, (byte)3);
                il.Emit(OpCodes.Ldc_I4, i);
                il.Emit(OpCodes.Call, writeItem);
                il.Emit(OpCodes.Ldloc, results[i]);
                il.Emit(OpCodes.Call, Abi.ValueFactory(type.Results[i]));
                il.Emit(OpCodes.Stobj, typeof(Value));
            }
        }

        il.Emit(OpCodes.Ret);
    }

    private static void EmitHostAdapter(TypeBuilder builder, FunctionType type)
    {
        var returnType = Abi.ReturnType(type.Results);
        var method = builder.DefineMethod("Host", MethodAttributes.Public | MethodAttributes.Static, returnType, Abi.ParameterTypes(type));
        var il = method.GetILGenerator();
        var args = il.DeclareLocal(typeof(Value[]));
        il.Emit(OpCodes.Ldc_I4, type.Parameters.Count);
        il.Emit(OpCodes.Newarr, typeof(Value));
        il.Emit(OpCodes.Stloc, args);
        for (var i = 0; i < type.Parameters.Count; i++)
        {
            il.Emit(OpCodes.Ldloc, args);
            il.Emit(OpCodes.Ldc_I4, i);
            il.Emit(OpCodes.Ldarg, i);
            il.Emit(OpCodes.Call, Abi.ValueFactory(type.Parameters[i]));
            il.Emit(OpCodes.Stelem, typeof(Value));
        }

        il.Emit(OpCodes.Ldarg, type.Parameters.Count);
        il.Emit(OpCodes.Castclass, typeof(HostFunction));
        il.Emit(OpCodes.Ldloc, args);
        il.Emit(OpCodes.Call, typeof(HostFunction).GetMethod(nameof(HostFunction.Call))!);
        if (type.Results.Count == 0)
        {
            il.Emit(OpCodes.Pop);
        }
        else
        {
            var results = il.DeclareLocal(typeof(Value[]));
            il.Emit(OpCodes.Stloc, results);
            for (var i = 0; i < type.Results.Count; i++)
            {
                il.Emit(OpCodes.Ldloc, results);
                il.Emit(OpCodes.Ldc_I4, i);
                il.Emit(OpCodes.Ldelema, typeof(Value));
                il.Emit(OpCodes.Call, Abi.ValueAccessor(type.Results[i]));
            }

            if (type.Results.Count > 1)
            {
                Abi.EmitPack(il, Abi.ClrTypes(type.Results));
            }
        }

        il.Emit(OpCodes.Ret);
    }
}
