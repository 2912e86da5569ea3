using ScriptRunner.Wasm;

namespace ScriptRunner.Tests.Wasm.Conformance;

/// <summary>
/// The "spectest" host module the spec scripts import from: print functions that do nothing, four globals holding
/// 666 / 666.6, a funcref table of 10..20 elements and a memory of 1..2 pages.
/// </summary>
internal static class SpecTestHost
{
    /// <summary>Defines every spectest export in <paramref name="linker"/>, owned by <paramref name="store"/>.</summary>
    public static void Define(Linker linker, Store store)
    {
        DefinePrint(linker, "print");
        DefinePrint(linker, "print_i32", ValueKind.I32);
        DefinePrint(linker, "print_i64", ValueKind.I64);
        DefinePrint(linker, "print_f32", ValueKind.F32);
        DefinePrint(linker, "print_f64", ValueKind.F64);
        DefinePrint(linker, "print_i32_f32", ValueKind.I32, ValueKind.F32);
        DefinePrint(linker, "print_f64_f64", ValueKind.F64, ValueKind.F64);

        linker.Define("spectest", "global_i32", new Global(store, ValueKind.I32, false, Value.FromI32(666)));
        linker.Define("spectest", "global_i64", new Global(store, ValueKind.I64, false, Value.FromI64(666)));
        linker.Define("spectest", "global_f32", new Global(store, ValueKind.F32, false, Value.FromF32(666.6f)));
        linker.Define("spectest", "global_f64", new Global(store, ValueKind.F64, false, Value.FromF64(666.6)));
        linker.Define("spectest", "table", new Table(store, ValueKind.FuncRef, 10, 20, Value.Null(ValueKind.FuncRef)));
        linker.Define("spectest", "memory", new Memory(store, 1, 2));
    }

    private static void DefinePrint(Linker linker, string name, params ValueKind[] parameters) =>
        linker.DefineFunction("spectest", name, new FunctionType(parameters, []), static (_, _, _) => { });
}
