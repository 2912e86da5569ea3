namespace ScriptRunner.Wasm.Structure;

/// <summary>How an element or data segment is used (data segments are never declarative).</summary>
internal enum SegmentMode : byte
{
    /// <summary>Copied into a table or memory at instantiation, then dropped.</summary>
    Active,

    /// <summary>Available to table.init / memory.init until dropped.</summary>
    Passive,

    /// <summary>Only declares function references for ref.func; dropped at instantiation.</summary>
    Declarative,
}
