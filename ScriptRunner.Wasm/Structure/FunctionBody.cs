using System.Collections.Immutable;

namespace ScriptRunner.Wasm.Structure;

/// <summary>A run of <see cref="Count"/> locals of one type, as declared in a function body.</summary>
internal readonly record struct LocalRun(uint Count, ValType Type);

/// <summary>
/// A defined function's code: its local declarations and where its instructions (ending with the final
/// <c>end</c>) lie in <see cref="ModuleDefinition.Bytes"/>.
/// </summary>
/// <param name="Locals">Declared locals (parameters excluded) as runs.</param>
/// <param name="LocalCount">Total declared locals; bounded by <see cref="MaxLocals"/>.</param>
/// <param name="CodeOffset">Absolute offset of the first instruction in the module bytes.</param>
/// <param name="CodeLength">Length of the instruction bytes including the final <c>end</c>.</param>
internal sealed record FunctionBody(ImmutableArray<LocalRun> Locals, int LocalCount, int CodeOffset, int CodeLength)
{
    /// <summary>Upper bound on declared locals per function; more is rejected as "too many locals".</summary>
    public const int MaxLocals = 50_000;
}
