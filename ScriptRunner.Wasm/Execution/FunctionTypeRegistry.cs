namespace ScriptRunner.Wasm.Execution;

/// <summary>Gives structurally equal function types the same small id, so call_indirect compares integers.</summary>
internal sealed class FunctionTypeRegistry
{
    private readonly Dictionary<FunctionType, int> _ids = [];
    private readonly List<FunctionType> _types = [];

    public int Intern(FunctionType type)
    {
        lock (_ids)
        {
            if (!_ids.TryGetValue(type, out var id))
            {
                id = _types.Count;
                _types.Add(type);
                _ids.Add(type, id);
            }

            return id;
        }
    }

    public FunctionType Get(int id)
    {
        lock (_ids)
        {
            return _types[id];
        }
    }
}
