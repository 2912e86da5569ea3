using System.Globalization;
using System.Text;
using System.Text.Json;
using Jint;
using Jint.Native;
using Jint.Native.Array;
using Jint.Native.Boolean;
using Jint.Native.Object;
using Jint.Runtime;
using Jint.Runtime.Descriptors;

namespace ScriptRunner.Core.JavaScript;

/// <summary>
/// The sandbox's JSON: <c>JSON.stringify</c>/<c>JSON.parse</c> for scripts (ES5.1 semantics) and the conversions
/// between host JSON and script values. Jint 2.10's own versions recurse without bound (a deeply nested value
/// overflows the .NET stack, which ends the process), so these cap the depth and check the run's limits as they go.
/// </summary>
internal sealed class JsonCodec
{
    private readonly Engine _engine;
    private readonly BuiltinHardening _hardening;
    private readonly ExecutionGuard _guard;

    public JsonCodec(Engine engine, BuiltinHardening hardening, ExecutionGuard guard)
    {
        _engine = engine;
        _hardening = hardening;
        _guard = guard;
    }

    /// <summary>Deepest nesting accepted by parse and produced by stringify.</summary>
    public const int MaxDepth = 512;

    private enum Failure
    {
        Script,
        Result,
    }

    /// <summary>Replaces the engine's <c>JSON.parse</c> and <c>JSON.stringify</c>.</summary>
    public void Install()
    {
        _engine.Json.FastSetProperty("parse", new PropertyDescriptor(_hardening.Guarded(Parse, 2), writable: true, enumerable: false, configurable: true));
        _engine.Json.FastSetProperty("stringify", new PropertyDescriptor(_hardening.Guarded(Stringify, 3), writable: true, enumerable: false, configurable: true));
    }

    /// <summary>Serializes a value like <c>JSON.stringify(value)</c>; null where that would be undefined.</summary>
    public string? Serialize(JsValue value) => new Writer(this, Failure.Script, null, null, "").Write(value);

    /// <summary>Serializes the script's result; a function, a cycle or excessive depth is a <see cref="ResultConversionException"/>.</summary>
    public string? SerializeResult(JsValue value)
    {
        if (value.IsObject() && value.AsObject() is ICallable)
            throw new ResultConversionException("result is not JSON-serializable: function");
        return new Writer(this, Failure.Result, null, null, "").Write(value);
    }

