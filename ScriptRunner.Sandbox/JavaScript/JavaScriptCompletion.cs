using System.Text.Json.Nodes;
using ScriptRunner.Core.Execution;

namespace ScriptRunner.Sandbox.JavaScript;

/// <summary>
/// A classic script's completion value taken straight into the answer by the engine adapter, without the runtime,
/// when the runtime would answer it unchanged: a primitive, with no handler to call. Most results are one number,
/// string or boolean; an engine that hands over anything else lets the runtime shape it.
/// </summary>
internal static class JavaScriptCompletion
{
    private const double MaxSafeInteger = 9007199254740991;

    /// <summary>
    /// Whether the completion value is the answer whatever module.exports holds: a classic script run without a
    /// handler name, unless the value is undefined after the script's own top-level code exported something (then the
    /// export is the handler; see Runner.js).
    /// </summary>
    public static bool IsTheAnswer(SandboxInvocation invocation, PreparedJavaScript code, bool completionIsUndefined) =>
        code.Form == JavaScriptCodeForm.Script && invocation.Job.Handler is null && !(completionIsUndefined && code.ExportsAtTopLevel);

    /// <summary>
    /// JSON.stringify's number: null when not finite; an integer exactly; otherwise the language's own shortest form.
    /// Read from its text, as the answer's numbers are everywhere else, so it converts to any numeric type.
    /// </summary>
    public static JsonNode? Number(double number)
    {
        if (!double.IsFinite(number)) return null;
        var text = Math.Floor(number) == number && Math.Abs(number) <= MaxSafeInteger
            ? ((long)number).ToString(System.Globalization.CultureInfo.InvariantCulture)
            : global::Jint.Runtime.TypeConverter.ToString(number);
        return JsonNode.Parse(text);
    }

    /// <summary>A string as the answer, or false when it holds a lone surrogate, which the runtime answers its own way.</summary>
    public static bool TryString(string text, out JsonNode? result)
    {
        result = null;
        for (var i = 0; i < text.Length; i++)
        {
            if (!char.IsSurrogate(text[i])) continue;
            if (!char.IsHighSurrogate(text[i]) || i + 1 >= text.Length || !char.IsLowSurrogate(text[i + 1])) return false;
            i++;
        }

        result = JsonValue.Create(text);
        return true;
    }
}
