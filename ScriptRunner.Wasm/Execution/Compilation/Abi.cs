using System.Reflection;
using System.Reflection.Emit;
using System.Runtime.Intrinsics;

namespace ScriptRunner.Wasm.Execution.Compilation;

/// <summary>
/// The calling convention of compiled code: WebAssembly parameters as CLR parameters plus a trailing object (the
/// instance context or host adapter state); no result is void, one result is returned directly, several results
/// are returned as a (nested) ValueTuple.
/// </summary>
internal static class Abi
{
    private static readonly Type[] TupleDefinitions =
    [
        typeof(ValueTuple<>), typeof(ValueTuple<,>), typeof(ValueTuple<,,>), typeof(ValueTuple<,,,>),
        typeof(ValueTuple<,,,,>), typeof(ValueTuple<,,,,,>), typeof(ValueTuple<,,,,,,>), typeof(ValueTuple<,,,,,,,>),
    ];

    public static Type ClrType(ValueKind kind) => kind switch
    {
        ValueKind.I32 => typeof(int),
        ValueKind.I64 => typeof(long),
        ValueKind.F32 => typeof(float),
        ValueKind.F64 => typeof(double),
        ValueKind.V128 => typeof(Vector128<byte>),
        _ => typeof(object),
    };

    public static Type[] ParameterTypes(FunctionType type)
    {
        var types = new Type[type.Parameters.Count + 1];
        for (var i = 0; i < type.Parameters.Count; i++)
        {
            types[i] = ClrType(type.Parameters[i]);
        }

        types[^1] = typeof(object);
        return types;
    }

    public static Type ReturnType(IReadOnlyList<ValueKind> results) => results.Count switch
    {
        0 => typeof(void),
        1 => ClrType(results[0]),
        _ => TupleType(results.Select(ClrType).ToArray()),
    };

    /// <summary>Packs the result values on the stack (first result deepest) into the return tuple.</summary>
    public static void EmitPack(ILGenerator il, Type[] types)
    {
        foreach (var constructor in PackConstructors(types)) il.Emit(OpCodes.Newobj, constructor);
    }

    /// <summary>Pushes every element of the tuple held in <paramref name="tuple"/>, first element first.</summary>
    public static void EmitUnpack(ILGenerator il, LocalBuilder tuple, Type[] types)
    {
        for (var i = 0; i < types.Length; i++)
        {
            il.Emit(OpCodes.Ldloca, tuple);
            var (rests, item) = ElementPath(types, i);
            foreach (var rest in rests) il.Emit(OpCodes.Ldflda, rest);
            il.Emit(OpCodes.Ldfld, item);
        }
    }

    /// <summary>Packs the result values on the stack (first result deepest) into the return tuple.</summary>
    public static void EmitPack(IlWriter il, Type[] types)
    {
        foreach (var constructor in PackConstructors(types)) il.Emit(OpCodes.Newobj, constructor);
    }

    /// <summary>Pushes every element of the tuple held in <paramref name="tuple"/>, first element first.</summary>
    public static void EmitUnpack(IlWriter il, IlLocal tuple, Type[] types)
    {
        for (var i = 0; i < types.Length; i++)
        {
            il.Emit(OpCodes.Ldloca, tuple);
            var (rests, item) = ElementPath(types, i);
            foreach (var rest in rests) il.Emit(OpCodes.Ldflda, rest);
            il.Emit(OpCodes.Ldfld, item);
        }
    }

    // ValueTuple holds seven items and nests the rest in its eighth field, so both directions walk the same chain.
    private static List<ConstructorInfo> PackConstructors(Type[] types)
    {
        var constructors = types.Length > 7 ? PackConstructors(types[7..]) : [];
        constructors.Add(TupleType(types).GetConstructors()[0]);
        return constructors;
    }

    private static (List<FieldInfo> Rests, FieldInfo Item) ElementPath(Type[] types, int index)
    {
        var rests = new List<FieldInfo>();
        var current = TupleType(types);
        while (index >= 7)
        {
            var rest = current.GetField("Rest")!;
            rests.Add(rest);
            current = rest.FieldType;
            index -= 7;
        }

        return (rests, current.GetField("Item" + (index + 1))!);
    }

    public static Type TupleType(Type[] types)
    {
        if (types.Length <= 7)
        {
            return TupleDefinitions[types.Length - 1].MakeGenericType(types);
        }

        return TupleDefinitions[7].MakeGenericType([.. types[..7], TupleType(types[7..])]);
    }

    public static Type[] ClrTypes(IReadOnlyList<ValueKind> kinds) => kinds.Select(ClrType).ToArray();

    public static MethodInfo ValueFactory(ValueKind kind) => kind switch
    {
        ValueKind.I32 => typeof(Value).GetMethod(nameof(Value.FromI32))!,
        ValueKind.I64 => typeof(Value).GetMethod(nameof(Value.FromI64))!,
        ValueKind.F32 => typeof(Value).GetMethod(nameof(Value.FromF32))!,
        ValueKind.F64 => typeof(Value).GetMethod(nameof(Value.FromF64))!,
        ValueKind.V128 => typeof(Value).GetMethod(nameof(Value.FromV128))!,
        ValueKind.FuncRef => typeof(Abi).GetMethod(nameof(FuncRefValue), BindingFlags.Static | BindingFlags.NonPublic)!,
        _ => typeof(Value).GetMethod(nameof(Value.FromExternRef))!,
    };

    public static MethodInfo ValueAccessor(ValueKind kind) => kind switch
    {
        ValueKind.I32 => typeof(Value).GetMethod(nameof(Value.AsI32))!,
        ValueKind.I64 => typeof(Value).GetMethod(nameof(Value.AsI64))!,
        ValueKind.F32 => typeof(Value).GetMethod(nameof(Value.AsF32))!,
        ValueKind.F64 => typeof(Value).GetMethod(nameof(Value.AsF64))!,
        ValueKind.V128 => typeof(Value).GetMethod(nameof(Value.AsV128))!,
        _ => typeof(Value).GetProperty(nameof(Value.Reference), BindingFlags.Instance | BindingFlags.NonPublic)!.GetMethod!,
    };

    internal static Value FuncRefValue(object? function) => Value.FromFuncRef((Function?)function);
}
