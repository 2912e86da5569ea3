using Jint;
using Jint.Native;
using Jint.Native.Function;
using Jint.Native.Object;
using Jint.Runtime;

namespace ScriptRunner.Sandbox.JavaScript;

/// <summary>
/// The sandbox's <c>Function.prototype.bind</c> result. Binding a bound function binds the original target again,
/// so a chain of a million binds calls through one level instead of a million nested .NET frames; it also keeps
/// every bound argument (Jint 2.10's own version drops duplicate arguments).
/// </summary>
internal sealed class BoundFunction : FunctionInstance, IConstructor
{
    private readonly FunctionInstance _target;
    private readonly JsValue _boundThis;
    private readonly JsValue[] _boundArgs;

    private BoundFunction(Engine engine, FunctionInstance target, JsValue boundThis, JsValue[] boundArgs)
        : base(engine, [], null, strict: false)
    {
        _target = target;
        _boundThis = boundThis;
        _boundArgs = boundArgs;
        Prototype = engine.Function.PrototypeObject;
        Extensible = true;
        var targetLength = TypeConverter.ToNumber(target.Get("length"));
        FastAddProperty("length", Math.Max(0, targetLength - boundArgs.Length), writable: false, enumerable: false, configurable: false);
    }

    /// <summary>The <c>bind</c> built-in: <c>fn.bind(thisArg, ...args)</c>.</summary>
    public static JsValue Bind(Engine engine, JsValue thisObject, JsValue[] arguments)
    {
        if (thisObject.TryCast<FunctionInstance>() is not { } target)
            throw new JavaScriptException(engine.TypeError, "Function.prototype.bind called on a value that is not a function");

        var boundThis = arguments.Length > 0 ? arguments[0] : Undefined.Instance;
        var boundArgs = arguments.Length > 1 ? arguments[1..] : [];
        if (target is BoundFunction inner)
            return new BoundFunction(engine, inner._target, inner._boundThis, [.. inner._boundArgs, .. boundArgs]);
        return new BoundFunction(engine, target, boundThis, boundArgs);
    }

    public override JsValue Call(JsValue thisObject, JsValue[] arguments) => _target.Call(_boundThis, [.. _boundArgs, .. arguments]);

    public ObjectInstance Construct(JsValue[] arguments) =>
        _target is IConstructor constructor
            ? constructor.Construct([.. _boundArgs, .. arguments])
            : throw new JavaScriptException(Engine.TypeError, "bound function is not a constructor");

    public override bool HasInstance(JsValue v) => _target.HasInstance(v);
}
