namespace ScriptRunner.Wasm.Structure;

/// <summary>
/// One import. Only the descriptor matching <see cref="Kind"/> is meaningful: <see cref="FunctionTypeIndex"/>
/// for functions, <see cref="Table"/>, <see cref="Memory"/> or <see cref="Global"/> for the others.
/// </summary>
internal sealed record Import(
    string Module,
    string Name,
    ExternalKind Kind,
    uint FunctionTypeIndex = 0,
    TableType Table = default,
    MemoryType Memory = default,
    GlobalType Global = default);
