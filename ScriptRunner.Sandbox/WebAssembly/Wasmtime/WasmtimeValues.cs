using System.Runtime.Intrinsics;
using ScriptRunner.Wasm;
using WasmtimeKind = Wasmtime.ValueKind;

namespace ScriptRunner.Sandbox.WebAssembly.Wasmtime;

/// <summary>
/// Translates between Wasmtime's values and types and ScriptRunner.Wasm's, which serve as the engine-neutral
/// vocabulary of handler arguments, results and export signatures.
/// </summary>
internal static class WasmtimeValues
{
    /// <summary>The neutral kind of a Wasmtime value kind; null for a kind handlers cannot use (GC references).</summary>
    public static ValueKind? Kind(WasmtimeKind kind) => kind switch
    {
        WasmtimeKind.Int32 => ValueKind.I32,
        WasmtimeKind.Int64 => ValueKind.I64,
        WasmtimeKind.Float32 => ValueKind.F32,
        WasmtimeKind.Float64 => ValueKind.F64,
        WasmtimeKind.V128 => ValueKind.V128,
        WasmtimeKind.FuncRef => ValueKind.FuncRef,
        WasmtimeKind.ExternRef => ValueKind.ExternRef,
        _ => null,
    };

    /// <summary>The module's exports in the neutral vocabulary (a function with an unusable type is listed as a global, so it cannot be called).</summary>
    public static IReadOnlyList<ExportType> Exports(global::Wasmtime.Module module) => [.. module.Exports.Select(Export)];

    /// <summary>A handler argument as a Wasmtime value.</summary>
    public static global::Wasmtime.ValueBox ToBox(Value value) => value.Kind switch
    {
        ValueKind.I32 => value.AsI32(),
        ValueKind.I64 => value.AsI64(),
        ValueKind.F32 => value.AsF32(),
        ValueKind.F64 => value.AsF64(),
        ValueKind.V128 => new global::Wasmtime.V128(AsBytes(value.AsV128())),
        // Handlers take references only as null (see WasmValueConverter).
        _ => (global::Wasmtime.Function?)null!,
    };

    /// <summary>A result returned by <c>Function.Invoke</c>: one boxed value, or an array of them for several results.</summary>
    public static Value[] Results(object? returned, IReadOnlyList<WasmtimeKind> kinds)
    {
        if (kinds.Count == 0) return [];
        if (kinds.Count == 1) return [FromObject(returned, kinds[0])];
        var values = (object?[])returned!;
        var results = new Value[kinds.Count];
        for (var i = 0; i < results.Length; i++) results[i] = FromObject(values[i], kinds[i]);
        return results;
    }

    private static Value FromObject(object? value, WasmtimeKind kind) => kind switch
    {
        WasmtimeKind.Int32 => Value.FromI32((int)value!),
        WasmtimeKind.Int64 => Value.FromI64((long)value!),
        WasmtimeKind.Float32 => Value.FromF32((float)value!),
        WasmtimeKind.Float64 => Value.FromF64((double)value!),
        WasmtimeKind.V128 => Value.FromV128(Vector128.Create(((global::Wasmtime.V128)value!).AsSpan())),
        // A non-null function reference has no managed Function to stand for it; results show references only as
        // null or not, so any non-null reference serves.
        WasmtimeKind.FuncRef => value is null or global::Wasmtime.Function { IsNull: true } ? Value.Null(ValueKind.FuncRef) : Value.FromExternRef(value),
        _ => value is null ? Value.Null(ValueKind.ExternRef) : Value.FromExternRef(value),
    };

    private static ExportType Export(global::Wasmtime.Export export)
    {
        if (export is global::Wasmtime.FunctionExport function)
        {
            var parameters = function.Parameters.Select(Kind).ToList();
            var results = function.Results.Select(Kind).ToList();
            if (parameters.All(k => k is not null) && results.All(k => k is not null))
            {
                return new ExportType(export.Name, ExternKind.Function,
                    new FunctionType([.. parameters.Select(k => k!.Value)], [.. results.Select(k => k!.Value)]));
            }

            return new ExportType(export.Name, ExternKind.Global, null);
        }

        var kind = export switch
        {
            global::Wasmtime.MemoryExport => ExternKind.Memory,
            global::Wasmtime.TableExport => ExternKind.Table,
            _ => ExternKind.Global,
        };
        return new ExportType(export.Name, kind, null);
    }

    private static byte[] AsBytes(Vector128<byte> vector)
    {
        var bytes = new byte[16];
        vector.CopyTo(bytes);
        return bytes;
    }
}
