using ScriptRunner.Wasm.Execution;

namespace ScriptRunner.Wasm;

/// <summary>A function: defined by a WebAssembly instance or provided by the host.</summary>
public sealed class Function
{
    /// <summary>Creates a host function that receives raw values.</summary>
    public Function(Store store, FunctionType type, HostCallback callback)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(type);
        ArgumentNullException.ThrowIfNull(callback);
        Store = store;
        Type = type;
        Host = new HostFunction(store, type, callback, null);
        TypeId = store.Engine.Types.Intern(type);
        Target = Host;
        Code = store.Engine.Adapters.HostAdapter(type);
    }

    internal Function(Store store, FunctionType type, int typeId, object target, nint code, string? name)
    {
        Store = store;
        Type = type;
        TypeId = typeId;
        Target = target;
        Code = code;
        Name = name;
    }

    /// <summary>The function's signature.</summary>
    public FunctionType Type { get; }

    /// <summary>The function's name (export or debug name), when known.</summary>
    public string? Name { get; internal set; }

    internal Store Store { get; }

    /// <summary>Engine-wide id of <see cref="Type"/>; equal ids mean structurally equal types.</summary>
    internal int TypeId { get; }

    /// <summary>Passed as the trailing argument when calling <see cref="Code"/>.</summary>
    internal object Target { get; }

    /// <summary>Native entry point with the function's signature plus a trailing object argument.</summary>
    internal nint Code { get; }

    /// <summary>Set for host functions; compiled callers bind it to the importing instance.</summary>
    internal HostFunction? Host { get; }

    /// <summary>Calls the function on the current thread, enforcing the store's limits.</summary>
    public Value[] Invoke(params Value[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        CheckArguments(args);
        var results = new Value[Type.Results.Count];
        var execution = Store.Execution;
        var depth = execution.Enter();
        try
        {
            if (Host is not null)
            {
                Host.Invoke(args, results);
            }
            else
            {
                Store.Engine.Adapters.EntryInvoker(Type)(Code, Target, args, results);
            }
        }
        catch (TrapException trap) when (trap.FunctionName is null)
        {
            trap.FunctionName = TrapLocation.FunctionName(trap, Store.Engine);
            throw;
        }
        catch (InsufficientExecutionStackException)
        {
            throw new TrapException(TrapKind.CallStackExhausted);
        }
        finally
        {
            execution.Leave(depth);
        }

        return results;
    }

    private void CheckArguments(Value[] args)
    {
        var parameters = Type.Parameters;
        var ok = args.Length == parameters.Count;
        for (var i = 0; ok && i < args.Length; i++)
        {
            ok = args[i].Kind == parameters[i];
        }

        if (!ok)
        {
            var given = string.Join(", ", args.Select(a => FunctionType.KindName(a.Kind)));
            throw new ArgumentException($"Function '{Name ?? "(anonymous)"}' has signature {Type}; it was called with ({given}).", nameof(args));
        }
    }
}
