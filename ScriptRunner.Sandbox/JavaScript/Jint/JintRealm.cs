using Jint;
using Jint.Native;
using Jint.Native.Promise;

namespace ScriptRunner.Sandbox.JavaScript.Jint;

/// <summary>The event-loop view of one Jint engine running the prelude runtime; it also tracks unhandled rejections.</summary>
internal sealed class JintRealm : IJavaScriptRealm
{
    private readonly Engine _engine;
    private readonly JintRuntime _runtime;
    private readonly List<(JsValue Promise, JsValue Reason)> _unhandled = [];

    /// <summary>Starts tracking rejections on <paramref name="engine"/>; the runtime is made only if one must be reported or a timer ticked.</summary>
    public JintRealm(Engine engine, JintRuntime runtime)
    {
        _engine = engine;
        _runtime = runtime;
        engine.Advanced.PromiseRejectionTracker += OnRejection;
    }

    /// <inheritdoc />
    public void RunMicrotasks() => _engine.Advanced.ProcessTasks();

    /// <inheritdoc />
    public void ReportUnhandledRejections()
    {
        if (_unhandled.Count == 0) return;
        var reasons = _unhandled.Select(u => u.Reason).ToArray();
        _unhandled.Clear();
        foreach (var reason in reasons) _runtime.Call("reportUnhandled", reason);
    }

    /// <inheritdoc />
    public double Tick(double now) => _runtime.Call("tick", now).AsNumber();

    private void OnRejection(object? sender, PromiseRejectionTrackerEventArgs e)
    {
        if (e.Operation == PromiseRejectionOperation.Reject) _unhandled.Add((e.Promise, e.Value ?? JsValue.Undefined));
        else _unhandled.RemoveAll(u => ReferenceEquals(u.Promise, e.Promise));
    }
}
