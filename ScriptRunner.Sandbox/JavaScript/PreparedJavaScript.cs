using Acornima.Ast;
using Jint;
using ScriptRunner.Core.Execution;

namespace ScriptRunner.Sandbox.JavaScript;

/// <summary>
/// Code parsed once for Jint: a script or a module, or the compile error it gives, and whether a script's own
/// top-level code exports something (<see cref="ScriptExports"/>). Reusable across engines and threads.
/// </summary>
internal sealed record PreparedJavaScript(JavaScriptCodeForm Form, Prepared<Script>? Script, Prepared<Module>? Module, SandboxOutcome? CompileError, bool ExportsAtTopLevel = false)
{
    /// <summary>
    /// Which locale APIs the code's text names: Jint gets those corrected for en-US before the code runs (see
    /// <c>Prelude/IntlPatch.js</c>), and code naming none pays nothing.
    /// </summary>
    public LocaleUses Locale { get; init; }

    /// <summary>The locale APIs a text names, as the flags the prelude reads.</summary>
    [Flags]
    public enum LocaleUses
    {
        /// <summary>None of them.</summary>
        None = 0,

        /// <summary><c>Intl</c>.</summary>
        Intl = 1,

        /// <summary>A <c>toLocale…</c> method.</summary>
        ToLocale = 2,

        /// <summary><c>localeCompare</c>.</summary>
        LocaleCompare = 4,
    }

    /// <summary>
    /// The prelude globals the code names, which are all an execution must install when the code cannot reach the
    /// global object by other means; null when it can (it names <c>globalThis</c>, <c>self</c> or <c>eval</c>, or is a
    /// classic script using <c>this</c>, which a sloppy function can make the global object): then every one.
    /// </summary>
    public IReadOnlyList<string>? NamedGlobals { get; init; }

    /// <summary>Parses <paramref name="source"/>: as a classic script when it is one, else as an ES module.</summary>
    public static PreparedJavaScript Prepare(string source)
    {
        Exception scriptError;
        try
        {
            var script = Engine.PrepareScript(source, JavaScriptOutcomes.SourceName, options: new ScriptPreparationOptions { CollectReferencedGlobals = true });
            return new(JavaScriptCodeForm.Script, script, null, ImportRefusal.Check(script.Program!, source), ScriptExports.AssignedAtTopLevel(script.Program!, source))
            {
                Locale = LocaleUsesOf(source),
                NamedGlobals = NamedGlobalsOf(script.ReferencedGlobals!, source.Contains("this", StringComparison.Ordinal)),
            };
        }
        catch (Exception e) when (ParseError(e) is not null)
        {
            scriptError = e;
        }

        try
        {
            var module = Engine.PrepareModule(source, JavaScriptOutcomes.SourceName, new ModulePreparationOptions { CollectReferencedGlobals = true });
            return new(JavaScriptCodeForm.Module, null, module, ImportRefusal.Check(module.Program!, source))
            {
                Locale = LocaleUsesOf(source),
                // A module is strict throughout: `this` is never the global object there.
                NamedGlobals = NamedGlobalsOf(module.ReferencedGlobals!, usesThis: false),
            };
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

    private static readonly string[] ReachTheGlobalObject = ["globalThis", "self", "eval"];

    private static IReadOnlyList<string>? NamedGlobalsOf(ReferencedGlobals referenced, bool usesThis)
    {
        if (usesThis || referenced.HasDirectEvalCall || ReachTheGlobalObject.Any(referenced.Contains)) return null;
        return JavaScriptPrelude.GlobalNames.Where(referenced.Contains).ToArray();
    }

    private static LocaleUses LocaleUsesOf(string source) =>
        (source.Contains("Intl", StringComparison.Ordinal) ? LocaleUses.Intl : LocaleUses.None) |
        (source.Contains("toLocale", StringComparison.Ordinal) ? LocaleUses.ToLocale : LocaleUses.None) |
        (source.Contains("localeCompare", StringComparison.Ordinal) ? LocaleUses.LocaleCompare : LocaleUses.None);

    private static Acornima.ParseErrorException? ParseError(Exception? e)
    {
        for (; e is not null; e = e.InnerException)
        {
            if (e is Acornima.ParseErrorException parse) return parse;
        }

        return null;
    }
}
