namespace ScriptRunner.Wasm;

/// <summary>A table of references (funcref or externref).</summary>
public sealed class Table
{
    // Elements[0..Size) are live; the array may be larger so growing is amortised.
    internal object?[] Elements;
    internal uint Count;

    /// <summary>Creates a table in a store, every slot set to <paramref name="init"/>.</summary>
    public Table(Store store, ValueKind elementKind, uint min, uint? max, Value init)
    {
        ArgumentNullException.ThrowIfNull(store);
        if (elementKind is not (ValueKind.FuncRef or ValueKind.ExternRef))
        {
            throw new ArgumentException("A table holds funcref or externref.", nameof(elementKind));
        }

        if (max is { } m && m < min)
        {
            throw new ArgumentException("The maximum size is below the minimum.", nameof(max));
        }

        if (min > store.Limits.MaxTableElements)
        {
            throw new TrapException(TrapKind.MemoryLimitExceeded, $"table of {min} elements exceeds the limit of {store.Limits.MaxTableElements}");
        }

        if (!store.TryReserveTable())
        {
            throw new TrapException(TrapKind.MemoryLimitExceeded, $"more than {store.Limits.MaxTables} tables");
        }

        Store = store;
        ElementKind = elementKind;
        Minimum = min;
        Maximum = max;
        var initial = CheckedReference(init);
        Elements = new object?[min];
        if (initial is not null)
        {
            Array.Fill(Elements, initial);
        }

        Count = min;
    }

    /// <summary>The type of the elements.</summary>
    public ValueKind ElementKind { get; }

    /// <summary>The current number of elements.</summary>
    public uint Size => Count;

    /// <summary>The declared maximum size, if any.</summary>
    public uint? Maximum { get; }

    internal uint Minimum { get; }

    internal Store Store { get; }

    /// <summary>Reads an element; out of range traps.</summary>
    public Value Get(uint index)
    {
        if (index >= Count)
        {
            throw new TrapException(TrapKind.OutOfBoundsTableAccess);
        }

        var element = Elements[index];
        return ElementKind == ValueKind.FuncRef ? Value.FromFuncRef((Function?)element) : Value.FromExternRef(element);
    }

    /// <summary>Writes an element; out of range traps.</summary>
    public void Set(uint index, Value value)
    {
        var reference = CheckedReference(value);
        if (index >= Count)
        {
            throw new TrapException(TrapKind.OutOfBoundsTableAccess);
        }

        Elements[index] = reference;
    }

    /// <summary>Adds <paramref name="delta"/> elements set to <paramref name="init"/>; returns the old size or -1.</summary>
    public int Grow(uint delta, Value init) => GrowCore(delta, CheckedReference(init));

    internal int GrowCore(uint delta, object? init)
    {
        var old = Count;
        var wanted = (ulong)old + delta;
        var max = Maximum ?? uint.MaxValue;
        if (wanted > max || wanted > Store.Limits.MaxTableElements)
        {
            return -1;
        }

        if (wanted > (ulong)Elements.Length)
        {
            var capacity = Math.Max(wanted, Math.Min((ulong)Elements.Length * 2, Math.Min(max, Store.Limits.MaxTableElements)));
            if (capacity > (ulong)Array.MaxLength)
            {
                return -1;
            }

            Array.Resize(ref Elements, (int)capacity);
        }

        Array.Fill(Elements, init, (int)old, (int)delta);
        Count = (uint)wanted;
        return (int)old;
    }

    private object? CheckedReference(Value value)
    {
        if (value.Kind != ElementKind)
        {
            throw new ArgumentException($"A {FunctionType.KindName(ElementKind)} table cannot hold a {FunctionType.KindName(value.Kind)} value.", nameof(value));
        }

        return value.Reference;
    }
}
