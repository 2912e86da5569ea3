using System.Text.RegularExpressions;
using Jint;
using Jint.Native;

namespace ScriptRunner.Sandbox.JavaScript.Jint;

/// <summary>
/// Takes the intrinsics <c>Prelude/Intrinsics.js</c> names by reading each path from .NET, the object the prelude
/// receives as <c>intrinsics</c>: evaluating the expression would build its interpreter tree again in every engine.
/// </summary>
internal static partial class JintIntrinsics
{
    private static readonly (string Name, string[] Path)[] Paths = Parse(JavaScriptPrelude.IntrinsicsSource);

    /// <summary>The intrinsics of <paramref name="engine"/> as they are now.</summary>
    public static JsObject Take(Engine engine)
    {
        var taken = new JsObject(engine);
        foreach (var (name, path) in Paths)
        {
            JsValue value = engine.Global;
            foreach (var step in path) value = value.AsObject().Get(step);
            taken.FastSetDataProperty(name, value);
        }

        return taken;
    }

    private static (string, string[])[] Parse(string source)
    {
        var entries = Entry().Matches(source).Select(m => (m.Groups[1].Value, m.Groups[2].Value.Split('.') is var path && path[0] == "globalThis" ? path[1..] : path)).ToArray();
        if (entries.Length == 0) throw new InvalidOperationException("Prelude/Intrinsics.js names no intrinsics");
        return entries;
    }

    [GeneratedRegex(@"^\s*(\w+): ([\w.]+),", RegexOptions.Multiline)]
    private static partial Regex Entry();
}
