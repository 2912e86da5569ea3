namespace ScriptRunner.Wasm;

/// <summary>Resource limits enforced on everything running in a <see cref="Store"/>.</summary>
public sealed class StoreLimits
{
    /// <summary>Upper bound of the total linear memory of the store, in bytes.</summary>
    public long MaxMemoryBytes { get; init; } = 256L * 1024 * 1024;

    /// <summary>Upper bound of the number of tables the store may create (imported tables are not created).</summary>
    public int MaxTables { get; init; } = 10_000;

    /// <summary>Upper bound of the size of any table.</summary>
    public uint MaxTableElements { get; init; } = 1_000_000;

    /// <summary>Maximum nesting of WebAssembly calls.</summary>
    public int MaxCallDepth { get; init; } = 20_000;

    /// <summary>Instruction budget (counted at function entries and loop iterations); null is unlimited.</summary>
    public long? Fuel { get; init; }

    /// <summary>Wall-clock budget of each call from the host into WebAssembly; null is unlimited.</summary>
    public TimeSpan? Timeout { get; init; }
}
