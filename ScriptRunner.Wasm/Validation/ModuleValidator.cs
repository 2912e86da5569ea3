using System.Collections.Immutable;
using System.Runtime.InteropServices;
using ScriptRunner.Wasm.Structure;

namespace ScriptRunner.Wasm.Validation;

/// <summary>
/// Module validation (spec chapter 3): index references, limits, constant expressions, segments, exports, the
/// start function and every function body. Expects a module produced by <see cref="Binary.ModuleReader"/> and
/// throws an invalid (not malformed) <see cref="CompileException"/>.
/// </summary>
internal static class ModuleValidator
{
    /// <summary>Validates <paramref name="module"/> and returns facts about each defined function, in order.</summary>
    public static ImmutableArray<FunctionFacts> Validate(ModuleDefinition module)
    {
        ValidateImports(module);
        ValidateFunctions(module);
        ValidateTablesAndMemories(module);
        ValidateGlobals(module);
        ValidateElements(module);
        ValidateData(module);
        ValidateStart(module);
        ValidateExports(module);

        var context = new ValidationContext(module, CollectDeclaredReferences(module));
        var validator = new FunctionValidator(context);
        var facts = new FunctionFacts[module.Code.Length];
        for (var i = 0; i < facts.Length; i++)
        {
            facts[i] = validator.Validate((uint)(module.ImportedFunctionCount + i), module.Code[i]);
        }

        return ImmutableCollectionsMarshal.AsImmutableArray(facts);
    }

    private const string MemoryRange = "memory size must be at most 65536 pages (4GiB)";

    private static CompileException Invalid(string reason, long offset, string section) =>
        CompileException.Invalid(reason, offset, section);

    private static void ValidateImports(ModuleDefinition module)
    {
        foreach (var import in module.Imports)
        {
            switch (import.Kind)
            {
                case ExternalKind.Function when import.FunctionTypeIndex >= (uint)module.Types.Length:
                    throw Invalid($"unknown type {import.FunctionTypeIndex} for import {import.Module}::{import.Name}",
                        module.SectionOffset(2), "import");
                case ExternalKind.Table:
                    ValidateLimits(import.Table.Limits, uint.MaxValue, null, module.SectionOffset(2), "import");
                    break;
                case ExternalKind.Memory:
                    ValidateLimits(import.Memory.Limits, MemoryType.MaxPages, MemoryRange, module.SectionOffset(2), "import");
                    break;
            }
        }
    }

    private static void ValidateFunctions(ModuleDefinition module)
    {
        for (var i = module.ImportedFunctionCount; i < module.FunctionTypeIndices.Length; i++)
        {
            var typeIndex = module.FunctionTypeIndices[i];
            if (typeIndex >= (uint)module.Types.Length)
            {
                throw Invalid($"unknown type {typeIndex} for function {i}", module.SectionOffset(3), "function");
            }
        }
    }

    private static void ValidateTablesAndMemories(ModuleDefinition module)
    {
        for (var i = module.ImportedTableCount; i < module.Tables.Length; i++)
        {
            ValidateLimits(module.Tables[i].Limits, uint.MaxValue, null, module.SectionOffset(4), "table");
        }

        for (var i = module.ImportedMemoryCount; i < module.Memories.Length; i++)
        {
            ValidateLimits(module.Memories[i].Limits, MemoryType.MaxPages, MemoryRange, module.SectionOffset(5), "memory");
        }

        if (module.Memories.Length > 1) throw Invalid("multiple memories", module.SectionOffset(5), "memory");
    }

    private static void ValidateLimits(Limits limits, uint range, string? rangeMessage, int offset, string section)
    {
        if (limits.Min > range || limits.Max > range) throw Invalid(rangeMessage!, offset, section);
        if (limits.Max is { } max && limits.Min > max)
        {
            throw Invalid($"size minimum must not be greater than maximum ({limits.Min} > {max})", offset, section);
        }
    }

    private static void ValidateGlobals(ModuleDefinition module)
    {
        foreach (var global in module.GlobalDefinitions)
        {
            ValidateConstant(module, global.Init, global.Type.Type, "global");
        }
    }

    private static void ValidateElements(ModuleDefinition module)
    {
        foreach (var segment in module.Elements)
        {
            if (segment.Mode == SegmentMode.Active)
            {
                if (segment.TableIndex >= (uint)module.Tables.Length)
                {
                    throw Invalid($"unknown table {segment.TableIndex}", segment.SourceOffset, "element");
                }

                ValidateConstant(module, segment.Offset, ValType.I32, "element");
                var tableType = module.Tables[(int)segment.TableIndex].ElementType;
                if (tableType != segment.ElementType)
                {
                    throw Invalid($"type mismatch: {segment.ElementType.Name()} segment for a {tableType.Name()} table",
                        segment.SourceOffset, "element");
                }
            }

            foreach (var item in segment.Items) ValidateConstant(module, item, segment.ElementType, "element");
        }
    }

