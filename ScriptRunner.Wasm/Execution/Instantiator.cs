using ScriptRunner.Wasm.Structure;

namespace ScriptRunner.Wasm.Execution;

/// <summary>
/// Creates and initialises instances (spec 4.5.4): match imports, allocate functions, globals, tables and memory,
/// then run active element segments, active data segments (in that order, each bounds-checked before it writes) and
/// the start function. No code is generated here: instances share their module's compiled code.
/// </summary>
internal static class Instantiator
{
    public static Instance Instantiate(Store store, Module module, object[] imports)
    {
        var compiled = module.Compiled;
        if (!ReferenceEquals(compiled.Engine, store.Engine))
        {
            throw new ArgumentException("The module was compiled by another engine than the store's.", nameof(module));
        }

        var definition = compiled.Definition;
        var instance = new Instance(store, module);
        var context = new InstanceContext { Execution = store.Execution, Store = store, Module = compiled, Instance = instance };
        var functions = new Function[definition.FunctionTypeIndices.Length];
        var callees = new Function[definition.ImportedFunctionCount];
        var tables = new Table[definition.Tables.Length];
        var globals = new Global[definition.Globals.Length];
        Memory? memory = null;

        int function = 0, table = 0, global = 0;
        for (var i = 0; i < definition.Imports.Length; i++)
        {
            var import = definition.Imports[i];
            var external = imports[i];
            switch (import.Kind)
            {
                case ExternalKind.Function:
                    var f = Expect<Function>(import, external, store);
                    if (!f.Type.Equals(compiled.FunctionTypes[(int)import.FunctionTypeIndex]))
                    {
                        throw Incompatible(import, $"expected {compiled.FunctionTypes[(int)import.FunctionTypeIndex]}, got {f.Type}");
                    }

                    functions[function] = f;
                    callees[function] = f.Host is { } host
                        ? new Function(store, f.Type, f.TypeId, host.Bind(instance), f.Code, f.Name)
                        : f;
                    function++;
                    break;
                case ExternalKind.Table:
                    var t = Expect<Table>(import, external, store);
                    if (FunctionCompilerKind(import.Table.ElementType) != t.ElementKind
                        || !LimitsMatch(t.Size, t.Maximum, import.Table.Limits))
                    {
                        throw Incompatible(import, "table type does not match");
                    }

                    tables[table++] = t;
                    break;
                case ExternalKind.Memory:
                    var m = Expect<Memory>(import, external, store);
                    if (!LimitsMatch(m.Pages, m.Maximum, import.Memory.Limits))
                    {
                        throw Incompatible(import, "memory limits do not match");
                    }

                    memory = m;
                    break;
                default:
                    var g = Expect<Global>(import, external, store);
                    if (g.Kind != FunctionCompilerKind(import.Global.Type) || g.Mutable != import.Global.Mutable)
                    {
                        throw Incompatible(import, "global type does not match");
                    }

                    globals[global++] = g;
                    break;
            }
        }

        for (var i = 0; i < definition.Code.Length; i++)
        {
            var index = (uint)(definition.ImportedFunctionCount + i);
            functions[index] = new Function(
                store, compiled.FunctionType(index), compiled.TypeId(index), context, compiled.Code[i], compiled.FunctionNames[(int)index]);
        }

        context.Functions = functions;
        context.Callees = callees;
        context.Globals = globals;
        context.Tables = tables;
        foreach (var definitionOfGlobal in definition.GlobalDefinitions)
        {
            var type = definitionOfGlobal.Type;
            globals[global++] = new Global(store, FunctionCompilerKind(type.Type), type.Mutable, Evaluate(definitionOfGlobal.Init, type.Type, context));
        }

        for (var i = definition.ImportedTableCount; i < tables.Length; i++)
        {
            var type = definition.Tables[i];
            var kind = FunctionCompilerKind(type.ElementType);
            tables[i] = new Table(store, kind, type.Limits.Min, type.Limits.Max, Value.Null(kind));
        }

        if (definition.ImportedMemoryCount == 0 && definition.Memories.Length > 0)
        {
            var limits = definition.Memories[0].Limits;
            memory = new Memory(store, limits.Min, limits.Max);
        }

        context.Memory = memory;
        context.Elements = definition.Elements
            .Select(segment => segment.Items.Select(item => Evaluate(item, segment.ElementType, context).Reference).ToArray())
            .ToArray();
        context.Data = definition.Data.Select(segment => segment.Bytes).ToArray();
        instance.SetExports(Exports(definition, context));

        InitializeElements(definition, context);
        InitializeData(definition, context);
        if (definition.Start is { } start)
        {
            functions[start].Invoke();
        }

        return instance;
    }

