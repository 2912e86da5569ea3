using System.Text;

namespace ScriptRunner.Wasm.Structure;

/// <summary>A function signature with structural equality (two types are equal when their value types are).</summary>
internal sealed class FunctionType : IEquatable<FunctionType>
{
    /// <summary>Creates a signature; the arrays are owned by the instance and never modified.</summary>
    public FunctionType(ValType[] parameters, ValType[] results)
    {
        Params = parameters;
        Results = results;
    }

    /// <summary>The shared <c>[] -> []</c> signature.</summary>
    public static FunctionType Empty { get; } = new([], []);

    /// <summary>Parameter types in order. Treat as read-only.</summary>
    public ValType[] Params { get; }

    /// <summary>Result types in order. Treat as read-only.</summary>
    public ValType[] Results { get; }

    public bool Equals(FunctionType? other) =>
        other is not null &&
        (ReferenceEquals(this, other) ||
         (Params.AsSpan().SequenceEqual(other.Params) && Results.AsSpan().SequenceEqual(other.Results)));

    public override bool Equals(object? obj) => Equals(obj as FunctionType);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(Params.Length);
        foreach (var p in Params) hash.Add(p);
        foreach (var r in Results) hash.Add(r);
        return hash.ToHashCode();
    }

    /// <summary>Text like <c>(i32, i64) -> (f64)</c>.</summary>
    public override string ToString()
    {
        var sb = new StringBuilder("(");
        AppendList(sb, Params);
        sb.Append(") -> (");
        AppendList(sb, Results);
        return sb.Append(')').ToString();
    }

    private static void AppendList(StringBuilder sb, ValType[] types)
    {
        for (var i = 0; i < types.Length; i++)
        {
            if (i > 0) sb.Append(", ");
            sb.Append(types[i].Name());
        }
    }
}
