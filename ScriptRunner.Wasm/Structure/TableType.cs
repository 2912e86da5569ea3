namespace ScriptRunner.Wasm.Structure;

/// <summary>A table's element reference type and size limits.</summary>
internal readonly record struct TableType(ValType ElementType, Limits Limits);
