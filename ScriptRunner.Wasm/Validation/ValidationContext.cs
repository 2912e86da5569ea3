using ScriptRunner.Wasm.Structure;

namespace ScriptRunner.Wasm.Validation;

/// <summary>What function bodies may refer to (spec's context C), derived once per module.</summary>
internal sealed class ValidationContext
{
    public ValidationContext(ModuleDefinition module, bool[] declaredFunctionReferences)
    {
        Module = module;
        DeclaredFunctionReferences = declaredFunctionReferences;
    }

    /// <summary>The module being validated.</summary>
    public ModuleDefinition Module { get; }

    /// <summary>C.refs: functions that ref.func may name, indexed by function index.</summary>
    public bool[] DeclaredFunctionReferences { get; }
}
