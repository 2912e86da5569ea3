using Jint;
using Jint.Native;
using Jint.Native.Object;
using Jint.Native.Symbol;
using Jint.Runtime.Descriptors;
using Jint.Runtime.Interop;
using ScriptRunner.Core.Execution;

namespace ScriptRunner.Sandbox.JavaScript.Jint;

/// <summary>
/// One execution's prelude runtime on Jint, made the first time something needs it: a prelude global read, a string
/// iterated, a result the host cannot take as it is, an error to describe. Until then the execution has paid for the
/// globals' descriptors only. It lives in the engine's <c>HostDefined</c> slot, so the globals' factories are static.
/// </summary>
internal sealed class JintRuntime
{
    private const PropertyFlag GlobalFlags = PropertyFlag.Configurable | PropertyFlag.Writable;
    private static readonly int JsonParseIndex = IntrinsicIndex("jsonParse");
    private static readonly int ObjectCreateIndex = IntrinsicIndex("objectCreate");

    private readonly Engine _engine;
    private readonly JintPrelude _prelude;
    private readonly JavaScriptHostFunctions _host;
    private readonly SandboxInvocation _invocation;
    private readonly PreparedJavaScript _code;
    private JsValue[] _arguments = [];
    private ObjectInstance? _runtime;
    private JsValue _globalValue = JsValue.Undefined;
    private ObjectInstance? _env;
    private JsObject? _module;
    private JsObject? _exports;

    private JintRuntime(Engine engine, JintPrelude prelude, JavaScriptHostFunctions host, SandboxInvocation invocation, PreparedJavaScript code)
    {
        _engine = engine;
        _prelude = prelude;
        _host = host;
        _invocation = invocation;
        _code = code;
    }

    /// <summary>
    /// Prepares <paramref name="engine"/> for the code: the prelude's globals as lazy globals, a classic script's
    /// <c>module</c> and <c>exports</c>, the code-point string iterator, and the intrinsics taken as they are now.
    /// Only the globals the code names are installed when it has no other way to the global object; when it has (or
    /// <paramref name="allGlobals"/>, as when strings compile to code that may name anything), every one.
    /// </summary>
    public static JintRuntime Install(Engine engine, JintPrelude prelude, JavaScriptHostFunctions host, SandboxInvocation invocation, PreparedJavaScript code, bool allGlobals)
    {
        var runtime = new JintRuntime(engine, prelude, host, invocation, code);
        engine.Advanced.HostDefined = runtime;
        foreach (var name in allGlobals ? JavaScriptPrelude.GlobalNames : code.NamedGlobals ?? JavaScriptPrelude.GlobalNames)
        {
            engine.Advanced.AddLazyGlobal(name, name, static (e, n) => Of(e).GlobalValue(n), GlobalFlags);
        }

        if (code.Form == JavaScriptCodeForm.Script)
        {
            // As an assignment to the global would make them: enumerable.
            engine.Advanced.AddLazyGlobal("module", 0, static (e, _) => Of(e).Module(), PropertyFlag.ConfigurableEnumerableWritable);
            engine.Advanced.AddLazyGlobal("exports", 0, static (e, _) => Of(e).Exports(), PropertyFlag.ConfigurableEnumerableWritable);
        }

        // Jint's own string iterator steps through text elements, not code points (see Prelude/StringIterator.js).
        var stringPrototype = engine.Global.Get("String").AsObject().Get("prototype").AsObject();
        var native = stringPrototype.Get(GlobalSymbolRegistry.Iterator);
        var iterator = new ClrFunction(engine, "[Symbol.iterator]", (thisObject, _) => runtime.CallOn(thisObject, "stringIterator", native));
        stringPrototype.DefineOwnProperty(GlobalSymbolRegistry.Iterator, new PropertyDescriptor(iterator, PropertyFlag.Configurable | PropertyFlag.Writable));
        runtime._arguments = JintIntrinsics.Take(engine, leading: 2);
        return runtime;
    }

    /// <summary>JSON.parse as it was before the script ran.</summary>
    public JsValue JsonParse => Intrinsic(JsonParseIndex);

    private JsValue Intrinsic(int index) => _arguments[2 + index];

    /// <summary>
    /// Whether the script has touched its <c>module</c> or <c>exports</c> (any read or write makes them). Untouched,
    /// nothing the script made can be its export, so no handler can take its completion value.
    /// </summary>
    public bool ModuleTouched => _module is not null;

    /// <summary>Whether the runtime has been made.</summary>
    public bool Made => _runtime is not null;

    /// <summary>The runtime object, made now if it was not yet.</summary>
    public ObjectInstance Object => _runtime ??= Make();

    /// <summary>Calls the runtime's function <paramref name="name"/>.</summary>
    public JsValue Call(string name, params JsValue[] arguments) => _engine.Invoke(Object.Get(name), arguments);

    /// <summary>Calls the runtime's function <paramref name="name"/> with <paramref name="thisObject"/> as <c>this</c>.</summary>
    private JsValue CallOn(JsValue thisObject, string name, JsValue argument) => _engine.Call(Object.Get(name), thisObject, [argument]);

    private static int IntrinsicIndex(string name) => JavaScriptPrelude.Intrinsics.Select(i => i.Name).ToList().IndexOf(name);

    private static JintRuntime Of(Engine engine) => (JintRuntime)engine.Advanced.HostDefined!;

    private ObjectInstance Make()
    {
        _arguments[0] = JintHostObject.Create(_engine, _host, Env);
        _arguments[1] = JavaScriptInput.Json(_invocation, _code);
        var made = _engine.Invoke(_engine.Evaluate(_prelude.Runtime), _arguments).AsObject();
        _globalValue = made.Get("globalValue");
        return made;
    }

    private JsValue GlobalValue(string name)
    {
        if (name == "self") return _engine.Global;
        if (name == "env") return Env();
        _ = Object;
        return _engine.Invoke(_globalValue, name);
    }

    /// <summary>
    /// The handler's env and the global <c>env</c>: a frozen object without a prototype holding the execution's
    /// environment variables, as <c>Object.freeze(Object.assign(Object.create(null), vars))</c> makes it.
    /// </summary>
    public ObjectInstance Env()
    {
        if (_env is null)
        {
            _env = _engine.Invoke(Intrinsic(ObjectCreateIndex), JsValue.Null).AsObject();
            foreach (var (name, value) in _invocation.Job.EnvVars) _env.DefineOwnProperty(name, new PropertyDescriptor(value, PropertyFlag.Enumerable));
            _env.PreventExtensions();
        }

        return _env;
    }

    private JsObject Module()
    {
        if (_module is null)
        {
            _exports = new JsObject(_engine);
            _module = new JsObject(_engine);
            _module.Set("exports", _exports);
        }

        return _module;
    }

    private JsObject Exports()
    {
        Module();
        return _exports!;
    }
}
