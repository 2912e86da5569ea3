namespace ScriptRunner.Wasm;

/// <summary>An export declared by a module.</summary>
public sealed record ExportType(string Name, ExternKind Kind, FunctionType? FunctionType);
