namespace ScriptRunner.Wasm;

/// <summary>Settings of an <see cref="Engine"/>.</summary>
public sealed class EngineOptions
{
    /// <summary>How many compiled modules the engine keeps (least recently used are dropped).</summary>
    public int MaxCachedModules { get; init; } = 64;
}
