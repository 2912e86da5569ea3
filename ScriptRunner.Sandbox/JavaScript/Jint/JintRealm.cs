using Jint;
using Jint.Native;
using Jint.Native.Promise;

namespace ScriptRunner.Sandbox.JavaScript.Jint;

/// <summary>The event-loop view of one Jint engine running the prelude runtime; it also tracks unhandled rejections.</summary>
internal sealed class JintRealm : IJavaScriptRealm
{
    private readonly Engine _engine;
    private readonly List<(JsValue Promise, JsValue Reason)> _unhandled = [];
    private JsValue _tick = JsValue.Undefined;
    private JsValue _report = JsValue.Undefined;

    /// <summary>Starts tracking rejections on <paramref name="engine"/>; call <see cref="Attach"/> once the runtime exists.</summary>
    public JintRealm(Engine engine)
    {
        _engine = engine;
        engine.Advanced.PromiseRejectionTracker += OnRejection;
    }

    /// <summary>Binds the runtime object the prelude returned.</summary>
    public void Attach(JsValue runtime)
    {
        _tick = runtime.AsObject().Get("tick");
        _report = runtime.AsObject().Get("reportUnhandled");
    }

    /// <inheritdoc />
    public void RunMicrotasks() => _engine.Advanced.ProcessTasks();

    /// <inheritdoc />
    public void ReportUnhandledRejections()
    {
        if (_unhandled.Count == 0) return;
        var reasons = _unhandled.Select(u => u.Reason).ToArray();
        _unhandled.Clear();
        foreach (var reason in reasons) _engine.Invoke(_report, reason);
    }

    /// <inheritdoc />
    public double Tick(double now) => _engine.Invoke(_tick, now).AsNumber();

    private void OnRejection(object? sender, PromiseRejectionTrackerEventArgs e)
    {
        if (e.Operation == PromiseRejectionOperation.Reject) _unhandled.Add((e.Promise, e.Value ?? JsValue.Undefined));
        else _unhandled.RemoveAll(u => ReferenceEquals(u.Promise, e.Promise));
    }
}
