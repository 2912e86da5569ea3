using System.Text;
using System.Text.Json;

namespace ScriptRunner.Sandbox.JavaScript.V8;

/// <summary>
/// The small V8-only scripts around the shared prelude (<c>V8/Scripts/*.js</c>), run under the prelude's source name
/// so their frames stay out of stacks.
/// </summary>
internal static class V8Scripts
{
    /// <summary>The module name user code is registered under, and the global the namespace is handed over through.</summary>
    private const string ModuleHandOver = "__scriptrunner_module_namespace";

    /// <summary>Refuses compiling strings in the context it runs in (<c>Scripts/RefuseStringCompilation.js</c>).</summary>
    public static readonly string RefuseStringCompilation = Script("RefuseStringCompilation");

    /// <summary>Brings a fresh context to the surface both engines share, returning its hide function (<c>Scripts/Surface.js</c>).</summary>
    public static readonly string Surface = Script("Surface");

    /// <summary>
    /// Everything an execution's context needs before the code runs, as one function of <c>(hostBridge, inputJson,
    /// script, hide)</c> (<c>Scripts/Setup.js</c>), with the prelude, the bridge (<c>Scripts/Bridge.js</c>), the intrinsics
    /// and the lazy globals (<c>Scripts/LazyGlobals.js</c>) filled in.
    /// </summary>
    public static readonly string Setup = Script("Setup")
        .Replace("/*@PRELUDE@*/", JavaScriptPrelude.Source, StringComparison.Ordinal)
        .Replace("/*@BRIDGE@*/", Script("Bridge"), StringComparison.Ordinal)
        // Each intrinsic is read where the setup runs, before the script.
        .Replace("/*@INTRINSICS@*/", string.Join(", ", JavaScriptPrelude.Intrinsics.Select(i => string.Join('.', i.Path))), StringComparison.Ordinal)
        .Replace("/*@MODULE_HAND_OVER@*/''", JsonSerializer.Serialize(ModuleHandOver), StringComparison.Ordinal)
        .Replace("/*@LAZY_GLOBALS@*/", Script("LazyGlobals").Replace("/*@GLOBAL_NAMES@*/[]", JsonSerializer.Serialize(JavaScriptPrelude.GlobalNames), StringComparison.Ordinal), StringComparison.Ordinal);

    /// <summary>The module that imports user code (as <see cref="JavaScriptOutcomes.SourceName"/>) and hands its namespace to the host.</summary>
    public static readonly string ModuleLoader =
        $"import * as ns from '{JavaScriptOutcomes.SourceName}';\nglobalThis.{ModuleHandOver} = ns;\n";

    private static string Script(string name)
    {
        var resource = $"ScriptRunner.Sandbox.JavaScript.V8.Scripts.{name}.js";
        using var stream = typeof(V8Scripts).Assembly.GetManifestResourceStream(resource) ?? throw new InvalidOperationException($"missing V8 script {resource}");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var text = reader.ReadToEnd();
        return text.EndsWith('\n') ? text[..^1] : text;
    }
}
