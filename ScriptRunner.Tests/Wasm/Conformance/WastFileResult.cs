using System.Text;
using System.Text.RegularExpressions;

namespace ScriptRunner.Tests.Wasm.Conformance;

/// <summary>One command that did not behave as its script expects.</summary>
internal sealed record CommandFailure(int Line, string Command, string Expected, string Actual)
{
    /// <inheritdoc />
    public override string ToString() => $"line {Line}: {Command}\n    expected: {Expected}\n    actual:   {Actual}";
}

/// <summary>What running one .wast script produced: counts per outcome and every failure.</summary>
internal sealed record WastFileResult(
    string FileName,
    int Total,
    int Passed,
    int NotApplicable,
    IReadOnlyList<CommandFailure> Failures)
{
    /// <summary>How many failures the report prints before summarising the rest.</summary>
    public const int ReportedFailures = 30;

    /// <summary>True when no command failed.</summary>
    public bool Succeeded => Failures.Count == 0;

    /// <summary>One-line counts, e.g. "i32.wast: 460 commands, 455 passed, 5 failed, 0 not applicable".</summary>
    public string Summary =>
        $"{FileName}: {Total} commands, {Passed} passed, {Failures.Count} failed, {NotApplicable} not applicable " +
        "(text-format modules)";

    /// <summary>The summary followed by the first <see cref="ReportedFailures"/> failures.</summary>
    public string Report()
    {
        var text = new StringBuilder(Summary);
        if (Failures.Count > 0) text.Append("\ntop failure reasons:").AppendJoin("", TopReasons().Select(r => $"\n  {r.Count} x {r.Reason}"));
        foreach (var failure in Failures.Take(ReportedFailures)) text.Append('\n').Append(failure);
        if (Failures.Count > ReportedFailures)
            text.Append('\n').Append($"... and {Failures.Count - ReportedFailures} more failures");
        return text.ToString();
    }

    /// <summary>Failures grouped by what happened (numbers blanked out), most frequent first.</summary>
    public IEnumerable<(string Reason, int Count)> TopReasons(int count = 5) => Failures
        .GroupBy(f => Regex.Replace(f.Actual.Length > 120 ? f.Actual[..120] : f.Actual, "[0-9]+", "#"))
        .OrderByDescending(g => g.Count())
        .Take(count)
        .Select(g => (g.Key, g.Count()));
}
