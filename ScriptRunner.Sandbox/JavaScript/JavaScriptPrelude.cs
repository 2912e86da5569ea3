using System.Text;

namespace ScriptRunner.Sandbox.JavaScript;

/// <summary>
/// The JavaScript that builds every global a script sees (console, fetch, URL, timers…) and the runtime the host
/// drives, written once for every engine. Its source is a function of <c>(host, inputJson)</c> returning the runtime.
/// </summary>
internal static class JavaScriptPrelude
{
    /// <summary>The source name the prelude runs under; stack frames from it are left out of error stacks.</summary>
    public const string SourceName = "scriptrunner:prelude";

    // Order matters: later parts use earlier ones, and Runner returns the runtime.
    private static readonly string[] Parts = ["Core", "Inspect", "Console", "Encoding", "Url", "Http", "Timers", "Result", "Runner"];

    /// <summary>The prelude's source text.</summary>
    public static string Source { get; } = Build();

    private static string Build()
    {
        var text = new StringBuilder("(function (host, inputJson) {\n'use strict';\n");
        var assembly = typeof(JavaScriptPrelude).Assembly;
        foreach (var part in Parts)
        {
            var name = $"ScriptRunner.Sandbox.JavaScript.Prelude.{part}.js";
            using var stream = assembly.GetManifestResourceStream(name) ?? throw new InvalidOperationException($"missing prelude part {name}");
            using var reader = new StreamReader(stream, Encoding.UTF8);
            text.Append(reader.ReadToEnd()).Append('\n');
        }

        return text.Append("})").ToString();
    }
}