    private static void InitializeElements(ModuleDefinition definition, InstanceContext context)
    {
        for (var i = 0; i < definition.Elements.Length; i++)
        {
            var segment = definition.Elements[i];
            if (segment.Mode == SegmentMode.Active)
            {
                var offset = Evaluate(segment.Offset, ValType.I32, context).AsI32();
                var items = context.Elements[i];
                Instructions.Table.TableOps.Init(offset, 0, items.Length, context.Tables[segment.TableIndex], i, context);
            }

            if (segment.Mode != SegmentMode.Passive)
            {
                context.Elements[i] = [];
            }
        }
    }

    private static void InitializeData(ModuleDefinition definition, InstanceContext context)
    {
        for (var i = 0; i < definition.Data.Length; i++)
        {
            var segment = definition.Data[i];
            if (segment.Mode == SegmentMode.Active)
            {
                var offset = Evaluate(segment.Offset, ValType.I32, context).AsI32();
                Instructions.Memory.MemoryOps.Init(offset, 0, segment.Bytes.Length, i, context);
                context.Data[i] = ReadOnlyMemory<byte>.Empty;
            }
        }
    }

    private static List<KeyValuePair<string, object>> Exports(ModuleDefinition definition, InstanceContext context)
    {
        var exports = new List<KeyValuePair<string, object>>(definition.Exports.Length);
        foreach (var export in definition.Exports)
        {
            object value = export.Kind switch
            {
                ExternalKind.Function => context.Functions[export.Index],
                ExternalKind.Table => context.Tables[export.Index],
                ExternalKind.Memory => context.Memory!,
                _ => context.Globals[export.Index],
            };
            exports.Add(new(export.Name, value));
        }

        return exports;
    }

    private static Value Evaluate(ConstantExpression expression, ValType type, InstanceContext context) => expression.Kind switch
    {
        ConstantKind.I32Const => Value.FromI32(expression.I32),
        ConstantKind.I64Const => Value.FromI64(expression.I64),
        ConstantKind.F32Const => Value.FromF32Bits(expression.F32Bits),
        ConstantKind.F64Const => Value.FromF64Bits(expression.F64Bits),
        ConstantKind.V128Const => Value.FromV128(expression.V128),
        ConstantKind.RefFunc => Value.FromFuncRef(context.Functions[expression.Index]),
        ConstantKind.GlobalGet => context.Globals[expression.Index].Value,
        _ => Value.Null(FunctionCompilerKind(type)),
    };

    // Spec import matching: the provided size must be at least the declared minimum, and if a maximum is declared the
    // provided one must exist and not exceed it.
    private static bool LimitsMatch(uint size, uint? maximum, Limits expected) =>
        size >= expected.Min && (expected.Max is not { } max || (maximum is { } actual && actual <= max));

    private static T Expect<T>(Import import, object external, Store store)
        where T : class
    {
        if (external is not T typed)
        {
            throw Incompatible(import, $"expected a {KindName(import.Kind)}, got a {external.GetType().Name.ToLowerInvariant()}");
        }

        var owner = typed switch
        {
            Function f => f.Store,
            Table t => t.Store,
            Memory m => m.Store,
            Global g => g.Store,
            _ => store,
        };
        if (!ReferenceEquals(owner, store))
        {
            throw Incompatible(import, "it belongs to another store");
        }

        return typed;
    }

    private static LinkException Incompatible(Import import, string detail) =>
        new($"incompatible import type for {import.Module}::{import.Name}: {detail}");

    private static string KindName(ExternalKind kind) => kind.ToString().ToLowerInvariant();

    private static ValueKind FunctionCompilerKind(ValType type) => Compilation.FunctionCompiler.ToKind(type);
}
