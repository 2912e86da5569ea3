using System.Text;

namespace ScriptRunner.Sandbox.JavaScript;

/// <summary>
/// The JavaScript that builds every global a script sees (console, fetch, URL, timers…) and the runtime the host
/// drives, written once for every engine. Its source is a function of <c>(host, inputJson, …intrinsics)</c> returning
/// the runtime, where the intrinsics (<see cref="Intrinsics"/>) are taken before the script runs.
/// </summary>
/// <remarks>
/// The web surface is split into groups, each wrapped in a function the runtime calls the first time it is needed, so
/// an execution pays only for what it touches. The engine adapter installs each of <see cref="GlobalNames"/> as a lazy
/// global whose value is <c>runtime.globalValue(name)</c>; Jint makes the runtime itself only when something needs it.
/// </remarks>
internal static class JavaScriptPrelude
{
    /// <summary>The source name the prelude runs under; stack frames from it are left out of error stacks.</summary>
    public const string SourceName = "scriptrunner:prelude";

    /// <summary>
    /// The globals the prelude provides, in the order the runtime's <c>globalValue</c> (Runner.js) names them: its
    /// <c>case</c> labels are the one list, so a new global is declared where its value is made.
    /// </summary>
    public static IReadOnlyList<string> GlobalNames { get; } = ParseGlobalNames(Part("Runner"));

    /// <summary>
    /// The lazily built groups of prelude parts: each becomes <c>const name = once(() => { parts…; return { exports }; })</c>,
    /// evaluated the first time the runtime calls it, so a group costs nothing until a script reads one of its globals.
    /// A later group may call an earlier one (every group may use <c>web()</c>).
    /// </summary>
    private static readonly LazyGroup[] LazyGroups =
    [
        new("web", ["Inspect", "Console", "Encoding", "UrlHost", "UrlParser", "Url", "Http"],
            "inspect, errorText, isErrorLike, consoleObject, fetch, structuredClone, atob, btoa, makeUrlParser, makeUrlClasses, makeHttpClasses, " +
            "makeTextEncoder, makeTextDecoder, makeDOMException, makeCrypto, utf8Decode, toBytes, toUSVString"),
        new("urlPattern", ["UrlPatternSyntax", "UrlPatternString", "UrlPattern"], "makeURLPattern"),
        new("webcrypto", ["SubtleCrypto"], "makeSubtleCrypto"),
        new("webcryptoOperations", ["CryptoAlgorithms", "CryptoKey", "CryptoOperations"], "subtleOperations, CryptoKey"),
        new("intl", ["IntlCollation", "IntlDates", "IntlPatch"], "patchIntl"),
        new("events", ["Events", "Abort"], "makeEventClasses, makeAbortClasses"),
        new("files", ["Blob", "FormData", "Multipart"], "makeBlobClasses, makeFormData, isBodyInit, extractFilesBody, parseFormData, blobOf"),
        new("perf", ["Performance"], "makePerformance"),
        new("streams", ["StreamsPolyfill", "Streams", "BodyStreams", "EncodingStreams", "Compression"],
            "streamGlobal, isReadableStream, isDisturbed, bodyStream, readAllBytes, readAllText, collectResponse, CollectedResponse"),
    ];

    private static readonly string[] RuntimeParts = ["StringIterator", "Timers", "Result", "Runner"];


    /// <summary>
    /// The intrinsics the runtime takes as they were before the script ran, read from <c>Prelude/Intrinsics.js</c>: each
    /// a parameter of the prelude's function, in this order, and the path from the global object that gives its value.
    /// </summary>
    public static IReadOnlyList<(string Name, string[] Path)> Intrinsics { get; } = ParseIntrinsics(Part("Intrinsics"));

    /// <summary>The prelude's source text.</summary>
    public static string Source { get; } = Build();

    private static string[] ParseGlobalNames(string runner)
    {
        var start = runner.IndexOf("function globalValue(name) {", StringComparison.Ordinal);
        var end = start < 0 ? -1 : runner.IndexOf("\n}\n", start, StringComparison.Ordinal);
        if (end < 0) throw new InvalidOperationException("Prelude/Runner.js has no globalValue function");
        var names = System.Text.RegularExpressions.Regex.Matches(runner[start..end], @"case '(\w+)':").Select(m => m.Groups[1].Value).Distinct().ToArray();
        return names.Length > 0 ? names : throw new InvalidOperationException("Prelude/Runner.js's globalValue names no global");
    }

    private static (string, string[])[] ParseIntrinsics(string source)
    {
        var entries = System.Text.RegularExpressions.Regex.Matches(source, @"^\s*(\w+): ([\w.]+),", System.Text.RegularExpressions.RegexOptions.Multiline)
            .Select(m => (m.Groups[1].Value, m.Groups[2].Value.Split('.') is var path && path[0] == "globalThis" ? path[1..] : path))
            .ToArray();
        return entries.Length > 0 ? entries : throw new InvalidOperationException("Prelude/Intrinsics.js names no intrinsics");
    }

    private static string Build()
    {
        var text = new StringBuilder("(function (host, inputJson, ").AppendJoin(", ", Intrinsics.Select(i => i.Name)).Append(") {\n'use strict';\n");
        text.Append(Part("Core"));
        // The prelude's globals as one string (" fetch atob … "): a literal costs an execution nothing until read.
        text.Append("const GLOBAL_NAMES = ").Append(System.Text.Json.JsonSerializer.Serialize(" " + string.Join(' ', GlobalNames) + " ")).Append(";\n");
        foreach (var group in LazyGroups)
        {
            text.Append("const ").Append(group.Name).Append(" = once(() => {\n");
            foreach (var part in group.Parts) text.Append(Part(part));
            text.Append("return { ").Append(group.Exports).Append(" };\n});\n");
        }

        foreach (var part in RuntimeParts) text.Append(Part(part));
        return text.Append("})").ToString();
    }

    private sealed record LazyGroup(string Name, string[] Parts, string Exports);

    private static string Part(string part)
    {
        var name = $"ScriptRunner.Sandbox.JavaScript.Prelude.{part}.js";
        using var stream = typeof(JavaScriptPrelude).Assembly.GetManifestResourceStream(name) ?? throw new InvalidOperationException($"missing prelude part {name}");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd() + "\n";
    }
}
