using System.Collections.Concurrent;
using System.Reflection;
using System.Reflection.Emit;
using System.Runtime.Intrinsics;
using ScriptRunner.Wasm.Execution.Compilation;

namespace ScriptRunner.Wasm.Execution;

/// <summary>
/// Turns strongly typed delegates (int/long/float/double/Vector128&lt;byte&gt;/Function/object parameters, an optional
/// leading <see cref="Caller"/>, a scalar or ValueTuple result) into <see cref="HostCallback"/>s. The glue is generated
/// once per delegate type and engine, so defining the same kind of function again costs no code generation.
/// </summary>
internal sealed class TypedHostCallbacks
{
    private delegate void Adapter(Delegate callback, Caller caller, ReadOnlySpan<Value> args, Span<Value> results);

    private readonly ConcurrentDictionary<Type, (FunctionType Type, Adapter Adapter)> _adapters = new();

    public (FunctionType Type, HostCallback Callback) Create(Delegate callback)
    {
        ArgumentNullException.ThrowIfNull(callback);
        var (type, adapter) = _adapters.GetOrAdd(callback.GetType(), Build);
        return (type, (caller, args, results) => adapter(callback, caller, args, results));
    }

    private static (FunctionType, Adapter) Build(Type delegateType)
    {
        var invoke = delegateType.GetMethod("Invoke")!;
        var parameters = invoke.GetParameters().Select(p => p.ParameterType).ToArray();
        var takesCaller = parameters.Length > 0 && parameters[0] == typeof(Caller);
        var wasmParameters = takesCaller ? parameters[1..] : parameters;
        var parameterKinds = wasmParameters.Select(t => KindOf(t, delegateType)).ToArray();
        var resultTypes = ResultTypes(invoke.ReturnType);
        var resultKinds = resultTypes.Select(t => KindOf(t, delegateType)).ToArray();

        var method = new DynamicMethod(
            "Typed_" + delegateType.Name,
            typeof(void),
            [typeof(Delegate), typeof(Caller), typeof(ReadOnlySpan<Value>), typeof(Span<Value>)],
            typeof(TypedHostCallbacks).Module,
            skipVisibility: true);
        var il = method.GetILGenerator();
        il.Emit(OpCodes.Ldarg_0);
        il.Emit(OpCodes.Castclass, delegateType);
        if (takesCaller)
        {
            il.Emit(OpCodes.Ldarg_1);
        }

        var readItem = typeof(ReadOnlySpan<Value>).GetProperty("Item")!.GetMethod!;
        for (var i = 0; i < parameterKinds.Length; i++)
        {
            il.Emit(OpCodes.Ldarga_S, (byte)2);
            il.Emit(OpCodes.Ldc_I4, i);
            il.Emit(OpCodes.Call, readItem);
            il.Emit(OpCodes.Call, PublicAccessor(parameterKinds[i]));
        }

        il.Emit(OpCodes.Callvirt, invoke);
        var writeItem = typeof(Span<Value>).GetProperty("Item")!.GetMethod!;
        if (resultKinds.Length == 1)
        {
            var result = il.DeclareLocal(invoke.ReturnType);
            il.Emit(OpCodes.Stloc, result);
            EmitStoreResult(il, writeItem, 0, resultKinds[0], () => il.Emit(OpCodes.Ldloc, result));
        }
        else if (resultKinds.Length > 1)
        {
            var tuple = il.DeclareLocal(invoke.ReturnType);
            il.Emit(OpCodes.Stloc, tuple);
            var elements = resultTypes.Select(il.DeclareLocal).ToArray();
            Abi.EmitUnpack(il, tuple, resultTypes);
            for (var i = elements.Length - 1; i >= 0; i--)
            {
                il.Emit(OpCodes.Stloc, elements[i]);
            }

            for (var i = 0; i < elements.Length; i++)
            {
                var element = elements[i];
                EmitStoreResult(il, writeItem, i, resultKinds[i], () => il.Emit(OpCodes.Ldloc, element));
            }
        }

        il.Emit(OpCodes.Ret);
        var functionType = new FunctionType(parameterKinds, resultKinds);
        return (functionType, method.CreateDelegate<Adapter>());
    }

    private static void EmitStoreResult(ILGenerator il, MethodInfo writeItem, int index, ValueKind kind, Action load)
    {
        il.Emit(OpCodes.Ldarga_S, (byte)3);
        il.Emit(OpCodes.Ldc_I4, index);
        il.Emit(OpCodes.Call, writeItem);
        load();
        il.Emit(OpCodes.Call, PublicFactory(kind));
        il.Emit(OpCodes.Stobj, typeof(Value));
    }

    private static Type[] ResultTypes(Type returnType)
    {
        if (returnType == typeof(void))
        {
            return [];
        }

        if (returnType.IsGenericType && returnType.FullName!.StartsWith("System.ValueTuple`", StringComparison.Ordinal))
        {
            var arguments = returnType.GetGenericArguments();
            return arguments.Length == 8 ? [.. arguments[..7], .. ResultTypes(arguments[7])] : arguments;
        }

        return [returnType];
    }

    private static ValueKind KindOf(Type type, Type delegateType)
    {
        if (type == typeof(int)) return ValueKind.I32;
        if (type == typeof(long)) return ValueKind.I64;
        if (type == typeof(float)) return ValueKind.F32;
        if (type == typeof(double)) return ValueKind.F64;
        if (type == typeof(Vector128<byte>)) return ValueKind.V128;
        if (type == typeof(Function)) return ValueKind.FuncRef;
        if (type == typeof(object)) return ValueKind.ExternRef;
        throw new ArgumentException(
            $"Host function delegate {delegateType} uses {type}; allowed are int, long, float, double, Vector128<byte>, Function, object, an optional leading Caller, and ValueTuple results.");
    }

    private static MethodInfo PublicAccessor(ValueKind kind) => kind switch
    {
        ValueKind.FuncRef => typeof(Value).GetMethod(nameof(Value.AsFuncRef))!,
        ValueKind.ExternRef => typeof(Value).GetMethod(nameof(Value.AsExternRef))!,
        _ => Abi.ValueAccessor(kind),
    };

    private static MethodInfo PublicFactory(ValueKind kind) => kind switch
    {
        ValueKind.FuncRef => typeof(Value).GetMethod(nameof(Value.FromFuncRef))!,
        _ => Abi.ValueFactory(kind),
    };
}
