using ScriptRunner.Wasm;

namespace ScriptRunner.Tests.Wasm.Conformance;

/// <summary>
/// Matches a script's expected trap text against a <see cref="TrapException"/>. Scripts sometimes append detail to
/// the spec message ("uninitialized element 2"), so the text is reduced to the spec message it starts with, and
/// both the trap's kind and its message must agree with that.
/// </summary>
internal static class TrapMessages
{
    private static readonly (string Text, TrapKind Kind)[] Known =
    [
        ("unreachable", TrapKind.Unreachable),
        ("integer divide by zero", TrapKind.IntegerDivideByZero),
        ("integer overflow", TrapKind.IntegerOverflow),
        ("invalid conversion to integer", TrapKind.InvalidConversionToInteger),
        ("out of bounds memory access", TrapKind.OutOfBoundsMemoryAccess),
        ("out of bounds table access", TrapKind.OutOfBoundsTableAccess),
        ("undefined element", TrapKind.UndefinedElement),
        ("uninitialized element", TrapKind.UninitializedElement),
        ("indirect call type mismatch", TrapKind.IndirectCallTypeMismatch),
        ("call stack exhausted", TrapKind.CallStackExhausted),
    ];

    /// <summary>True when <paramref name="trap"/> is the trap <paramref name="expectedText"/> names.</summary>
    public static bool Matches(string expectedText, TrapException trap)
    {
        foreach (var (text, kind) in Known)
        {
            if (expectedText.StartsWith(text, StringComparison.Ordinal))
                return trap.Kind == kind && trap.Message.Contains(text, StringComparison.Ordinal);
        }
        return trap.Message.Contains(expectedText, StringComparison.Ordinal);
    }
}
