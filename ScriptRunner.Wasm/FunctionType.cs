namespace ScriptRunner.Wasm;

/// <summary>The signature of a function: parameter and result types.</summary>
public sealed class FunctionType : IEquatable<FunctionType>
{
    /// <summary>Creates a function type.</summary>
    public FunctionType(IReadOnlyList<ValueKind> parameters, IReadOnlyList<ValueKind> results)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(results);
        Parameters = parameters.ToArray();
        Results = results.ToArray();
    }

    /// <summary>Parameter types in order.</summary>
    public IReadOnlyList<ValueKind> Parameters { get; }

    /// <summary>Result types in order.</summary>
    public IReadOnlyList<ValueKind> Results { get; }

    /// <summary>Structural equality.</summary>
    public bool Equals(FunctionType? other) =>
        other is not null && Parameters.SequenceEqual(other.Parameters) && Results.SequenceEqual(other.Results);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as FunctionType);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var p in Parameters)
        {
            hash.Add(p);
        }

        hash.Add(-1);
        foreach (var r in Results)
        {
            hash.Add(r);
        }

        return hash.ToHashCode();
    }

    /// <summary>The signature as text, e.g. <c>(i32, i64) -> (f64)</c>.</summary>
    public override string ToString() => $"({Join(Parameters)}) -> ({Join(Results)})";

    internal static string KindName(ValueKind kind) => kind switch
    {
        ValueKind.I32 => "i32",
        ValueKind.I64 => "i64",
        ValueKind.F32 => "f32",
        ValueKind.F64 => "f64",
        ValueKind.V128 => "v128",
        ValueKind.FuncRef => "funcref",
        _ => "externref",
    };

    private static string Join(IReadOnlyList<ValueKind> kinds) => string.Join(", ", kinds.Select(KindName));
}