    /// <summary>Parses JSON text into script values.</summary>
    public JsValue ParseText(string text)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(text, new JsonDocumentOptions { MaxDepth = MaxDepth });
        }
        catch (JsonException e)
        {
            throw new JavaScriptException(_engine.SyntaxError,
                $"Unexpected token in JSON at line {(e.LineNumber ?? 0) + 1}, position {(e.BytePositionInLine ?? 0) + 1}");
        }

        using (document) return FromJson(document.RootElement);
    }

    /// <summary>Converts host JSON (a request object) into script values.</summary>
    public JsValue FromJson(JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                var obj = _engine.Object.Construct(Arguments.Empty);
                foreach (var property in element.EnumerateObject())
                    obj.DefineOwnProperty(property.Name, new PropertyDescriptor(FromJson(property.Value), true, true, true), false);
                return obj;
            case JsonValueKind.Array:
                var array = _engine.Array.Construct(Arguments.Empty);
                var index = 0;
                foreach (var item in element.EnumerateArray())
                    array.DefineOwnProperty((index++).ToString(CultureInfo.InvariantCulture), new PropertyDescriptor(FromJson(item), true, true, true), false);
                return array;
            case JsonValueKind.String:
                return StringOf(element);
            case JsonValueKind.Number:
                return element.TryGetDouble(out var number) ? number : double.Parse(element.GetRawText(), CultureInfo.InvariantCulture);
            case JsonValueKind.True:
                return JsValue.True;
            case JsonValueKind.False:
                return JsValue.False;
            default:
                return JsValue.Null;
        }
    }

    private static string StringOf(JsonElement element)
    {
        try
        {
            return element.GetString() ?? "";
        }
        catch (InvalidOperationException)
        {
            // A lone surrogate escape ("\ud800") is valid JSON and a valid JS string, but not valid UTF-16 for .NET's
            // decoder; unescape it by hand.
            return Unescape(element.GetRawText());
        }
    }

    private static string Unescape(string quoted)
    {
        var text = new StringBuilder(quoted.Length);
        for (var i = 1; i < quoted.Length - 1; i++)
        {
            var c = quoted[i];
            if (c != '\\')
            {
                text.Append(c);
                continue;
            }

            var e = quoted[++i];
            text.Append(e switch
            {
                'b' => '\b',
                'f' => '\f',
                'n' => '\n',
                'r' => '\r',
                't' => '\t',
                'u' => (char)int.Parse(quoted.AsSpan(i + 1, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture),
                _ => e,
            });
            if (e == 'u') i += 4;
        }

        return text.ToString();
    }

    private JsValue Parse(JsValue thisObject, JsValue[] arguments)
    {
        var text = TypeConverter.ToString(arguments.Length > 0 ? arguments[0] : Undefined.Instance);
        var result = ParseText(text);
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
            var keys = obj is ArrayInstance
                ? Enumerable.Range(0, (int)TypeConverter.ToUint32(obj.Get("length"))).Select(i => i.ToString(CultureInfo.InvariantCulture)).ToList()
                : obj.GetOwnProperties().Where(p => p.Value.Enumerable == true).Select(p => p.Key).ToList();
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

        var json = new Writer(this, Failure.Script, replacerFunction, propertyList, gap).Write(value);
        return json is null ? Undefined.Instance : json;
    }

    private sealed class Writer(JsonCodec codec, Failure failure, ICallable? replacer, List<string>? propertyList, string gap)
    {
        private readonly StringBuilder _text = new();
        private readonly Stack<ObjectInstance> _stack = new();
        private string _indent = "";

        public string? Write(JsValue value)
        {
            var wrapper = codec._engine.Object.Construct(Arguments.Empty);
            wrapper.DefineOwnProperty("", new PropertyDescriptor(value, true, true, true), false);
            return WriteProperty("", wrapper) ? _text.ToString() : null;
        }

        // Appends the serialization of holder[key]; false when it is undefined (the caller omits it).
        private bool WriteProperty(string key, ObjectInstance holder)
        {
            var value = holder.Get(key);
            if (value.IsObject() && value.AsObject().Get("toJSON").TryCast<ICallable>() is { } toJson)
                value = toJson.Call(value, [key]);
            if (replacer is not null) value = replacer.Call(holder, [key, value]);

            if (value.IsObject())
            {
                var obj = value.AsObject();
                value = obj.Class switch
                {
                    "Number" => TypeConverter.ToNumber(value),
                    "String" => TypeConverter.ToString(value),
                    "Boolean" => ((BooleanInstance)obj).PrimitiveValue,
                    _ => value,
                };
            }

            if (value.IsNull()) _text.Append("null");
            else if (value.IsBoolean()) _text.Append(value.AsBoolean() ? "true" : "false");
            else if (value.IsString()) Quote(value.AsString());
            else if (value.IsNumber())
            {
                var number = value.AsNumber();
                _text.Append(double.IsFinite(number) ? TypeConverter.ToString(number) : "null");
            }
            else if (value.IsObject() && value.AsObject() is not ICallable)
            {
                var obj = value.AsObject();
                Enter(obj);
                if (obj is ArrayInstance) WriteArray(obj);
                else WriteObject(obj);
                _stack.Pop();
            }
            else return false;

            return true;
        }

        private void Enter(ObjectInstance obj)
        {
            codec._hardening.Enter();
            if (_text.Length * 2L > codec._guard.MemoryHeadroom) throw codec._guard.MemoryError();
            if (_stack.Contains(obj))
            {
                throw failure == Failure.Result
                    ? new ResultConversionException("result contains a cycle")
                    : new JavaScriptException(codec._engine.TypeError, "Converting circular structure to JSON");
            }

            if (_stack.Count >= MaxDepth)
            {
                throw failure == Failure.Result
                    ? new ResultConversionException($"result nests deeper than {MaxDepth} levels")
                    : codec._hardening.StackOverflow();
            }

            _stack.Push(obj);
        }

        private void WriteObject(ObjectInstance obj)
        {
            var stepback = _indent;
            _indent += gap;
            var keys = propertyList ?? obj.GetOwnProperties().Where(p => p.Value.Enumerable == true).Select(p => p.Key).ToList();
            _text.Append('{');
            var any = false;
            foreach (var key in keys)
            {
                var mark = _text.Length;
                if (any) _text.Append(',');
                if (gap.Length > 0) _text.Append('\n').Append(_indent);
                Quote(key);
                _text.Append(gap.Length > 0 ? ": " : ":");
                if (WriteProperty(key, obj)) any = true;
                else _text.Length = mark;
            }

            if (any && gap.Length > 0) _text.Append('\n').Append(stepback);
            _text.Append('}');
            _indent = stepback;
        }

        private void WriteArray(ObjectInstance array)
        {
            var stepback = _indent;
            _indent += gap;
            var length = TypeConverter.ToUint32(array.Get("length"));
            if (length > BuiltinHardening.MaxNativeArrayLength)
                throw new JavaScriptException(codec._engine.RangeError, $"JSON.stringify: array length {length} is over the sandbox limit");
            _text.Append('[');
            for (uint i = 0; i < length; i++)
            {
                if (i > 0) _text.Append(',');
                if (gap.Length > 0) _text.Append('\n').Append(_indent);
                if (!WriteProperty(i.ToString(CultureInfo.InvariantCulture), array)) _text.Append("null");
                if ((i & 1023) == 1023) codec._hardening.Enter();
            }

            if (length > 0 && gap.Length > 0) _text.Append('\n').Append(stepback);
            _text.Append(']');
            _indent = stepback;
        }

        private void Quote(string value)
        {
            _text.Append('"');
            foreach (var c in value)
            {
                switch (c)
                {
                    case '"': _text.Append("\\\""); break;
                    case '\\': _text.Append("\\\\"); break;
                    case '\b': _text.Append("\\b"); break;
                    case '\f': _text.Append("\\f"); break;
                    case '\n': _text.Append("\\n"); break;
                    case '\r': _text.Append("\\r"); break;
                    case '\t': _text.Append("\\t"); break;
                    default:
                        if (c < ' ') _text.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                        else _text.Append(c);
                        break;
                }
            }

            _text.Append('"');
        }
    }
}
