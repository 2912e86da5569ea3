using System.Text.Json.Nodes;
using Jint;
using Jint.Native;
using Jint.Native.Object;
using Jint.Runtime;
using Jint.Runtime.Descriptors;

namespace ScriptRunner.Sandbox.JavaScript.Jint;

/// <summary>
/// A handler's answer read in .NET when it is plain data the runtime's <c>normalizeResponse</c> (Result.js) would
/// answer unchanged: nothing, a string, or an ordinary object whose <c>statusCode</c> is an integer from 100 to 599,
/// whose <c>headers</c> are an ordinary object of primitives and whose <c>body</c> is a string or nothing, each an
/// ordinary data property, so reading them runs no script. Anything else is the runtime's to answer.
/// </summary>
internal static class JintResponse
{
    /// <summary><c>{statusCode, headers, body}</c> for <paramref name="value"/>, or false when the runtime must shape it.</summary>
    public static bool TryAnswer(Engine engine, JsValue value, out JsonNode? answer)
    {
        answer = null;
        if (value.IsUndefined() || value.IsNull()) return Respond(200, [], "", out answer);
        if (value.IsString()) return JavaScriptCompletion.TryString(value.AsString(), out var text) && Respond(200, [], text, out answer);
        if (!JintData.IsPlain(engine, value) || !value.AsObject().HasProperty("statusCode")) return false;
        var response = value.AsObject();
        if (JintData.Data(response, "statusCode") is not { } status || !status.IsNumber()) return false;
        var code = status.AsNumber();
        if (Math.Floor(code) != code || code < 100 || code > 599) return false;
        var headers = new List<KeyValuePair<string, JsonNode?>>();
        if (JintData.Data(response, "headers") is not { } given || !Headers(engine, given, headers)) return false;
        if (JintData.Data(response, "body") is not { } body) return false;
        JsonNode? bodyText = JsonValue.Create("");
        if (body.IsString() && !JavaScriptCompletion.TryString(body.AsString(), out bodyText)) return false;
        if (!body.IsString() && !body.IsUndefined() && !body.IsNull()) return false;
        return Respond((int)code, headers, bodyText, out answer);
    }

    private static bool Respond(int status, List<KeyValuePair<string, JsonNode?>> headers, JsonNode? body, out JsonNode? answer)
    {
        answer = new JsonObject { ["statusCode"] = status, ["headers"] = new JsonObject(headers), ["body"] = body };
        return true;
    }

    // The headers as Result.js's plainResponseHeaders takes a plain object: its own enumerable string keys in order,
    // String(value) of each that is not undefined. Only primitives other than symbols convert without running script.
    private static bool Headers(Engine engine, JsValue given, List<KeyValuePair<string, JsonNode?>> headers)
    {
        if (given is not ObjectInstance || given is global::Jint.Native.Function.Function) return true;
        if (!JintData.IsPlain(engine, given)) return false;
        var source = given.AsObject();
        foreach (var key in source.GetOwnPropertyKeys(Types.String))
        {
            var property = source.GetOwnProperty(key);
            if (!property.Enumerable) continue;
            if (!property.IsDataDescriptor()) return false;
            var item = property.Value;
            if (item.IsUndefined()) continue;
            if (item.IsSymbol() || item.IsObject() || item.IsBigInt()) return false;
            // Assigning "__proto__" to the runtime's header object sets its prototype, not a header.
            if (key.AsString() == "__proto__" || !JavaScriptCompletion.TryString(key.AsString(), out _) || !JavaScriptCompletion.TryString(TypeConverter.ToString(item), out var text)) return false;
            headers.Add(new(key.AsString(), text));
        }

        return true;
    }
}
