using ScriptRunner.Wasm;

namespace ScriptRunner.Tests.Wasm.Conformance;

/// <summary>
/// Executes the commands of one converted script against the public runtime API. All modules of a script share
/// one store and linker (so "register" and cross-module imports work); every call runs under the store's timeout.
/// </summary>
internal sealed class WastRunner : IDisposable
{
    private readonly WastConversion _conversion;
    private readonly Engine _engine = new();
    private readonly Store _store;
    private readonly Linker _linker;
    private readonly ExternRefs _externRefs = new();
    private readonly Dictionary<string, Instance> _named = new(StringComparer.Ordinal);
    private readonly List<CommandFailure> _failures = [];
    private Instance? _current;
    private string _noCurrentReason = "no module has been defined yet";
    private int _passed;
    private int _notApplicable;

    /// <summary>Prepares a fresh engine, store (with <paramref name="limits"/>) and linker holding "spectest".</summary>
    public WastRunner(WastConversion conversion, StoreLimits limits, CancellationToken cancellation)
    {
        _conversion = conversion;
        _store = new Store(_engine, limits) { CancellationToken = cancellation };
        _linker = new Linker(_engine);
        SpecTestHost.Define(_linker, _store);
    }

    /// <summary>Runs every command, recording each outcome; never throws for a runtime misbehaviour.</summary>
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
                failure = $"harness could not run the command: {Describe(ex)}";
            }
            if (failure is null) _passed++;
            else if (failure != NotApplicable) _failures.Add(new CommandFailure(command.Line, Title(command), ExpectedText(command), failure));
        }
        return new WastFileResult(Path.GetFileName(_conversion.WastPath), commands.Count, _passed, _notApplicable, _failures);
    }

    private const string NotApplicable = "\0not applicable";

    // Returns null when the command behaved as the script expects, else a description of what happened.
    private string? Execute(WastCommand command) => command.Type switch
    {
        "module" => DefineModule(command),
        "register" => Register(command),
        "action" => Perform(command.Action!, out _) is { } error ? $"threw {error}" : null,
        "assert_return" => AssertReturn(command),
        "assert_trap" => AssertTrap(command, command.Text!),
        "assert_exhaustion" => AssertTrap(command, command.Text!),
        "assert_invalid" => AssertRejected(command, expectMalformed: false),
        "assert_malformed" => AssertRejected(command, expectMalformed: true),
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
            var module = Module.FromBytes(_engine, ReadModuleBytes(command));
            var instance = _linker.Instantiate(_store, module);
            _current = instance;
            if (command.Name is not null) _named[command.Name] = instance;
            return null;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            return $"module failed to load: {Describe(ex)}";
        }
    }

    private string? Register(WastCommand command)
    {
        var instance = Resolve(command.Name, out var error);
        if (instance is null) return error;
        _linker.DefineInstance(command.As!, instance);
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

    private string? AssertTrap(WastCommand command, string text)
    {
        Value[] results;
        try
        {
            results = Invoke(command.Action!);
        }
        catch (TrapException trap)
        {
            return TrapMessages.Matches(text, trap) ? null : $"trapped with {Describe(trap)}";
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            return $"threw {Describe(ex)}";
        }
        return $"returned [{string.Join(", ", results.Select(r => WastValue.Format(r)))}] without trapping";
    }

    private string? AssertRejected(WastCommand command, bool expectMalformed)
    {
        if (command.ModuleType == "text")
        {
            _notApplicable++;
            return NotApplicable;
        }
        try
        {
            Module.FromBytes(_engine, ReadModuleBytes(command));
            return "module was accepted";
        }
        catch (CompileException ex)
        {
            if (ex.IsMalformed == expectMalformed) return null;
            return $"rejected as {(ex.IsMalformed ? "malformed" : "invalid")} instead of {(expectMalformed ? "malformed" : "invalid")}: {ex.Message}";
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            return $"threw {Describe(ex)} instead of CompileException";
        }
    }

    private string? AssertUnlinkable(WastCommand command)
    {
        if (!TryCompile(command, out var module, out var error)) return error;
        try
        {
            _linker.Instantiate(_store, module!);
            return "module linked and instantiated";
        }
        catch (LinkException ex)
        {
            var matches = command.Text == "unknown import"
                ? ex.UnknownImports.Count > 0
                : ex.Message.Contains(command.Text!, StringComparison.Ordinal);
            return matches ? null : $"LinkException (unknown imports: [{string.Join(", ", ex.UnknownImports)}]): {ex.Message}";
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            return $"threw {Describe(ex)} instead of LinkException";
        }
    }

    private string? AssertUninstantiable(WastCommand command)
    {
        if (!TryCompile(command, out var module, out var error)) return error;
        try
        {
            _linker.Instantiate(_store, module!);
            return "module instantiated without trapping";
        }
        catch (TrapException trap)
        {
            return TrapMessages.Matches(command.Text!, trap) ? null : $"trapped with {Describe(trap)}";
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            return $"threw {Describe(ex)} instead of TrapException";
        }
    }

    private bool TryCompile(WastCommand command, out Module? module, out string? error)
    {
        try
        {
            module = Module.FromBytes(_engine, ReadModuleBytes(command));
            error = null;
            return true;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            module = null;
            error = $"module did not compile: {Describe(ex)}";
            return false;
        }
    }

    // Runs an action; returns null with its results, or the description of what it threw.
    private string? Perform(WastAction action, out Value[] results)
    {
        try
        {
            results = Invoke(action);
            return null;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            results = [];
            return Describe(ex);
        }
    }

    private Value[] Invoke(WastAction action)
    {
        var instance = Resolve(action.Module, out var error) ?? throw new InvalidOperationException(error);
        if (action.Type == "get")
        {
            var global = instance.GetGlobal(action.Field)
                ?? throw new InvalidOperationException($"no exported global \"{action.Field}\"");
            return [global.Value];
        }
        var function = instance.GetFunction(action.Field)
            ?? throw new InvalidOperationException($"no exported function \"{action.Field}\"");
        return function.Invoke([.. action.Args.Select(a => a.ToValue(_externRefs))]);
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
        error = $"no module named {name} (it failed to load or was never defined)";
        return null;
    }

    private byte[] ReadModuleBytes(WastCommand command) =>
        File.ReadAllBytes(Path.Combine(_conversion.Directory, command.FileName
            ?? throw new InvalidOperationException("module command without a file name")));

    private static string Title(WastCommand command) => command.Action is null
        ? string.Join(" ", new[] { command.Type, command.Name, command.As is null ? null : $"as \"{command.As}\"", command.FileName }.OfType<string>())
        : $"{command.Type} {command.Action}";

    private static string ExpectedText(WastCommand command) => command.Type switch
    {
        "module" => "loads and instantiates",
        "register" => "registers",
        "action" => "runs without trapping",
        "assert_return" => "[" + string.Join(", ", command.Expected) + "]",
        "assert_trap" or "assert_uninstantiable" => $"trap \"{command.Text}\"",
        "assert_exhaustion" => $"trap \"{command.Text}\"",
        "assert_invalid" => $"CompileException (invalid) \"{command.Text}\"",
        "assert_malformed" => $"CompileException (malformed) \"{command.Text}\"",
        "assert_unlinkable" => $"LinkException \"{command.Text}\"",
        _ => command.Text ?? "",
    };

    private static string Describe(Exception ex)
    {
        var text = $"{ex.GetType().Name}: {ex.Message}";
        if (ex is TrapException trap) text = $"TrapException({trap.Kind}): {ex.Message}";
        if (ex.InnerException is { } inner) text += $" <- {inner.GetType().Name}: {inner.Message}";
        // Unexpected runtime exceptions need their origin to be diagnosable.
        if (ex is not (TrapException or CompileException or LinkException or InvalidOperationException) && ex.StackTrace is { } stack)
            text += " at " + string.Join(" | ", stack.Split('\n', StringSplitOptions.TrimEntries).Take(3));
        return text;
    }

    /// <summary>Frees the store's native memories.</summary>
    public void Dispose() => _store.Dispose();
}
