namespace ScriptRunner.Core.Execution;

/// <summary>A run went on past its deadline and the grace period; its caller was released without a result.</summary>
internal sealed class ExecutionOverrunException(TimeSpan timeout)
    : Exception($"The execution did not stop within its {timeout.TotalMilliseconds:0} ms timeout.")
{
    public TimeSpan Timeout { get; } = timeout;
}
