namespace ScriptRunner.Wasm;

/// <summary>An import declared by a module.</summary>
public sealed record ImportType(string Module, string Name, ExternKind Kind, FunctionType? FunctionType);
