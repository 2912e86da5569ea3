using System.Text.Json.Nodes;
using Microsoft.ClearScript;

namespace ScriptRunner.Sandbox.JavaScript.V8;

/// <summary>V8's completion values, as ClearScript hands them over, as answers without the runtime (see <see cref="JavaScriptCompletion"/>).</summary>
internal static class V8Completion
{
    /// <summary>The answer for <paramref name="value"/>, or false when the runtime must take it (an object, a bigint, a string no UTF-8 can hold).</summary>
    public static bool TryAnswer(object? value, out JsonNode? result)
    {
        result = null;
        switch (value)
        {
            case null or Undefined:
                return true;
            case bool flag:
                result = JsonValue.Create(flag);
                return true;
            case int number:
                result = JavaScriptCompletion.Number(number);
                return true;
            case double number:
                result = JavaScriptCompletion.Number(number);
                return true;
            case string text:
                return JavaScriptCompletion.TryString(text, out result);
            default:
                return false;
        }
    }
}
