namespace ScriptRunner.Wasm.Execution;

/// <summary>A decoded, validated and compiled module: everything instances of it share.</summary>
internal sealed class CompiledModule
{
    public required string Sha256 { get; init; }

    public required TimeSpan CompileTime { get; init; }

    public required IReadOnlyList<ImportType> Imports { get; init; }

    public required IReadOnlyList<ExportType> Exports { get; init; }
}
