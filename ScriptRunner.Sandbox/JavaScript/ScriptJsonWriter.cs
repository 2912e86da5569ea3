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

namespace ScriptRunner.Sandbox.JavaScript;

/// <summary>How a serialization failure is reported: to the script as a JS error, or as a result conversion error.</summary>
internal enum JsonFailureMode
{
    Script,
    Result,
}

/// <summary>ES5.1 <c>JSON.stringify</c> serialization with a depth cap, cycle detection and the run's limits.</summary>
internal sealed class ScriptJsonWriter(Engine engine, BuiltinHardening hardening, ExecutionGuard guard, JsonFailureMode failure, ICallable? replacer, List<string>? propertyList, string gap)
{
    private readonly StringBuilder _text = new();
    private readonly Stack<ObjectInstance> _stack = new();
    private string _indent = "";

    public string? Write(JsValue value)
    {
        var wrapper = engine.Object.Construct(Arguments.Empty);
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
        hardening.Enter();
        if (_text.Length * 2L > guard.MemoryHeadroom) guard.EnsureRoomFor(_text.Length * 2L);
        if (_stack.Contains(obj))
        {
            throw failure == JsonFailureMode.Result
                ? new ResultConversionException("result contains a cycle")
                : new JavaScriptException(engine.TypeError, "Converting circular structure to JSON");
        }

        if (_stack.Count >= JsonCodec.MaxDepth)
        {
            throw failure == JsonFailureMode.Result
                ? new ResultConversionException($"result nests deeper than {JsonCodec.MaxDepth} levels")
                : hardening.StackOverflow();
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
            throw new JavaScriptException(engine.RangeError, $"JSON.stringify: array length {length} is over the sandbox limit");
        _text.Append('[');
        for (uint i = 0; i < length; i++)
        {
            if (i > 0) _text.Append(',');
            if (gap.Length > 0) _text.Append('\n').Append(_indent);
            if (!WriteProperty(i.ToString(CultureInfo.InvariantCulture), array)) _text.Append("null");
            if ((i & 1023) == 1023) hardening.Enter();
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
