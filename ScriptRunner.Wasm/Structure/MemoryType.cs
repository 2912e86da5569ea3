namespace ScriptRunner.Wasm.Structure;

/// <summary>A linear memory's limits in 64 KiB pages.</summary>
internal readonly record struct MemoryType(Limits Limits)
{
    /// <summary>Bytes per page.</summary>
    public const int PageSize = 65536;

    /// <summary>Largest valid page count for a 32-bit memory (4 GiB).</summary>
    public const uint MaxPages = 65536;
}
