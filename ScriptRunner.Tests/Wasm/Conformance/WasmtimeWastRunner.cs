using System.Runtime.Intrinsics;
using ScriptRunner.Sandbox.WebAssembly.Wasmtime;
using Wasmtime;
using ManagedValue = ScriptRunner.Wasm.Value;
using ManagedKind = ScriptRunner.Wasm.ValueKind;

namespace ScriptRunner.Tests.Wasm.Conformance;

/// <summary>
/// Executes the commands of one converted script on Wasmtime, as <see cref="WastRunner"/> does on the managed
/// engine: one store and linker per script, "spectest" defined, values compared with the same <see cref="WastValue"/>
/// rules. Wasmtime does not tell a malformed module from an invalid one, so either rejection passes both assertions.
/// </summary>
internal sealed class WasmtimeWastRunner : IDisposable
{
    private readonly WastConversion _conversion;
    private readonly Engine _engine = new(WasmtimeRuntime.WebAssembly20Config());
    private readonly Store _store;
    private readonly Linker _linker;
    private readonly ExternRefs _externRefs = new();
    private readonly Dictionary<string, Instance> _named = new(StringComparer.Ordinal);
    private readonly List<CommandFailure> _failures = [];
    private Instance? _current;
    private string _noCurrentReason = "no module has been defined yet";
    private int _passed;

    public WasmtimeWastRunner(WastConversion conversion)
    {
        _conversion = conversion;
        _store = new Store(_engine);
        _linker = new Linker(_engine);
        DefineSpectest();
    }

    /// <summary>Runs every command, recording each outcome; never throws for an engine misbehaviour.</summary>
    public WastFileResult Run(IReadOnlyList<WastCommand> commands)
    {
        foreach (var command in commands)
        {
            string? failure;
            try
            {
                failure = Execute(command);
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                failure = $"harness could not run the command: {ex.GetType().Name}: {ex.Message}";
            }

            if (failure is null) _passed++;
            else _failures.Add(new CommandFailure(command.Line, command.Type, command.Text ?? "", failure));
        }

        return new WastFileResult(Path.GetFileName(_conversion.WastPath), commands.Count, _passed, 0, _failures);
    }

    private string? Execute(WastCommand command) => command.Type switch
    {
        "module" => DefineModule(command),
        "register" => Register(command),
        "action" => Perform(command.Action!, out _) is { } error ? $"threw {error}" : null,
        "assert_return" => AssertReturn(command),
        "assert_trap" or "assert_exhaustion" => AssertTrap(command),
        "assert_invalid" or "assert_malformed" => AssertRejected(command),
        "assert_unlinkable" => AssertUnlinkable(command),
        "assert_uninstantiable" => AssertUninstantiable(command),
        _ => $"unknown command type '{command.Type}'",
    };

    private string? DefineModule(WastCommand command)
    {
        _current = null;
        _noCurrentReason = $"the module at line {command.Line} failed to load";
        try
        {
            var instance = _linker.Instantiate(_store, Compile(command));
            _current = instance;
            if (command.Name is not null) _named[command.Name] = instance;
            return null;
        }
        catch (WasmtimeException ex)
        {
            return $"module failed to load: {ex.Message}";
        }
    }

    private string? Register(WastCommand command)
    {
        var instance = Resolve(command.Name, out var error);
        if (instance is null) return error;
        _linker.DefineInstance(_store, command.As!, instance);
        return null;
    }

    private string? AssertReturn(WastCommand command)
    {
        if (Perform(command.Action!, out var results) is { } error) return $"threw {error}";
        var expected = command.Expected;
        if (results.Length != expected.Count || !expected.Select((e, i) => e.Matches(results[i], _externRefs)).All(m => m))
            return "[" + string.Join(", ", results.Select((r, i) => i < expected.Count ? expected[i].Describe(r) : WastValue.Format(r))) + "]";
        return null;
    }

    private string? AssertTrap(WastCommand command)
    {
        try
        {
            var results = Invoke(command.Action!);
            return $"returned [{string.Join(", ", results.Select(r => WastValue.Format(r)))}] without trapping";
        }
        catch (TrapException trap)
        {
            return TrapMatches(command.Text!, trap) ? null : $"trapped with {trap.Type}: {trap.Message}";
        }
        catch (WasmtimeException ex)
        {
            return $"threw {ex.Message}";
        }
    }

    private string? AssertRejected(WastCommand command)
    {
        // Text modules are for the text parser, which is not under test; they always pass.
        if (command.ModuleType == "text") return null;
        try
        {
            Compile(command);
            return "module was accepted";
        }
        catch (WasmtimeException)
        {
            return null;
        }
    }

    private string? AssertUnlinkable(WastCommand command)
    {
        try
        {
            _linker.Instantiate(_store, Compile(command));
            return "module linked and instantiated";
        }
        catch (TrapException trap)
        {
            return $"trapped with {trap.Type} instead of failing to link";
        }
        catch (WasmtimeException)
        {
            return null;
        }
    }

    private string? AssertUninstantiable(WastCommand command)
    {
        try
        {
            _linker.Instantiate(_store, Compile(command));
            return "module instantiated without trapping";
        }
        catch (TrapException trap)
        {
            return TrapMatches(command.Text!, trap) ? null : $"trapped with {trap.Type}: {trap.Message}";
        }
        catch (WasmtimeException ex)
        {
            return $"threw {ex.Message} instead of trapping";
        }
    }

