namespace ScriptRunner.Wasm.Execution;

/// <summary>
/// A host callback as seen by compiled code: the per-signature adapter packs the arguments into values, calls
/// <see cref="Invoke"/>, and unpacks the results. Bound copies carry the importing instance for <see cref="Caller"/>.
/// </summary>
internal sealed class HostFunction
{
    private readonly HostCallback _callback;
    private readonly Caller _caller;
    private readonly ValueKind[] _results;

    public HostFunction(Store store, FunctionType type, HostCallback callback, Instance? instance)
    {
        Store = store;
        Type = type;
        _callback = callback;
        _caller = new Caller(store, instance);
        _results = [.. type.Results];
    }

    public Store Store { get; }

    public FunctionType Type { get; }

    /// <summary>A copy whose <see cref="Caller.Instance"/> is the importing instance.</summary>
    public HostFunction Bind(Instance instance) => new(Store, Type, _callback, instance);

    /// <summary>Runs the callback; traps and exits pass through, any other exception becomes a HostError trap.</summary>
    public void Invoke(ReadOnlySpan<Value> args, Span<Value> results)
    {
        for (var i = 0; i < results.Length; i++)
        {
            results[i] = Value.Null(_results[i]);
        }

        try
        {
            _callback(_caller, args, results);
        }
        catch (Exception e) when (e is not (TrapException or ExitException))
        {
            throw new TrapException(TrapKind.HostError, $"host function failed: {e.Message}", e);
        }

        for (var i = 0; i < results.Length; i++)
        {
            if (results[i].Kind != _results[i])
            {
                throw new TrapException(
                    TrapKind.HostError,
                    $"host function returned {FunctionType.KindName(results[i].Kind)} for result {i}, expected {FunctionType.KindName(_results[i])}");
            }
        }
    }

    /// <summary>Entry used by compiled adapters: arguments already packed, results unpacked by the caller.</summary>
    public Value[] Call(Value[] args)
    {
        var results = _results.Length == 0 ? [] : new Value[_results.Length];
        Invoke(args, results);
        return results;
    }
}
