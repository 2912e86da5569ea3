using System.Text.RegularExpressions;
using ScriptRunner.Core.Execution;

namespace ScriptRunner.Tests.Support;

/// <summary>
/// The check every harness applies to every answer it returns: no error answer names a .NET type or namespace. A
/// caller learns what went wrong in the language of the script, never the host's; this runs on every error answer the
/// suites produce, so a new leak fails the test that caused it.
/// </summary>
internal static partial class AnswerScan
{
    /// <summary>Fails when <paramref name="text"/>, part of an error answer, names .NET.</summary>
    public static void AssertNoDotNetNames(string? text)
    {
        if (text is null) return;
        var leak = DotNetName().Match(text);
        Assert.False(leak.Success, $"an error answer names .NET ('{leak.Value}'): {text}");
    }

    /// <summary>Scans the error and stack of a sandbox outcome.</summary>
    public static void AssertNoDotNetNames(SandboxOutcome outcome)
    {
        if (outcome.Success) return;
        AssertNoDotNetNames(outcome.Error);
        AssertNoDotNetNames(outcome.Stack);
    }

    // "System." followed by a namespace or type, or a word ending in "Exception" (DOMException is the web's own).
    [GeneratedRegex(@"\bSystem\.[A-Z]|\b(?!DOMException\b)[A-Za-z]*Exception\b")]
    private static partial Regex DotNetName();
}
