namespace ScriptRunner.Sandbox.WebAssembly.Host;

/// <summary>An engine's linear memory as the host functions see it: a length and spans of bytes.</summary>
internal interface IGuestMemory
{
    /// <summary>Current size in bytes.</summary>
    long Length { get; }

    /// <summary>The bytes at [address, address + length); the caller has checked the range.</summary>
    Span<byte> GetSpan(long address, int length);
}
