using Acornima.Ast;
using Jint;
using ScriptRunner.Core.Execution;

namespace ScriptRunner.Sandbox.JavaScript.Jint;

/// <summary>
/// Code parsed once for Jint: a script or a module, or the compile error it gives, and whether a script's own
/// top-level code exports something (<see cref="ScriptExports"/>). Reusable across engines and threads.
/// </summary>
internal sealed record JintPreparedCode(JavaScriptCodeForm Form, Prepared<Script>? Script, Prepared<Module>? Module, SandboxOutcome? CompileError, bool ExportsAtTopLevel = false)
{
    /// <summary>
    /// Whether the code names <c>Intl</c> or a locale method (<c>toLocale…</c>, <c>localeCompare</c>): only then does
    /// Jint get its Intl corrected for en-US before the code runs (see <c>Prelude/IntlPatch.js</c>).
    /// </summary>
    public bool UsesLocale { get; init; }

    /// <summary>Parses <paramref name="source"/>: as a classic script when it is one, else as an ES module.</summary>
    public static JintPreparedCode Prepare(string source)
    {
        Exception scriptError;
        try
        {
            var script = Engine.PrepareScript(source, JavaScriptOutcomes.SourceName);
            return new(JavaScriptCodeForm.Script, script, null, ImportRefusal.Check(script.Program!, source), ScriptExports.AssignedAtTopLevel(script.Program!, source)) { UsesLocale = UsesLocaleText(source) };
        }
        catch (Exception e) when (ParseError(e) is not null)
        {
            scriptError = e;
        }

        try
        {
            var module = Engine.PrepareModule(source, JavaScriptOutcomes.SourceName);
            return new(JavaScriptCodeForm.Module, null, module, ImportRefusal.Check(module.Program!, source)) { UsesLocale = UsesLocaleText(source) };
        }
        catch (Exception e) when (ParseError(e) is not null)
        {
            // Report whichever reading got further into the code: that is the form the author meant.
            var asScript = ParseError(scriptError)!;
            var asModule = ParseError(e)!;
            var chosen = (asModule.LineNumber, asModule.Column).CompareTo((asScript.LineNumber, asScript.Column)) > 0 ? asModule : asScript;
            return new(JavaScriptCodeForm.Script, null, null, JavaScriptOutcomes.Compile(chosen.Description, chosen.LineNumber, chosen.Column + 1));
        }
    }

    private static bool UsesLocaleText(string source) =>
        source.Contains("Intl", StringComparison.Ordinal) || source.Contains("toLocale", StringComparison.Ordinal) || source.Contains("localeCompare", StringComparison.Ordinal);

    private static Acornima.ParseErrorException? ParseError(Exception? e)
    {
        for (; e is not null; e = e.InnerException)
        {
            if (e is Acornima.ParseErrorException parse) return parse;
        }

        return null;
    }
}
