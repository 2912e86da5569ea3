using System.Text.Json;
using System.Text.Json.Nodes;
using Jint;
using Jint.Native;
using Jint.Native.Object;
using Jint.Runtime;
using Jint.Runtime.Descriptors;

namespace ScriptRunner.Sandbox.JavaScript;

/// <summary>
/// Handler mode (the edge-function style): finds the named handler after the script ran, calls it with the
/// HTTP-like request, and normalizes what it returns to <c>{statusCode, headers, body}</c>.
/// </summary>
internal sealed class HandlerInvoker(Engine engine, JsonCodec json)
{
    /// <summary>Where a handler is looked for, in order (for the not-found message).</summary>
    public static string SearchOrder(string name) =>
        $"looked for a global function '{name}', module.exports as a function, module.exports.{name}, exports.{name}, module.exports.default";

    /// <summary>Finds the handler and the <c>this</c> to call it with; null when there is none.</summary>
    public (ICallable Function, JsValue This)? Find(string name)
    {
        var global = engine.Global.GetOwnProperty(name);
        if (global.IsDataDescriptor() && AsFunction(global.Value) is { } globalFunction) return (globalFunction, Undefined.Instance);

        var module = engine.Global.Get("module");
        var moduleExports = module.IsObject() ? module.AsObject().Get("exports") : Undefined.Instance;
        if (AsFunction(moduleExports) is { } exported) return (exported, moduleExports);
        if (moduleExports.IsObject() && AsFunction(moduleExports.AsObject().Get(name)) is { } member) return (member, moduleExports);

        var exports = engine.Global.Get("exports");
        if (exports.IsObject() && AsFunction(exports.AsObject().Get(name)) is { } exportsMember) return (exportsMember, exports);

        if (moduleExports.IsObject() && AsFunction(moduleExports.AsObject().Get("default")) is { } fallback) return (fallback, moduleExports);
        return null;
    }

    /// <summary>Builds the request object: the caller's JSON with seed defaults for missing fields.</summary>
    public ObjectInstance BuildRequest(JsonElement? request)
    {
        var obj = request is { ValueKind: JsonValueKind.Object } given
            ? json.FromJson(given).AsObject()
            : engine.Object.Construct(Arguments.Empty);
        Default(obj, "method", "GET");
        Default(obj, "url", "/");
        Default(obj, "headers", engine.Object.Construct(Arguments.Empty));
        Default(obj, "body", "");
        Default(obj, "query", engine.Object.Construct(Arguments.Empty));
        return obj;
    }

    /// <summary>Normalizes a handler's return value to <c>{statusCode, headers, body}</c>.</summary>
    public JsonObject Normalize(JsValue value)
    {
        if (value.IsUndefined() || value.IsNull()) return Response(200, new JsonObject(), "");
        if (value.IsString()) return Response(200, new JsonObject(), value.AsString());

        if (value.IsObject() && value.AsObject() is not ICallable && value.AsObject().HasProperty("statusCode"))
        {
            var obj = value.AsObject();
            var statusValue = obj.Get("statusCode");
            var status = TypeConverter.ToNumber(statusValue);
            if (double.IsNaN(status) || status != Math.Floor(status) || status is < 100 or > 599)
                throw new ResultConversionException($"handler returned an invalid statusCode: {ValueFormatter.Format(statusValue)}");

            var headers = new JsonObject();
            var headersValue = obj.Get("headers");
            if (headersValue.IsObject())
            {
                var headersObject = headersValue.AsObject();
                foreach (var (name, descriptor) in headersObject.GetOwnProperties().ToList())
                {
                    if (descriptor.Enumerable != true) continue;
                    var headerValue = headersObject.Get(name);
                    if (!headerValue.IsUndefined()) headers[name] = TypeConverter.ToString(headerValue);
                }
            }

            var bodyValue = obj.Get("body");
            var body = bodyValue.IsUndefined() || bodyValue.IsNull() ? ""
                : bodyValue.IsString() ? bodyValue.AsString()
                : json.SerializeResult(bodyValue) ?? "";
            return Response((int)status, headers, body);
        }

        var serialized = json.SerializeResult(value) ?? "null";
        return Response(200, new JsonObject { ["content-type"] = "application/json" }, serialized);
    }

    private static JsonObject Response(int status, JsonObject headers, string body) =>
        new() { ["statusCode"] = status, ["headers"] = headers, ["body"] = body };

    private static void Default(ObjectInstance obj, string name, JsValue value)
    {
        var current = obj.Get(name);
        if (current.IsUndefined() || current.IsNull())
            obj.DefineOwnProperty(name, new PropertyDescriptor(value, true, true, true), false);
    }

    private static ICallable? AsFunction(JsValue? value) =>
        value is not null && value.IsObject() ? value.AsObject() as ICallable : null;
}
