using System.Runtime.Intrinsics;

namespace ScriptRunner.Wasm;

/// <summary>A global variable; imported globals are shared cells.</summary>
public sealed class Global
{
    // Compiled code reads and writes the field of the global's type directly.
    internal int I32;
    internal long I64;
    internal float F32;
    internal double F64;
    internal Vector128<byte> V128;
    internal object? Ref;

    /// <summary>Creates a global in a store.</summary>
    public Global(Store store, ValueKind kind, bool mutable, Value initial)
    {
        ArgumentNullException.ThrowIfNull(store);
        Store = store;
        Kind = kind;
        Mutable = mutable;
        Write(initial);
    }

    /// <summary>The global's type.</summary>
    public ValueKind Kind { get; }

    /// <summary>Whether WebAssembly code may change it.</summary>
    public bool Mutable { get; }

    internal Store Store { get; }

    /// <summary>The current value; setting an immutable global throws InvalidOperationException.</summary>
    public Value Value
    {
        get => Kind switch
        {
            ValueKind.I32 => Value.FromI32(I32),
            ValueKind.I64 => Value.FromI64(I64),
            ValueKind.F32 => Value.FromF32(F32),
            ValueKind.F64 => Value.FromF64(F64),
            ValueKind.V128 => Value.FromV128(V128),
            ValueKind.FuncRef => Value.FromFuncRef(Ref as Function),
            _ => Value.FromExternRef(Ref),
        };
        set
        {
            if (!Mutable)
            {
                throw new InvalidOperationException("The global is immutable.");
            }

            Write(value);
        }
    }

    internal void Write(Value value)
    {
        if (value.Kind != Kind)
        {
            throw new ArgumentException($"A {FunctionType.KindName(Kind)} global cannot hold a {FunctionType.KindName(value.Kind)} value.", nameof(value));
        }

        switch (Kind)
        {
            case ValueKind.I32: I32 = value.AsI32(); break;
            case ValueKind.I64: I64 = value.AsI64(); break;
            case ValueKind.F32: F32 = value.AsF32(); break;
            case ValueKind.F64: F64 = value.AsF64(); break;
            case ValueKind.V128: V128 = value.AsV128(); break;
            default: Ref = value.Reference; break;
        }
    }
}
