namespace ScriptRunner.Tests.Wasm.Conformance;

/// <summary>
/// Host objects standing for the script's <c>ref.extern N</c>: the same N always yields the same object, so
/// the runtime's reference identity is what the assertions check.
/// </summary>
internal sealed class ExternRefs
{
    private readonly Dictionary<ulong, HostReference> _byId = [];

    /// <summary>The object for id <paramref name="id"/>, created on first use.</summary>
    public object Get(ulong id)
    {
        if (!_byId.TryGetValue(id, out var reference))
        {
            reference = new HostReference(id);
            _byId.Add(id, reference);
        }
        return reference;
    }

    private sealed class HostReference(ulong id)
    {
        public override string ToString() => $"ref.extern {id}";
    }
}
