using Jint;
using Jint.Native;
using Jint.Native.Object;
using Jint.Runtime;
using Jint.Runtime.Descriptors;
using ScriptRunner.Core.Hosting;

namespace ScriptRunner.Sandbox.JavaScript;

/// <summary>
/// Puts the host bindings on the script's global object: <c>console</c>, <c>env</c>, <c>app_log</c>,
/// <c>get_unixtime</c>, <c>globalThis</c>, <c>module</c>/<c>exports</c>. Every function is a guarded host function,
/// so a script that logs in a tight loop still meets its deadline, and nothing is written once the run is over.
/// </summary>
internal sealed class HostGlobals(Engine engine, BuiltinHardening hardening, HostBindings host)
{
    /// <summary>Defines every global on the engine.</summary>
    public void Install(IReadOnlyDictionary<string, string> envVars)
    {
        var console = engine.Object.Construct(Arguments.Empty);
        AddMethod(console, "log", Stdout);
        AddMethod(console, "info", Stdout);
        AddMethod(console, "debug", Stdout);
        AddMethod(console, "warn", Stderr);
        AddMethod(console, "error", Stderr);
        SetGlobal("console", console);

        var env = engine.Object.Construct(Arguments.Empty);
        foreach (var (name, value) in envVars)
            env.DefineOwnProperty(name, new PropertyDescriptor(value, true, true, true), false);
        engine.Object.Freeze(Undefined.Instance, [env]);
        SetGlobal("env", env);

        SetGlobal("app_log", hardening.Guarded(AppLog, 2));
        SetGlobal("get_unixtime", hardening.Guarded((_, _) => host.UnixTime(), 0));
        SetGlobal("globalThis", engine.Global);

        var module = engine.Object.Construct(Arguments.Empty);
        var exports = engine.Object.Construct(Arguments.Empty);
        module.FastAddProperty("exports", exports, writable: true, enumerable: true, configurable: true);
        SetGlobal("module", module);
        SetGlobal("exports", exports);
    }

    /// <summary>Adds a writable, non-enumerable global, like the built-ins.</summary>
    public void SetGlobal(string name, JsValue value) =>
        engine.Global.FastSetProperty(name, new PropertyDescriptor(value, writable: true, enumerable: false, configurable: true));

    private void AddMethod(ObjectInstance target, string name, Func<JsValue, JsValue[], JsValue> body) =>
        target.FastAddProperty(name, hardening.Guarded(body, 0), writable: true, enumerable: true, configurable: true);

    private JsValue Stdout(JsValue thisObject, JsValue[] arguments)
    {
        host.Output.WriteStdout(ValueFormatter.FormatArguments(arguments));
        host.Output.WriteStdout("\n");
        return Undefined.Instance;
    }

    private JsValue Stderr(JsValue thisObject, JsValue[] arguments)
    {
        host.Output.WriteStderr(ValueFormatter.FormatArguments(arguments));
        host.Output.WriteStderr("\n");
        return Undefined.Instance;
    }

    private JsValue AppLog(JsValue thisObject, JsValue[] arguments)
    {
        var level = arguments.Length > 0 && !arguments[0].IsUndefined() ? TypeConverter.ToString(arguments[0]) : "info";
        var message = arguments.Length > 1 ? ValueFormatter.Format(arguments[1]) : "";
        host.Output.Log(level, message);
        return Undefined.Instance;
    }
}
