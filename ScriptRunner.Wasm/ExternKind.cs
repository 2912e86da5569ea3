namespace ScriptRunner.Wasm;

/// <summary>The kind of an import or export.</summary>
public enum ExternKind
{
    /// <summary>A function.</summary>
    Function,
    /// <summary>A table.</summary>
    Table,
    /// <summary>A linear memory.</summary>
    Memory,
    /// <summary>A global variable.</summary>
    Global,
}
