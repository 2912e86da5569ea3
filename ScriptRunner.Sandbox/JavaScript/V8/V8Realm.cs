using Microsoft.ClearScript;
using Microsoft.ClearScript.V8;

namespace ScriptRunner.Sandbox.JavaScript.V8;

/// <summary>The event-loop view of one V8 context running the prelude runtime; it also tracks unhandled rejections.</summary>
internal sealed class V8Realm : IJavaScriptRealm, IDisposable
{
    private readonly List<(object Promise, object? Reason)> _unhandled = [];
    private readonly List<IDisposable> _received = [];
    private readonly ScriptObject _runtime;
    private readonly ScriptObject _drain;

    /// <summary>
    /// Binds <paramref name="runtime"/> (the object the prelude returned) on <paramref name="engine"/>;
    /// <paramref name="checkpoint"/> is an empty function of the context.
    /// </summary>
    public V8Realm(V8ScriptEngine engine, ScriptObject runtime, ScriptObject checkpoint)
    {
        _runtime = runtime;
        // V8 runs queued promise jobs whenever a call from the host returns; an empty call is a microtask checkpoint.
        _drain = checkpoint;
        engine.PromiseRejectionCallback = OnRejection;
    }

    /// <summary>Releases the host's handles into the context (see <see cref="V8Execution"/>).</summary>
    public void Dispose()
    {
        foreach (var received in _received) received.Dispose();
        _received.Clear();
        _unhandled.Clear();
    }

    /// <inheritdoc />
    public void RunMicrotasks() => _drain.Invoke(false);

    /// <inheritdoc />
    public void ReportUnhandledRejections()
    {
        if (_unhandled.Count == 0) return;
        var reasons = _unhandled.Select(u => u.Reason).ToArray();
        _unhandled.Clear();
        foreach (var reason in reasons) _runtime.InvokeMethod("reportUnhandled", reason ?? Undefined.Value);
    }

    /// <inheritdoc />
    public double Tick(double now) => Convert.ToDouble(_runtime.InvokeMethod("tick", now), System.Globalization.CultureInfo.InvariantCulture);

    private void OnRejection(V8PromiseRejectionEventKind kind, object promise, object value)
    {
        // V8 calls this from inside script execution, where an escaping exception ends the process; comparing two
        // promises runs script, which can itself fail (at the stack limit, or once interrupted). Reference equality
        // of the host's handles needs no script.
        if (promise is IDisposable receivedPromise) _received.Add(receivedPromise);
        if (value is IDisposable receivedValue) _received.Add(receivedValue);
        try
        {
            if (kind == V8PromiseRejectionEventKind.RejectedWithoutHandler) _unhandled.Add((promise, value));
            else if (kind == V8PromiseRejectionEventKind.HandlerAddedAfterRejection) _unhandled.RemoveAll(u => SamePromise(u.Promise, promise));
        }
        catch (Exception e) when (e is ScriptEngineException or ScriptInterruptedException or InvalidOperationException)
        {
            // The rejection is then reported as unhandled, the safe side.
        }
    }

    private static bool SamePromise(object left, object right)
    {
        if (ReferenceEquals(left, right)) return true;
        try
        {
            return left.Equals(right);
        }
        catch (Exception e) when (e is ScriptEngineException or ScriptInterruptedException)
        {
            return false;
        }
    }
}