    // The trap code, worded as the sandbox words it, must be the spec message the script's text starts with (scripts
    // append detail: "uninitialized element 2"). Wasmtime has one code for both out-of-range table messages.
    private static bool TrapMatches(string expected, TrapException trap) =>
        expected.StartsWith(WasmtimeMessages.Trap(trap.Type), StringComparison.Ordinal)
        || (trap.Type == TrapCode.TableOutOfBounds && expected.StartsWith("out of bounds table access", StringComparison.Ordinal));

    private string? Perform(WastAction action, out ManagedValue[] results)
    {
        try
        {
            results = Invoke(action);
            return null;
        }
        catch (Exception ex) when (ex is WasmtimeException or InvalidOperationException)
        {
            results = [];
            return $"{ex.GetType().Name}: {ex.Message}";
        }
    }

    private ManagedValue[] Invoke(WastAction action)
    {
        var instance = Resolve(action.Module, out var error) ?? throw new InvalidOperationException(error);
        if (action.Type == "get")
        {
            var global = instance.GetGlobal(action.Field) ?? throw new InvalidOperationException($"no exported global \"{action.Field}\"");
            return [FromObject(global.GetValue(), global.Kind)];
        }

        var function = instance.GetFunction(action.Field) ?? throw new InvalidOperationException($"no exported function \"{action.Field}\"");
        var arguments = action.Args.Select(a => ToBox(a.ToValue(_externRefs))).ToArray();
        var returned = function.Invoke(arguments);
        var kinds = function.Results;
        if (kinds.Count == 0) return [];
        if (kinds.Count == 1) return [FromObject(returned, kinds[0])];
        var values = (object?[])returned!;
        return [.. kinds.Select((kind, i) => FromObject(values[i], kind))];
    }

    private Instance? Resolve(string? name, out string? error)
    {
        error = null;
        if (name is null)
        {
            if (_current is null) error = _noCurrentReason;
            return _current;
        }

        if (_named.TryGetValue(name, out var instance)) return instance;
        error = $"no module named {name}";
        return null;
    }

    private Module Compile(WastCommand command) => Module.FromBytes(_engine, command.FileName ?? "module",
        File.ReadAllBytes(Path.Combine(_conversion.Directory, command.FileName ?? throw new InvalidOperationException("module command without a file name"))));

    private static ValueBox ToBox(ManagedValue value) => value.Kind switch
    {
        ManagedKind.I32 => value.AsI32(),
        ManagedKind.I64 => value.AsI64(),
        ManagedKind.F32 => value.AsF32(),
        ManagedKind.F64 => value.AsF64(),
        ManagedKind.V128 => new V128(Bytes(value.AsV128())),
        ManagedKind.FuncRef => (Function?)null!,
        _ => ValueBox.AsBox(value.AsExternRef()),
    };

    private static ManagedValue FromObject(object? value, ValueKind kind) => kind switch
    {
        ValueKind.Int32 => ManagedValue.FromI32((int)value!),
        ValueKind.Int64 => ManagedValue.FromI64((long)value!),
        ValueKind.Float32 => ManagedValue.FromF32((float)value!),
        ValueKind.Float64 => ManagedValue.FromF64((double)value!),
        ValueKind.V128 => ManagedValue.FromV128(Vector128.Create(((V128)value!).AsSpan())),
        ValueKind.FuncRef => value is null or Function { IsNull: true } ? ManagedValue.Null(ManagedKind.FuncRef) : NonNullFuncRef(value),
        _ => ManagedValue.FromExternRef(value),
    };

    // The scripts only ask whether a returned function reference is null; the managed Value has no public way to
    // hold a reference it did not create, so the non-null one is built through its private constructor.
    private static ManagedValue NonNullFuncRef(object function) => (ManagedValue)typeof(ManagedValue)
        .GetConstructor(System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance, [typeof(ManagedKind), typeof(ulong), typeof(ulong), typeof(object)])!
        .Invoke([ManagedKind.FuncRef, 0UL, 0UL, function]);

    private static byte[] Bytes(Vector128<byte> vector)
    {
        var bytes = new byte[16];
        vector.CopyTo(bytes);
        return bytes;
    }

    private void DefineSpectest()
    {
        foreach (var (name, parameters) in new (string, ValueKind[])[]
                 {
                     ("print", []), ("print_i32", [ValueKind.Int32]), ("print_i64", [ValueKind.Int64]), ("print_f32", [ValueKind.Float32]),
                     ("print_f64", [ValueKind.Float64]), ("print_i32_f32", [ValueKind.Int32, ValueKind.Float32]), ("print_f64_f64", [ValueKind.Float64, ValueKind.Float64]),
                 })
        {
            _linker.DefineFunction("spectest", name, static (Caller _, ReadOnlySpan<ValueBox> _, Span<ValueBox> _) => { }, parameters, []);
        }

        _linker.Define("spectest", "global_i32", new Global(_store, ValueKind.Int32, 666, Mutability.Immutable));
        _linker.Define("spectest", "global_i64", new Global(_store, ValueKind.Int64, 666L, Mutability.Immutable));
        _linker.Define("spectest", "global_f32", new Global(_store, ValueKind.Float32, 666.6f, Mutability.Immutable));
        _linker.Define("spectest", "global_f64", new Global(_store, ValueKind.Float64, 666.6, Mutability.Immutable));
        _linker.Define("spectest", "table", new Table(_store, TableKind.FuncRef, null, 10, 20));
        _linker.Define("spectest", "memory", new Memory(_store, 1, 2));
    }

    public void Dispose()
    {
        _store.Dispose();
        _linker.Dispose();
        _engine.Dispose();
    }
}
