using System.Text.Json.Nodes;
using Jint;
using Jint.Native;
using Jint.Runtime;

namespace ScriptRunner.Sandbox.JavaScript.Jint;

/// <summary>Jint's completion values as answers without the runtime (see <see cref="JavaScriptCompletion"/>).</summary>
internal static class JintCompletion
{
    /// <summary>The answer for <paramref name="value"/>, or false when the runtime must take it (an object, a bigint, a string no UTF-8 can hold).</summary>
    public static bool TryAnswer(JsValue value, out JsonNode? result)
    {
        result = null;
        switch (value.Type)
        {
            case Types.Undefined or Types.Null or Types.Symbol:
                return true;
            case Types.Boolean:
                result = JsonValue.Create(value.AsBoolean());
                return true;
            case Types.Number:
                result = JavaScriptCompletion.Number(value.AsNumber());
                return true;
            case Types.String:
                return JavaScriptCompletion.TryString(value.AsString(), out result);
            default:
                return false;
        }
    }
}
