using System.Collections.Immutable;
using System.Reflection.Emit;
using ScriptRunner.Wasm.Structure;

namespace ScriptRunner.Wasm.Execution.Compilation;

/// <summary>Module-wide facts every function compiler needs: the module, the methods, engine type ids.</summary>
internal sealed class CompilationContext
{
    public required ModuleDefinition Module { get; init; }

    /// <summary>The static method of each defined function, by defined-function index.</summary>
    public required MethodBuilder[] Methods { get; init; }

    /// <summary>Engine-wide type id of each entry of the type section.</summary>
    public required ImmutableArray<int> TypeIds { get; init; }

    /// <summary>Metadata tokens of the generated module.</summary>
    public required TokenCache Tokens { get; init; }

    public int ImportedFunctionCount => Module.ImportedFunctionCount;

    public Structure.FunctionType FunctionType(uint functionIndex) => Module.GetFunctionType(functionIndex);

    public (ValType[] Params, ValType[] Results) BlockSignature(BlockType type) => type.Kind switch
    {
        BlockTypeKind.Empty => ([], []),
        BlockTypeKind.Value => ([], [type.ValType]),
        _ => (Module.Types[(int)type.TypeIndex].Params, Module.Types[(int)type.TypeIndex].Results),
    };
}
