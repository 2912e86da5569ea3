using Microsoft.ClearScript;
using Microsoft.ClearScript.V8;

namespace ScriptRunner.Sandbox.JavaScript.V8;

/// <summary>The event-loop view of one V8 context running the prelude runtime; it also tracks unhandled rejections.</summary>
internal sealed class V8Realm : IJavaScriptRealm, IDisposable
{
    private const int EventsPerCall = 1000;
    private readonly List<(V8PromiseRejectionEventKind Kind, object Promise, object? Reason)> _events = [];
    private readonly List<IDisposable> _received = [];
    private readonly ScriptObject _runtime;
    private readonly ScriptObject _context;
    private readonly ScriptObject _rejections;

    /// <summary>
    /// Binds <paramref name="runtime"/> (the object the prelude returned) on <paramref name="engine"/>;
    /// <paramref name="context"/> is what the setup returned, whose <c>checkpoint</c> is an empty function, and
    /// <paramref name="rejections"/> the context's rejection tracker (see <see cref="V8Scripts.Setup"/>).
    /// </summary>
    public V8Realm(V8ScriptEngine engine, ScriptObject runtime, ScriptObject context, ScriptObject rejections)
    {
        _rejections = rejections;
        _runtime = runtime;
        // V8 runs queued promise jobs whenever a call from the host returns; an empty call is a microtask checkpoint.
        _context = context;
        engine.PromiseRejectionCallback = OnRejection;
    }

    /// <summary>Releases the host's handles into the context (see <see cref="V8Execution"/>).</summary>
    public void Dispose()
    {
        foreach (var received in _received) received.Dispose();
        _received.Clear();
        _events.Clear();
    }

    /// <inheritdoc />
    public void RunMicrotasks() => _context.InvokeMethod("checkpoint");

    /// <inheritdoc />
    public void ReportUnhandledRejections()
    {
        if (_events.Count == 0) return;
        var events = _events.ToArray();
        _events.Clear();
        // Matched by the context, between script calls: identity needs script, which V8's callback must not run, and a
        // Map keyed by promise matches any number of them in one pass.
        foreach (var chunk in events.Chunk(EventsPerCall))
        {
            var args = chunk.SelectMany(e => new[] { e.Kind == V8PromiseRejectionEventKind.RejectedWithoutHandler ? 1 : 0, e.Promise, e.Reason ?? Undefined.Value }).ToArray();
            _rejections.InvokeMethod("record", args);
        }

        _rejections.InvokeMethod("report");
    }

    /// <inheritdoc />
    public double Tick(double now) => Convert.ToDouble(_runtime.InvokeMethod("tick", now), System.Globalization.CultureInfo.InvariantCulture);

    private void OnRejection(V8PromiseRejectionEventKind kind, object promise, object value)
    {
        // V8 calls this from inside script execution, where an escaping exception ends the process: it only records.
        if (promise is IDisposable receivedPromise) _received.Add(receivedPromise);
        if (value is IDisposable receivedValue) _received.Add(receivedValue);
        if (kind is V8PromiseRejectionEventKind.RejectedWithoutHandler or V8PromiseRejectionEventKind.HandlerAddedAfterRejection)
        {
            _events.Add((kind, promise, value));
        }
    }
}
