using ScriptRunner.Wasm;

namespace ScriptRunner.Sandbox.WebAssembly;

/// <summary>Builds the traps host functions raise; the runtime propagates them unchanged through guest frames.</summary>
internal static class HostTrap
{
    /// <summary>A trap for a misuse of a host function (bad pointer, missing memory export).</summary>
    public static TrapException Create(string message) => new(TrapKind.HostError, message);

    /// <summary>The trap that ends a run whose deadline passed while a host function was waiting.</summary>
    public static TrapException Timeout() => new(TrapKind.Timeout, "execution timed out");
}
