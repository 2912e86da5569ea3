namespace ScriptRunner.Wasm;

/// <summary>Why execution trapped.</summary>
public enum TrapKind
{
    /// <summary>The unreachable instruction was executed.</summary>
    Unreachable,
    /// <summary>Integer division or remainder by zero.</summary>
    IntegerDivideByZero,
    /// <summary>Signed division overflow or float-to-int truncation out of range.</summary>
    IntegerOverflow,
    /// <summary>NaN truncated to an integer.</summary>
    InvalidConversionToInteger,
    /// <summary>Memory access outside the linear memory.</summary>
    OutOfBoundsMemoryAccess,
    /// <summary>Table access outside the table.</summary>
    OutOfBoundsTableAccess,
    /// <summary>call_indirect index outside the table.</summary>
    UndefinedElement,
    /// <summary>call_indirect on a null table entry.</summary>
    UninitializedElement,
    /// <summary>call_indirect on a function of another type.</summary>
    IndirectCallTypeMismatch,
    /// <summary>The call depth or native stack limit was reached.</summary>
    CallStackExhausted,
    /// <summary>The deadline passed or the cancellation token was cancelled.</summary>
    Timeout,
    /// <summary>The fuel budget was used up.</summary>
    OutOfFuel,
    /// <summary>A memory or table would exceed the store's limits.</summary>
    MemoryLimitExceeded,
    /// <summary>A host function failed with an exception.</summary>
    HostError,
}
