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

    private static bool Mentions(string text, params string[] phrases) =>
        phrases.Any(p => text.Contains(p, StringComparison.OrdinalIgnoreCase));
}
