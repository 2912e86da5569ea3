using System.Collections.Immutable;
using System.Diagnostics;
using System.Reflection;
using System.Reflection.Emit;
using ScriptRunner.Wasm.Structure;

namespace ScriptRunner.Wasm.Execution.Compilation;

/// <summary>
/// Compiles a validated module into one collectible type with a static method per defined function. The JIT
/// compiles each method on its first call, fully optimised (no tiering), so instances share all generated code.
/// </summary>
internal static class ModuleCompiler
{
    public static CompiledModule Compile(Engine engine, ModuleDefinition module, string sha256, Stopwatch clock)
    {
        var publicTypes = module.Types.Select(ToPublic).ToImmutableArray();
        var typeIds = publicTypes.Select(engine.Types.Intern).ToImmutableArray();
        var names = FunctionNames(module);

        var builder = DynamicAssembly.Create("ScriptRunner.Wasm.Module_" + sha256[..16]);
        var type = builder.DefineType("Functions", TypeAttributes.Public | TypeAttributes.Sealed | TypeAttributes.Abstract);
        var methods = new MethodBuilder[module.Code.Length];
        for (var i = 0; i < methods.Length; i++)
        {
            var index = (uint)(module.ImportedFunctionCount + i);
            var signature = Instructions.Control.CallEmitter.Signature(module.GetFunctionType(index));

            // WebAssembly names may be empty or duplicated; the method name carries the index instead.
            methods[i] = type.DefineMethod(MethodPrefix + index, MethodAttributes.Public | MethodAttributes.Static, signature.Return, signature.Parameters);
            methods[i].SetImplementationFlags(MethodImplAttributes.AggressiveOptimization);
        }

        var context = new CompilationContext { Module = module, Methods = methods, TypeIds = typeIds, Tokens = new TokenCache(builder) };
        for (var i = 0; i < methods.Length; i++)
        {
            new FunctionCompiler(context, (uint)(module.ImportedFunctionCount + i), methods[i]).Compile();
        }

        var created = type.CreateType();
        var code = methods
            .Select(m => created.Module.ResolveMethod(m.MetadataToken)!.MethodHandle.GetFunctionPointer())
            .ToImmutableArray();

        var compiled = new CompiledModule
        {
            Sha256 = sha256,
            CompileTime = clock.Elapsed,
            Imports = module.Imports.Select(i => new ImportType(
                i.Module,
                i.Name,
                (ExternKind)i.Kind,
                i.Kind == ExternalKind.Function ? publicTypes[(int)i.FunctionTypeIndex] : null)).ToArray(),
            Exports = module.Exports.Select(e => new ExportType(
                e.Name,
                (ExternKind)e.Kind,
                e.Kind == ExternalKind.Function ? publicTypes[(int)module.FunctionTypeIndices[(int)e.Index]] : null)).ToArray(),
            Definition = module,
            FunctionTypes = publicTypes,
            TypeIds = typeIds,
            Code = code,
            FunctionNames = names,
            CompiledType = created,
            Engine = engine,
        };
        engine.CompiledTypes.AddOrUpdate(created, compiled);
        return compiled;
    }

    /// <summary>Compiled functions are named this prefix followed by their function index.</summary>
    public const string MethodPrefix = "func";

    public static FunctionType ToPublic(Structure.FunctionType type) =>
        new(type.Params.Select(FunctionCompiler.ToKind).ToArray(), type.Results.Select(FunctionCompiler.ToKind).ToArray());

    private static ImmutableArray<string?> FunctionNames(ModuleDefinition module)
    {
        var names = new string?[module.FunctionTypeIndices.Length];
        foreach (var export in module.Exports)
        {
            if (export.Kind == ExternalKind.Function)
            {
                names[export.Index] ??= export.Name;
            }
        }

        foreach (var (index, name) in module.FunctionNames)
        {
            if (index < names.Length)
            {
                names[index] = name;
            }
        }

        return [.. names];
    }
}
