namespace ScriptRunner.Wasm;

/// <summary>The type of a WebAssembly value.</summary>
public enum ValueKind
{
    /// <summary>32-bit integer.</summary>
    I32,
    /// <summary>64-bit integer.</summary>
    I64,
    /// <summary>32-bit IEEE 754 float.</summary>
    F32,
    /// <summary>64-bit IEEE 754 float.</summary>
    F64,
    /// <summary>128-bit vector.</summary>
    V128,
    /// <summary>Reference to a function (or null).</summary>
    FuncRef,
    /// <summary>Opaque host reference (or null).</summary>
    ExternRef,
}
