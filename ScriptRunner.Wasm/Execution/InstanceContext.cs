namespace ScriptRunner.Wasm.Execution;

/// <summary>
/// The runtime state of one instance, passed to every compiled function as its trailing argument. Fields are read
/// directly by generated IL, so they are plain fields.
/// </summary>
internal sealed class InstanceContext
{
    public required ExecutionState Execution;
    public required Store Store;
    public required CompiledModule Module;

    /// <summary>The single memory (imported or defined), if any.</summary>
    public Memory? Memory;

    /// <summary>Every function in the function index space (imports first), as ref.func and tables see them.</summary>
    public Function[] Functions = [];

    /// <summary>What calls to imported function i go through: host functions bound to this instance.</summary>
    public Function[] Callees = [];

    public Table[] Tables = [];

    public Global[] Globals = [];

    /// <summary>Element segments by index; a dropped segment is empty.</summary>
    public object?[][] Elements = [];

    /// <summary>Data segments by index; a dropped segment is empty.</summary>
    public ReadOnlyMemory<byte>[] Data = [];

    /// <summary>The public instance, set once instantiation has created it.</summary>
    public Instance? Instance;
}
