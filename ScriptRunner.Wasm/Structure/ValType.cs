namespace ScriptRunner.Wasm.Structure;

/// <summary>A value type; the numeric value is its binary encoding.</summary>
internal enum ValType : byte
{
    I32 = 0x7F,
    I64 = 0x7E,
    F32 = 0x7D,
    F64 = 0x7C,
    V128 = 0x7B,
    FuncRef = 0x70,
    ExternRef = 0x6F,
}

/// <summary>Classification and text names of <see cref="ValType"/>.</summary>
internal static class ValTypeExtensions
{
    /// <summary>True for the byte encodings of the seven 2.0 value types.</summary>
    public static bool IsDefined(byte code) => code is (>= 0x7B and <= 0x7F) or 0x70 or 0x6F;

    /// <summary>True for funcref and externref.</summary>
    public static bool IsReference(this ValType type) => type is ValType.FuncRef or ValType.ExternRef;

    /// <summary>True for i32, i64, f32 and f64.</summary>
    public static bool IsNumeric(this ValType type) => type is >= ValType.F64 and <= ValType.I32;

    /// <summary>The text-format name (<c>i32</c>, <c>funcref</c>, ...).</summary>
    public static string Name(this ValType type) => type switch
    {
        ValType.I32 => "i32",
        ValType.I64 => "i64",
        ValType.F32 => "f32",
        ValType.F64 => "f64",
        ValType.V128 => "v128",
        ValType.FuncRef => "funcref",
        ValType.ExternRef => "externref",
        _ => "unknown",
    };
}
