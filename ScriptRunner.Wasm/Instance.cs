namespace ScriptRunner.Wasm;

/// <summary>An instantiated module: its exports, bound to a store.</summary>
public sealed class Instance
{
    private Dictionary<string, object> _byName = new(StringComparer.Ordinal);

    internal Instance(Store store, Module module)
    {
        Store = store;
        Module = module;
    }

    /// <summary>The store the instance lives in.</summary>
    public Store Store { get; }

    /// <summary>The module it was instantiated from.</summary>
    public Module Module { get; }

    /// <summary>Every export in declaration order: a Function, Memory, Table or Global.</summary>
    public IReadOnlyList<KeyValuePair<string, object>> Exports { get; private set; } = [];

    /// <summary>The exported function of that name, if any.</summary>
    public Function? GetFunction(string name) => Get(name) as Function;

    /// <summary>The exported memory of that name, if any.</summary>
    public Memory? GetMemory(string name) => Get(name) as Memory;

    /// <summary>The exported global of that name, if any.</summary>
    public Global? GetGlobal(string name) => Get(name) as Global;

    /// <summary>The exported table of that name, if any.</summary>
    public Table? GetTable(string name) => Get(name) as Table;

    internal void SetExports(IReadOnlyList<KeyValuePair<string, object>> exports)
    {
        Exports = exports;
        _byName = exports.ToDictionary(e => e.Key, e => e.Value, StringComparer.Ordinal);
    }

    private object? Get(string name) => _byName.TryGetValue(name, out var value) ? value : null;
}
