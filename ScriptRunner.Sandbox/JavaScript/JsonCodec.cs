using System.Globalization;
using System.Text.Json;
using Jint;
using Jint.Native;
using Jint.Native.Array;
using Jint.Native.Object;
using Jint.Runtime;
using Jint.Runtime.Descriptors;

namespace ScriptRunner.Sandbox.JavaScript;

/// <summary>
/// The sandbox's JSON: <c>JSON.stringify</c>/<c>JSON.parse</c> for scripts (ES5.1 semantics) and the conversions
/// between host JSON and script values. Jint 2.10's own versions recurse without bound (a deeply nested value
/// overflows the .NET stack, which ends the process), so these cap the depth and check the run's limits as they go.
/// </summary>
internal sealed class JsonCodec
{
    /// <summary>Deepest nesting accepted by parse and produced by stringify.</summary>
    public const int MaxDepth = 512;

    private readonly Engine _engine;
    private readonly BuiltinHardening _hardening;
    private readonly ExecutionGuard _guard;
    private readonly ScriptJsonParser _parser;

    public JsonCodec(Engine engine, BuiltinHardening hardening, ExecutionGuard guard)
    {
        _engine = engine;
        _hardening = hardening;
        _guard = guard;
        _parser = new ScriptJsonParser(engine, hardening);
    }

    /// <summary>Replaces the engine's <c>JSON.parse</c> and <c>JSON.stringify</c>.</summary>
    public void Install()
    {
        _engine.Json.FastSetProperty("parse", new PropertyDescriptor(_hardening.Guarded(Parse, 2), writable: true, enumerable: false, configurable: true));
        _engine.Json.FastSetProperty("stringify", new PropertyDescriptor(_hardening.Guarded(Stringify, 3), writable: true, enumerable: false, configurable: true));
    }

    /// <summary>Serializes a value like <c>JSON.stringify(value)</c>; null where that would be undefined.</summary>
    public string? Serialize(JsValue value) => Writer(JsonFailureMode.Script, null, null, "").Write(value);

    /// <summary>Serializes the script's result; a function, a cycle or excessive depth is a <see cref="ResultConversionException"/>.</summary>
    public string? SerializeResult(JsValue value)
    {
        if (value.IsObject() && value.AsObject() is ICallable)
            throw new ResultConversionException("result is not JSON-serializable: function");
        return Writer(JsonFailureMode.Result, null, null, "").Write(value);
    }

    /// <summary>Parses JSON text into script values.</summary>
    public JsValue ParseText(string text) => _parser.ParseText(text);

    /// <summary>Converts host JSON (a request object) into script values.</summary>
    public JsValue FromJson(JsonElement element) => _parser.FromJson(element);

    private ScriptJsonWriter Writer(JsonFailureMode mode, ICallable? replacer, List<string>? propertyList, string gap) =>
        new(_engine, _hardening, _guard, mode, replacer, propertyList, gap);

    private JsValue Parse(JsValue thisObject, JsValue[] arguments)
    {
        var text = TypeConverter.ToString(arguments.Length > 0 ? arguments[0] : Undefined.Instance);
        var result = _parser.ParseText(text);
        var reviver = arguments.Length > 1 ? arguments[1].TryCast<ICallable>() : null;
        if (reviver is null) return result;
        var root = _engine.Object.Construct(Arguments.Empty);
        root.DefineOwnProperty("", new PropertyDescriptor(result, true, true, true), false);
        return Revive(root, "", reviver, 0);
    }

    private JsValue Revive(ObjectInstance holder, string name, ICallable reviver, int depth)
    {
        if (depth > MaxDepth) throw _hardening.StackOverflow();
        var value = holder.Get(name);
        if (value.IsObject())
        {
            var obj = value.AsObject();
            List<string> keys;
            if (obj is ArrayInstance)
            {
                // A reviver may have changed the length of an array not walked yet.
                var length = TypeConverter.ToUint32(obj.Get("length"));
                if (length > BuiltinHardening.MaxNativeArrayLength)
                    throw new JavaScriptException(_engine.RangeError, $"JSON.parse: array length {length} is over the sandbox limit");
                keys = Enumerable.Range(0, (int)length).Select(i => i.ToString(CultureInfo.InvariantCulture)).ToList();
            }
            else
            {
                keys = obj.GetOwnProperties().Where(p => p.Value.Enumerable == true).Select(p => p.Key).ToList();
            }

            foreach (var key in keys)
            {
                _hardening.Enter();
                var revived = Revive(obj, key, reviver, depth + 1);
                if (revived.IsUndefined()) obj.Delete(key, false);
                else obj.DefineOwnProperty(key, new PropertyDescriptor(revived, true, true, true), false);
            }
        }

        return reviver.Call(holder, [name, value]);
    }

    private JsValue Stringify(JsValue thisObject, JsValue[] arguments)
    {
        var value = arguments.Length > 0 ? arguments[0] : Undefined.Instance;
        var replacer = arguments.Length > 1 ? arguments[1] : Undefined.Instance;
        var space = arguments.Length > 2 ? arguments[2] : Undefined.Instance;

        ICallable? replacerFunction = null;
        List<string>? propertyList = null;
        if (replacer.IsObject())
        {
            var replacerObject = replacer.AsObject();
            if (replacerObject is ICallable callable) replacerFunction = callable;
            else if (replacerObject is ArrayInstance)
            {
                propertyList = [];
                var length = TypeConverter.ToUint32(replacerObject.Get("length"));
                for (uint i = 0; i < length && i < BuiltinHardening.MaxNativeArrayLength; i++)
                {
                    var item = replacerObject.Get(i.ToString(CultureInfo.InvariantCulture));
                    string? key = item.IsString() || item.IsNumber() ? TypeConverter.ToString(item)
                        : item.IsObject() && item.AsObject().Class is "String" or "Number" ? TypeConverter.ToString(item) : null;
                    if (key is not null && !propertyList.Contains(key)) propertyList.Add(key);
                }
            }
        }

        if (space.IsObject() && space.AsObject().Class is "Number") space = TypeConverter.ToNumber(space);
        else if (space.IsObject() && space.AsObject().Class is "String") space = TypeConverter.ToString(space);
        var gap = space.IsNumber() ? new string(' ', (int)Math.Clamp(TypeConverter.ToInteger(space), 0, 10))
            : space.IsString() ? space.AsString()[..Math.Min(10, space.AsString().Length)] : "";

        var json = Writer(JsonFailureMode.Script, replacerFunction, propertyList, gap).Write(value);
        return json is null ? Undefined.Instance : json;
    }
}
