using System.Collections.Immutable;

namespace ScriptRunner.Wasm.Structure;

/// <summary>
/// An element segment. <see cref="TableIndex"/> and <see cref="Offset"/> are meaningful for active segments only.
/// Function-index encodings (kinds 0-3) are represented as <c>ref.func</c> items.
/// </summary>
internal sealed record ElementSegment(
    SegmentMode Mode,
    uint TableIndex,
    ConstantExpression Offset,
    ValType ElementType,
    ImmutableArray<ConstantExpression> Items,
    int SourceOffset);
