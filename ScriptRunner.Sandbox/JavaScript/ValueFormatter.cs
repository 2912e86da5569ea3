using System.Globalization;
using System.Text;
using Jint.Native;
using Jint.Native.Array;
using Jint.Native.Date;
using Jint.Native.Object;
using Jint.Native.RegExp;
using Jint.Runtime;

namespace ScriptRunner.Sandbox.JavaScript;

/// <summary>
/// Formats <c>console</c> and <c>app_log</c> arguments the way node prints them, in a JSON-ish form: strings raw at
/// the top level, other values as JSON with readable stand-ins for what JSON cannot show (undefined, functions,
/// cycles). Reads data properties only, so formatting never runs script code, and bounds depth, width and length.
/// </summary>
internal static class ValueFormatter
{
    private const int MaxDepth = 4;
    private const int MaxItems = 100;
    private const int MaxChars = 1 << 20;

    /// <summary>Formats console arguments: each formatted, joined by a space.</summary>
    public static string FormatArguments(JsValue[] arguments)
    {
        if (arguments is [{ } only] && only.IsString()) return only.AsString(); // the common case, without a copy
        var text = new StringBuilder();
        for (var i = 0; i < arguments.Length && text.Length < MaxChars; i++)
        {
            if (i > 0) text.Append(' ');
            Format(arguments[i], text);
        }

        return text.ToString();
    }

    /// <summary>Formats one value (strings raw).</summary>
    public static string Format(JsValue value)
    {
        var text = new StringBuilder();
        Format(value, text);
        return text.ToString();
    }

    private static void Format(JsValue value, StringBuilder text)
    {
        if (value.IsString()) text.Append(value.AsString());
        else Inspect(value, text, [], 0);
    }

    private static void Inspect(JsValue value, StringBuilder text, List<ObjectInstance> path, int depth)
    {
        if (text.Length >= MaxChars) return;
        if (value.IsUndefined()) { text.Append("undefined"); return; }
        if (value.IsNull()) { text.Append("null"); return; }
        if (value.IsBoolean()) { text.Append(value.AsBoolean() ? "true" : "false"); return; }
        if (value.IsNumber()) { text.Append(TypeConverter.ToString(value.AsNumber())); return; }
        if (value.IsString()) { Quote(value.AsString(), text); return; }

        var obj = value.AsObject();
        switch (obj)
        {
            case ICallable:
                text.Append("[Function]");
                return;
            case DateInstance date:
                var ms = date.PrimitiveValue;
                text.Append(double.IsFinite(ms)
                    ? DateTimeOffset.FromUnixTimeMilliseconds((long)ms).ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture)
                    : "Invalid Date");
                return;
            case RegExpInstance regex:
                text.Append('/').Append(regex.Source).Append('/').Append(regex.Flags);
                return;
        }

        if (IsError(obj))
        {
            text.Append(ErrorText(obj));
            return;
        }

        if (path.Contains(obj)) { text.Append("[Circular]"); return; }
        if (depth >= MaxDepth) { text.Append(obj is ArrayInstance ? "[Array]" : "[Object]"); return; }

        path.Add(obj);
        if (obj is ArrayInstance) InspectArray(obj, text, path, depth);
        else InspectObject(obj, text, path, depth);
        path.RemoveAt(path.Count - 1);
    }

    private static void InspectArray(ObjectInstance array, StringBuilder text, List<ObjectInstance> path, int depth)
    {
        var length = TypeConverter.ToUint32(DataValue(array, "length"));
        text.Append('[');
        for (uint i = 0; i < length && i < MaxItems; i++)
        {
            if (i > 0) text.Append(',');
            var element = array.GetOwnProperty(i.ToString(CultureInfo.InvariantCulture));
            if (element.IsAccessorDescriptor()) text.Append("\"[Getter]\"");
            else Inspect(element.Value ?? Undefined.Instance, text, path, depth + 1);
        }

        if (length > MaxItems) text.Append(",\"... ").Append(length - MaxItems).Append(" more items\"");
        text.Append(']');
    }

    private static void InspectObject(ObjectInstance obj, StringBuilder text, List<ObjectInstance> path, int depth)
    {
        text.Append('{');
        var count = 0;
        foreach (var (key, descriptor) in obj.GetOwnProperties())
        {
            if (descriptor.Enumerable != true) continue;
            if (count == MaxItems) { text.Append(",\"...\":\"more properties\""); break; }
            if (count++ > 0) text.Append(',');
            Quote(key, text);
            text.Append(':');
            if (descriptor.IsAccessorDescriptor()) text.Append("\"[Getter/Setter]\"");
            else Inspect(descriptor.Value ?? Undefined.Instance, text, path, depth + 1);
        }

        text.Append('}');
    }

    /// <summary>True for Error instances and objects that inherit from an Error (custom error types).</summary>
    public static bool IsError(ObjectInstance obj)
    {
        for (var current = obj; current is not null; current = current.Prototype)
            if (current.Class == "Error") return true;
        return false;
    }

    /// <summary>"Name: message" of an error object, from its data properties only.</summary>
    public static string ErrorText(ObjectInstance error)
    {
        var name = DataValue(error, "name");
        var message = DataValue(error, "message");
        var nameText = name.IsUndefined() ? "Error" : TypeConverter.ToString(name);
        var messageText = message.IsUndefined() ? "" : TypeConverter.ToString(message);
        if (nameText.Length == 0) return messageText;
        return messageText.Length == 0 ? nameText : $"{nameText}: {messageText}";
    }

    // A property's value without calling a getter (inherited data properties included).
    private static JsValue DataValue(ObjectInstance obj, string name)
    {
        var descriptor = obj.GetProperty(name);
        return descriptor.IsDataDescriptor() && descriptor.Value is { } value && !value.IsObject() ? value : Undefined.Instance;
    }

    private static void Quote(string value, StringBuilder text)
    {
        text.Append('"');
        foreach (var c in value)
        {
            if (c is '"' or '\\') text.Append('\\').Append(c);
            else if (c == '\n') text.Append("\\n");
            else if (c < ' ') text.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
            else text.Append(c);
            if (text.Length >= MaxChars) return;
        }

        text.Append('"');
    }
}
