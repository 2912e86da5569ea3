namespace ScriptRunner.Sandbox.WebAssembly.Host;

/// <summary>
/// A host function ends the run: a misuse (bad pointer, missing memory export) or the deadline passing while it
/// waited. Each engine's binding carries it through the guest frames and the sandbox turns it into the outcome.
/// </summary>
internal sealed class HostTrapException(string message, bool isTimeout) : Exception(message)
{
    /// <summary>True when the run's deadline passed inside the host function.</summary>
    public bool IsTimeout { get; } = isTimeout;

    /// <summary>A trap for a misuse of a host function.</summary>
    public static HostTrapException Misuse(string message) => new(message, isTimeout: false);

    /// <summary>The trap that ends a run whose deadline passed while a host function was waiting.</summary>
    public static HostTrapException Timeout() => new("execution timed out", isTimeout: true);
}
