namespace ScriptRunner.Wasm.Execution;

/// <summary>Bounded least-recently-used map from the SHA-256 of module bytes to the compiled module.</summary>
internal sealed class ModuleCache(int capacity)
{
    private readonly Dictionary<string, LinkedListNode<(string Key, CompiledModule Module)>> _map = [];
    private readonly LinkedList<(string Key, CompiledModule Module)> _order = new();

    public int Count
    {
        get
        {
            lock (_map)
            {
                return _map.Count;
            }
        }
    }

    public bool TryGet(string sha256, out CompiledModule module)
    {
        lock (_map)
        {
            if (_map.TryGetValue(sha256, out var node))
            {
                _order.Remove(node);
                _order.AddFirst(node);
                module = node.Value.Module;
                return true;
            }
        }

        module = null!;
        return false;
    }

    public void Add(string sha256, CompiledModule module)
    {
        if (capacity <= 0)
        {
            return;
        }

        lock (_map)
        {
            if (_map.ContainsKey(sha256))
            {
                return;
            }

            _map.Add(sha256, _order.AddFirst((sha256, module)));
            while (_map.Count > capacity)
            {
                var last = _order.Last!;
                _order.RemoveLast();
                _map.Remove(last.Value.Key);
            }
        }
    }
}
