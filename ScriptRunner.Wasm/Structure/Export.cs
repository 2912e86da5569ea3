namespace ScriptRunner.Wasm.Structure;

/// <summary>One export: a name bound to an index in the index space of <see cref="Kind"/>.</summary>
internal sealed record Export(string Name, ExternalKind Kind, uint Index);
