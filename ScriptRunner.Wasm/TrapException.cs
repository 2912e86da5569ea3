namespace ScriptRunner.Wasm;

/// <summary>A WebAssembly trap: execution stopped abnormally.</summary>
public class TrapException : Exception
{
    /// <summary>Creates a trap with the standard message for <paramref name="kind"/>.</summary>
    public TrapException(TrapKind kind)
        : this(kind, DefaultMessage(kind), null)
    {
    }

    /// <summary>Creates a trap with a custom message.</summary>
    public TrapException(TrapKind kind, string message)
        : this(kind, message, null)
    {
    }

    /// <summary>Creates a trap with a custom message and the exception that caused it.</summary>
    public TrapException(TrapKind kind, string message, Exception? innerException)
        : base(message, innerException)
    {
        Kind = kind;
    }

    /// <summary>Why execution trapped.</summary>
    public TrapKind Kind { get; }

    /// <summary>Name of the WebAssembly function executing when the trap happened, when known.</summary>
    public string? FunctionName { get; internal set; }

    /// <summary>The spec text (or a clear description) for a trap kind.</summary>
    public static string DefaultMessage(TrapKind kind) => kind switch
    {
        TrapKind.Unreachable => "unreachable",
        TrapKind.IntegerDivideByZero => "integer divide by zero",
        TrapKind.IntegerOverflow => "integer overflow",
        TrapKind.InvalidConversionToInteger => "invalid conversion to integer",
        TrapKind.OutOfBoundsMemoryAccess => "out of bounds memory access",
        TrapKind.OutOfBoundsTableAccess => "out of bounds table access",
        TrapKind.UndefinedElement => "undefined element",
        TrapKind.UninitializedElement => "uninitialized element",
        TrapKind.IndirectCallTypeMismatch => "indirect call type mismatch",
        TrapKind.CallStackExhausted => "call stack exhausted",
        TrapKind.Timeout => "execution timed out",
        TrapKind.OutOfFuel => "all fuel consumed",
        TrapKind.MemoryLimitExceeded => "memory limit exceeded",
        TrapKind.HostError => "host function failed",
        _ => kind.ToString(),
    };
}
