namespace ScriptRunner.Wasm.Structure;

/// <summary>Kind of an import or export; the numeric value is its binary encoding.</summary>
internal enum ExternalKind : byte
{
    Function = 0,
    Table = 1,
    Memory = 2,
    Global = 3,
}
