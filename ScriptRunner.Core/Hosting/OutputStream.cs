namespace ScriptRunner.Core.Hosting;

/// <summary>The captured streams of an execution.</summary>
public enum OutputStream : byte
{
    Stdout = 0,
    Stderr = 1,
    Logs = 2,
}
