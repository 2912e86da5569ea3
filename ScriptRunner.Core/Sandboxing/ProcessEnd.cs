using ScriptRunner.Core.Execution;
using ScriptRunner.Core.Model;

namespace ScriptRunner.Core.Sandboxing;

/// <summary>Turns the way a sandbox process died into the answer of the execution it was running, in plain words.</summary>
internal static class ProcessEnd
{
    /// <summary>The error type and message for a process that ended mid-run with <paramref name="exitCode"/> and <paramref name="stderr"/>.</summary>
    public static (string ErrorType, string Message) Describe(int? exitCode, string stderr, bool overMemoryCap)
    {
        if (overMemoryCap || Mentions(stderr, "out of memory", "OutOfMemory", "GCHeapHardLimit"))
            return (ErrorTypes.MemoryLimit, "The execution ran out of memory and its sandbox process was stopped.");
        if (Mentions(stderr, "Stack overflow"))
            return (ErrorTypes.RuntimeError, "The sandbox process ended: stack overflow.");

        return exitCode switch
        {
            null => (ErrorTypes.RuntimeError, "The sandbox process ended unexpectedly."),
            > 128 and < 160 => (ErrorTypes.RuntimeError, $"The sandbox process ended unexpectedly (signal {exitCode - 128})."),
            _ => (ErrorTypes.RuntimeError, $"The sandbox process ended unexpectedly (exit code {exitCode})."),
        };
    }

    /// <summary>The answer of <paramref name="run"/>, whose process ended mid-run on its own.</summary>
    public static SandboxOutcome Crashed(int? exitCode, string stderr, ActiveRun run)
    {
        var (errorType, message) = Describe(exitCode, stderr, run.PeakBytes > run.LimitBytes);
        return errorType == ErrorTypes.MemoryLimit ? MemoryLimit(run.Job) : SandboxOutcome.Failed(errorType, message);
    }

    /// <summary>
    /// The answer of a run whose process was stopped over its memory: the same words as every engine's own limit, so a
    /// script learns that it held too much, not which wall noticed it.
    /// </summary>
    public static SandboxOutcome MemoryLimit(SandboxJob job) =>
        SandboxOutcome.Failed(ErrorTypes.MemoryLimit, $"memory limit of {job.MemoryLimitBytes / (1024 * 1024)} MB exceeded");

    /// <summary>Why a process that exited while starting failed: its exit code and the first line of its stderr.</summary>
    public static string StartFailure(int? exitCode, string stderr)
    {
        var firstLine = stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault();
        return $"The sandbox process exited while starting (exit code {exitCode?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "unknown"})"
            + (firstLine is null ? "." : $": {firstLine}");
    }

    private static bool Mentions(string text, params string[] phrases) =>
        phrases.Any(p => text.Contains(p, StringComparison.OrdinalIgnoreCase));
}
