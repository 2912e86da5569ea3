using System.Collections.Immutable;

namespace ScriptRunner.Wasm.Structure;

/// <summary>
/// A decoded (not yet validated) module. Index spaces that mix imports and definitions list imports first, as
/// the spec's index spaces do: <see cref="FunctionTypeIndices"/>, <see cref="Tables"/>, <see cref="Memories"/>
/// and <see cref="Globals"/> cover the whole space; <see cref="Code"/> and <see cref="GlobalDefinitions"/> cover
/// the module's own definitions only.
/// </summary>
internal sealed class ModuleDefinition
{
    /// <summary>The module's bytes; <see cref="FunctionBody"/> offsets and data segments point into it.</summary>
    public required ReadOnlyMemory<byte> Bytes { get; init; }

    /// <summary>The type section.</summary>
    public required ImmutableArray<FunctionType> Types { get; init; }

    /// <summary>The import section in order.</summary>
    public required ImmutableArray<Import> Imports { get; init; }

    /// <summary>Type index of every function in the function index space (imports first).</summary>
    public required ImmutableArray<uint> FunctionTypeIndices { get; init; }

    /// <summary>Number of imported functions (the first defined function's index).</summary>
    public required int ImportedFunctionCount { get; init; }

    /// <summary>Every table in the table index space (imports first).</summary>
    public required ImmutableArray<TableType> Tables { get; init; }

    /// <summary>Number of imported tables.</summary>
    public required int ImportedTableCount { get; init; }

    /// <summary>Every memory in the memory index space (imports first).</summary>
    public required ImmutableArray<MemoryType> Memories { get; init; }

    /// <summary>Number of imported memories.</summary>
    public required int ImportedMemoryCount { get; init; }

    /// <summary>Every global's type in the global index space (imports first).</summary>
    public required ImmutableArray<GlobalType> Globals { get; init; }

    /// <summary>Number of imported globals.</summary>
    public required int ImportedGlobalCount { get; init; }

    /// <summary>The global section: defined globals with their initializers.</summary>
    public required ImmutableArray<GlobalDefinition> GlobalDefinitions { get; init; }

    /// <summary>The export section in order.</summary>
    public required ImmutableArray<Export> Exports { get; init; }

    /// <summary>The start function index, if any.</summary>
    public required uint? Start { get; init; }

    /// <summary>The element section.</summary>
    public required ImmutableArray<ElementSegment> Elements { get; init; }

    /// <summary>The data count section's value, if present.</summary>
    public required uint? DataCount { get; init; }

    /// <summary>The code section: bodies of the defined functions, in function index order.</summary>
    public required ImmutableArray<FunctionBody> Code { get; init; }

    /// <summary>The data section.</summary>
    public required ImmutableArray<DataSegment> Data { get; init; }

    /// <summary>Names of the custom sections in order of appearance.</summary>
    public required ImmutableArray<string> CustomSectionNames { get; init; }

    /// <summary>Function names from the "name" custom section (empty when absent or unreadable).</summary>
    public required IReadOnlyDictionary<uint, string> FunctionNames { get; init; }

    /// <summary>Absolute offset of each section's content by section id (0 for absent sections), for diagnostics.</summary>
    public ImmutableArray<int> SectionOffsets { get; init; } = [];

    /// <summary>Where section <paramref name="id"/> starts, or 0 when it is absent.</summary>
    public int SectionOffset(int id) => id < SectionOffsets.Length ? SectionOffsets[id] : 0;

    /// <summary>The signature of the function at <paramref name="functionIndex"/> in the function index space.</summary>
    public FunctionType GetFunctionType(uint functionIndex) => Types[(int)FunctionTypeIndices[(int)functionIndex]];

    /// <summary>The body of a defined function given its index in the function index space.</summary>
    public FunctionBody GetBody(uint functionIndex) => Code[(int)functionIndex - ImportedFunctionCount];

    /// <summary>The instruction bytes of <paramref name="body"/>.</summary>
    public ReadOnlySpan<byte> GetCode(FunctionBody body) => Bytes.Span.Slice(body.CodeOffset, body.CodeLength);
}
