namespace ScriptRunner.Sandbox.WebAssembly;

/// <summary>
/// The limits both WebAssembly engines put on a store for a memory cap, so the same module at the same cap gets the
/// same answer on either: linear memory up to the cap, and tables whose elements, all together, fit in it too.
/// </summary>
public static class WasmLimits
{
    /// <summary>Tables one store may create; with the per-table bound below, tables never outgrow the memory cap.</summary>
    public const int MaxTables = 16;

    /// <summary>Bytes an engine takes per table element (a pointer), used to turn the memory cap into an element bound.</summary>
    public const int TableElementBytes = 8;

    /// <summary>The element bound of each table for a memory cap: all <see cref="MaxTables"/> tables together fit in the cap.</summary>
    public static uint TableElementsFor(long memoryLimitBytes) =>
        (uint)Math.Clamp(memoryLimitBytes / (MaxTables * TableElementBytes), 1, 10_000_000);
}
