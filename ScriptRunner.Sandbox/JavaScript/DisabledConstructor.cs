using Jint;
using Jint.Native;
using Jint.Native.Function;
using Jint.Native.Object;
using Jint.Runtime;

namespace ScriptRunner.Sandbox.JavaScript;

/// <summary>
/// Stands in for the <c>Function</c> constructor: calling it or constructing with it throws an <c>EvalError</c>, while
/// <c>Function.prototype</c> and <c>f instanceof Function</c> keep working.
/// </summary>
internal sealed class DisabledConstructor : FunctionInstance, IConstructor
{
    private readonly string _message;

    public DisabledConstructor(Engine engine, string message, ObjectInstance prototype)
        : base(engine, [], null, strict: false)
    {
        _message = message;
        Prototype = engine.Function.PrototypeObject;
        Extensible = true;
        FastAddProperty("length", 1, writable: false, enumerable: false, configurable: false);
        FastAddProperty("prototype", prototype, writable: false, enumerable: false, configurable: false);
    }

    public override JsValue Call(JsValue thisObject, JsValue[] arguments) => throw new JavaScriptException(Engine.EvalError, _message);

    public ObjectInstance Construct(JsValue[] arguments) => throw new JavaScriptException(Engine.EvalError, _message);
}
