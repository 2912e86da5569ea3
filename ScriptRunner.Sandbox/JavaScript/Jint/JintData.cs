using System.Text.Json.Nodes;
using Jint;
using Jint.Native;
using Jint.Native.Object;
using Jint.Native.Symbol;
using Jint.Runtime;
using Jint.Runtime.Descriptors;

namespace ScriptRunner.Sandbox.JavaScript.Jint;

/// <summary>
/// A value written as JSON in .NET when it is plain data that the runtime's <c>toResultJson</c> (Result.js) would write
/// the same way: ordinary objects and arrays of data properties down to <c>Object.prototype</c>, none with a
/// <c>toJSON</c> or a <c>Symbol.toStringTag</c>, holding strings, finite or non-finite numbers, booleans, null,
/// undefined and functions, no deeper than the runtime allows and without a cycle. Reading such a value runs no
/// script, so giving up part-way is always safe: the runtime then writes it, and says what it cannot.
/// </summary>
internal static class JintData
{
    /// <summary>The runtime's limit on nesting (MAX_RESULT_DEPTH in Result.js).</summary>
    private const int MaxDepth = 512;

    /// <summary>Whether <paramref name="value"/> is an object whose answer this class can write (a thenable is not).</summary>
    public static bool IsPlain(Engine engine, JsValue value) =>
        value is ObjectInstance target && Ordinary(engine, target) && !target.HasProperty("then");

    /// <summary><paramref name="value"/> as JSON, or false when the runtime must write it.</summary>
    public static bool TryWrite(Engine engine, JsValue value, out JsonNode? json)
    {
        var ancestors = new List<ObjectInstance>();
        return TryWrite(engine, value, ancestors, out json);
    }

    private static bool TryWrite(Engine engine, JsValue value, List<ObjectInstance> ancestors, out JsonNode? json)
    {
        json = null;
        switch (value.Type)
        {
            case Types.Null:
                return true;
            case Types.Boolean:
                json = JsonValue.Create(value.AsBoolean());
                return true;
            case Types.Number:
                json = JavaScriptCompletion.Number(value.AsNumber());
                return true;
            case Types.String:
                return JavaScriptCompletion.TryString(value.AsString(), out json);
        }

        if (value is not ObjectInstance target || value.IsCallable() || !Ordinary(engine, target)) return false;
        if (target.HasProperty("toJSON") || target.HasProperty(GlobalSymbolRegistry.ToStringTag)) return false;
        if (ancestors.Count >= MaxDepth || ancestors.Contains(target)) return false;
        ancestors.Add(target);
        var written = target is JsArray array ? TryWriteArray(engine, array, ancestors, out json) : TryWriteObject(engine, target, ancestors, out json);
        ancestors.RemoveAt(ancestors.Count - 1);
        return written;
    }

    private static bool TryWriteArray(Engine engine, JsArray array, List<ObjectInstance> ancestors, out JsonNode? json)
    {
        json = null;
        var items = new JsonArray();
        for (uint i = 0; i < array.Length; i++)
        {
            if (Data(array, i) is not { } item) return false;
            JsonNode? written = null;
            if (!item.IsUndefined() && !item.IsCallable() && !item.IsSymbol() && !TryWrite(engine, item, ancestors, out written)) return false;
            items.Add(written);
        }

        json = items;
        return true;
    }

    private static bool TryWriteObject(Engine engine, ObjectInstance target, List<ObjectInstance> ancestors, out JsonNode? json)
    {
        json = null;
        var members = new List<KeyValuePair<string, JsonNode?>>();
        foreach (var key in target.GetOwnPropertyKeys(Types.String))
        {
            var property = target.GetOwnProperty(key);
            if (!property.Enumerable) continue;
            if (!property.IsDataDescriptor()) return false;
            var item = property.Value;
            if (item.IsUndefined() || item.IsCallable() || item.IsSymbol()) continue;
            if (!JavaScriptCompletion.TryString(key.AsString(), out _) || !TryWrite(engine, item, ancestors, out var written)) return false;
            members.Add(new(key.AsString(), written));
        }

        json = new JsonObject(members);
        return true;
    }

    // An object made by a literal, an array literal or `new` on a script's class, down a prototype chain of such objects
    // and the intrinsic prototypes to Object.prototype: no proxy, no exotic object whose reads could run script.
    private static bool Ordinary(Engine engine, ObjectInstance start)
    {
        if (start is not JsObject and not JsArray) return false;
        for (var holder = start.Prototype; holder is not null; holder = holder.Prototype)
        {
            if (holder is not JsObject && holder != engine.Intrinsics.Object.PrototypeObject && holder != engine.Intrinsics.Array.PrototypeObject) return false;
        }

        return true;
    }

    /// <summary>
    /// A property as script reads it (<c>target[key]</c>) from a plain object (<see cref="IsPlain"/>): a data property of
    /// the object or along its chain, undefined when absent, null when an accessor would run script.
    /// </summary>
    public static JsValue? Data(ObjectInstance target, JsValue key)
    {
        for (var holder = target; holder is not null; holder = holder.Prototype)
        {
            var property = holder.GetOwnProperty(key);
            if (property == PropertyDescriptor.Undefined) continue;
            return property.IsDataDescriptor() ? property.Value : null;
        }

        return JsValue.Undefined;
    }
}