    private static void ValidateData(ModuleDefinition module)
    {
        foreach (var segment in module.Data)
        {
            if (segment.Mode != SegmentMode.Active) continue;
            if (segment.MemoryIndex >= (uint)module.Memories.Length)
            {
                throw Invalid($"unknown memory {segment.MemoryIndex}", segment.SourceOffset, "data");
            }

            ValidateConstant(module, segment.Offset, ValType.I32, "data");
        }
    }

    private static void ValidateStart(ModuleDefinition module)
    {
        if (module.Start is not { } start) return;
        if (start >= (uint)module.FunctionTypeIndices.Length) throw Invalid($"unknown function {start}", module.SectionOffset(8), "start");
        var type = module.GetFunctionType(start);
        if (type.Params.Length != 0 || type.Results.Length != 0)
        {
            throw Invalid($"start function must have type [] -> [] but function {start} has {type}",
                module.SectionOffset(8), "start");
        }
    }

    private static void ValidateExports(ModuleDefinition module)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var export in module.Exports)
        {
            var (count, what) = export.Kind switch
            {
                ExternalKind.Function => (module.FunctionTypeIndices.Length, "function"),
                ExternalKind.Table => (module.Tables.Length, "table"),
                ExternalKind.Memory => (module.Memories.Length, "memory"),
                _ => (module.Globals.Length, "global"),
            };
            if (export.Index >= (uint)count)
            {
                throw Invalid($"unknown {what} {export.Index} in export \"{export.Name}\"", module.SectionOffset(7), "export");
            }

            if (!names.Add(export.Name))
            {
                throw Invalid($"duplicate export name \"{export.Name}\"", module.SectionOffset(7), "export");
            }
        }
    }

    /// <summary>
    /// Checks a constant expression of type <paramref name="expected"/>. As in WebAssembly 2.0, global.get may only
    /// name imported, immutable globals.
    /// </summary>
    private static void ValidateConstant(ModuleDefinition module, ConstantExpression expression, ValType expected, string section)
    {
        var offset = expression.SourceOffset;
        if (expression.NonConstantOpcode is { } op)
        {
            throw Invalid($"constant expression required, found {op.Mnemonic()}", offset, section);
        }

        if (expression.InstructionCount != 1)
        {
            throw Invalid($"type mismatch: constant expression must produce exactly one {expected.Name()}", offset, section);
        }

        ValType actual;
        switch (expression.Kind)
        {
            case ConstantKind.I32Const: actual = ValType.I32; break;
            case ConstantKind.I64Const: actual = ValType.I64; break;
            case ConstantKind.F32Const: actual = ValType.F32; break;
            case ConstantKind.F64Const: actual = ValType.F64; break;
            case ConstantKind.V128Const: actual = ValType.V128; break;
            case ConstantKind.RefNull: actual = expression.RefType; break;
            case ConstantKind.RefFunc:
                if (expression.Index >= (uint)module.FunctionTypeIndices.Length)
                {
                    throw Invalid($"unknown function {expression.Index}", offset, section);
                }

                actual = ValType.FuncRef;
                break;
            default:
                if (expression.Index >= (uint)module.ImportedGlobalCount)
                {
                    throw Invalid($"unknown global {expression.Index}", offset, section);
                }

                var global = module.Globals[(int)expression.Index];
                if (global.Mutable)
                {
                    throw Invalid($"constant expression required, global {expression.Index} is mutable", offset, section);
                }

                actual = global.Type;
                break;
        }

        if (actual != expected)
        {
            throw Invalid($"type mismatch: expected {expected.Name()} but constant expression has {actual.Name()}", offset, section);
        }
    }

    /// <summary>C.refs: functions named by ref.func outside function bodies or exported.</summary>
    private static bool[] CollectDeclaredReferences(ModuleDefinition module)
    {
        var declared = new bool[module.FunctionTypeIndices.Length];
        foreach (var global in module.GlobalDefinitions) Declare(global.Init);
        foreach (var segment in module.Elements)
        {
            foreach (var item in segment.Items) Declare(item);
        }

        foreach (var export in module.Exports)
        {
            if (export.Kind == ExternalKind.Function) declared[export.Index] = true;
        }

        return declared;

        void Declare(ConstantExpression expression)
        {
            if (expression.Kind == ConstantKind.RefFunc && expression.Index < (uint)declared.Length)
            {
                declared[expression.Index] = true;
            }
        }
    }
}
