using ScriptRunner.Wasm.Execution;

namespace ScriptRunner.Wasm;

/// <summary>Names host functions and other externals so modules importing them can be instantiated.</summary>
public sealed class Linker
{
    private readonly Dictionary<(string Module, string Name), object> _definitions = [];

    /// <summary>Creates an empty linker.</summary>
    public Linker(Engine engine)
    {
        ArgumentNullException.ThrowIfNull(engine);
        Engine = engine;
    }

    /// <summary>The engine whose modules this linker instantiates.</summary>
    public Engine Engine { get; }

    /// <summary>Defines a host function that receives raw values.</summary>
    public Linker DefineFunction(string module, string name, FunctionType type, HostCallback callback)
    {
        ArgumentNullException.ThrowIfNull(type);
        ArgumentNullException.ThrowIfNull(callback);
        _definitions[Key(module, name)] = new HostDefinition(type, callback);
        return this;
    }

    /// <summary>
    /// Defines a host function from a typed delegate: parameters int, long, float, double, Vector128&lt;byte&gt;,
    /// Function (funcref) or object (externref), an optional leading <see cref="Caller"/>, and a void, scalar or
    /// ValueTuple result.
    /// </summary>
    public Linker DefineFunction(string module, string name, Delegate callback)
    {
        var (type, raw) = Engine.TypedCallbacks.Create(callback);
        _definitions[Key(module, name)] = new HostDefinition(type, raw);
        return this;
    }

    /// <summary>Defines a Function, Memory, Table or Global.</summary>
    public Linker Define(string module, string name, object external)
    {
        ArgumentNullException.ThrowIfNull(external);
        if (external is not (Function or Memory or Table or Global))
        {
            throw new ArgumentException("Only a Function, Memory, Table or Global can be defined.", nameof(external));
        }

        _definitions[Key(module, name)] = external;
        return this;
    }

    /// <summary>Defines every export of an instance under a module name.</summary>
    public Linker DefineInstance(string moduleName, Instance instance)
    {
        ArgumentNullException.ThrowIfNull(instance);
        foreach (var (name, external) in instance.Exports)
        {
            _definitions[Key(moduleName, name)] = external;
        }

        return this;
    }

    /// <summary>Resolves the module's imports, creates its instance in the store, initialises it and runs its start function.</summary>
    public Instance Instantiate(Store store, Module module)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(module);
        var imports = new object[module.Imports.Count];
        var unknown = new List<string>();
        for (var i = 0; i < imports.Length; i++)
        {
            var import = module.Imports[i];
            if (!_definitions.TryGetValue((import.Module, import.Name), out var definition))
            {
                unknown.Add($"{import.Module}::{import.Name}");
                continue;
            }

            imports[i] = definition is HostDefinition host ? new Function(store, host.Type, host.Callback) { Name = import.Name } : definition;
        }

        if (unknown.Count > 0)
        {
            throw new LinkException("unknown import: " + string.Join(", ", unknown), unknown);
        }

        return Instantiator.Instantiate(store, module, imports);
    }

    private static (string, string) Key(string module, string name)
    {
        ArgumentNullException.ThrowIfNull(module);
        ArgumentNullException.ThrowIfNull(name);
        return (module, name);
    }

    private sealed record HostDefinition(FunctionType Type, HostCallback Callback);
}
