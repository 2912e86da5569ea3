namespace ScriptRunner.Wasm;

/// <summary>What a host function knows about its caller: the store and the calling instance.</summary>
public sealed class Caller
{
    internal Caller(Store store, Instance? instance)
    {
        Store = store;
        Instance = instance;
    }

    /// <summary>The store the call runs in.</summary>
    public Store Store { get; }

    /// <summary>The instance that imported the host function, when called through an import.</summary>
    public Instance? Instance { get; }

    /// <summary>The calling instance's exported memory of that name.</summary>
    public Memory? GetMemory(string name = "memory") => Instance?.GetMemory(name);
}
