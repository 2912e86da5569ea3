using System.Collections.Immutable;
using ScriptRunner.Wasm.Structure;

namespace ScriptRunner.Wasm.Execution;

/// <summary>A decoded, validated and compiled module: everything instances of it share.</summary>
internal sealed class CompiledModule
{
    public required string Sha256 { get; init; }

    public required TimeSpan CompileTime { get; init; }

    public required IReadOnlyList<ImportType> Imports { get; init; }

    public required IReadOnlyList<ExportType> Exports { get; init; }

    public required ModuleDefinition Definition { get; init; }

    /// <summary>The public form of each entry of the type section.</summary>
    public required ImmutableArray<FunctionType> FunctionTypes { get; init; }

    /// <summary>Engine-wide id of each entry of the type section.</summary>
    public required ImmutableArray<int> TypeIds { get; init; }

    /// <summary>Entry point of each defined function (by defined-function index).</summary>
    public required ImmutableArray<nint> Code { get; init; }

    /// <summary>Display name of every function in the index space (name section, else export name).</summary>
    public required ImmutableArray<string?> FunctionNames { get; init; }

    /// <summary>The generated type; referencing it keeps the collectible code (and so <see cref="Code"/>) alive.</summary>
    public required Type CompiledType { get; init; }

    /// <summary>The engine the code was compiled for (type ids are engine-wide).</summary>
    public required Engine Engine { get; init; }

    public FunctionType FunctionType(uint functionIndex) =>
        FunctionTypes[(int)Definition.FunctionTypeIndices[(int)functionIndex]];

    public int TypeId(uint functionIndex) => TypeIds[(int)Definition.FunctionTypeIndices[(int)functionIndex]];
}
