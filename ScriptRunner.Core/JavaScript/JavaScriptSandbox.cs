using ScriptRunner.Core.Execution;
using ScriptRunner.Core.Model;

namespace ScriptRunner.Core.JavaScript;

/// <summary>
/// Runs JavaScript (ES5.1, on Jint 2.10) in a fresh, locked-down engine per execution, under the invocation's
/// deadline, cancellation, memory cap and a fixed stack budget.
/// </summary>
/// <remarks>
/// Each run gets its own thread with a 32 MB stack, so the caller's thread size does not matter. If the run does not
/// stop within a grace period after its deadline (a single built-in call that cannot be interrupted), the caller gets
/// a Timeout outcome at once and the abandoned run is refused every further host call.
/// </remarks>
public sealed class JavaScriptSandbox : IScriptSandbox
{
    private const int ThreadStackBytes = 32 * 1024 * 1024;

    // Checked at every statement and call; the rest is headroom for the deepest single step (bounded by the nesting
    // limits) between two checks.
    private const long StackBudgetBytes = 24L * 1024 * 1024;

    private readonly TimeSpan _abandonGrace;

    /// <summary>Creates the sandbox.</summary>
    public JavaScriptSandbox() : this(TimeSpan.FromSeconds(2))
    {
    }

    internal JavaScriptSandbox(TimeSpan abandonGrace) => _abandonGrace = abandonGrace;

    /// <inheritdoc />
    public CodeType CodeType => CodeType.JavaScript;

    /// <inheritdoc />
    public SandboxOutcome Execute(SandboxInvocation invocation)
    {
        ArgumentNullException.ThrowIfNull(invocation);
        var timeout = invocation.Timeout > TimeSpan.Zero ? invocation.Timeout : TimeSpan.Zero;
        var deadline = CancellationTokenSource.CreateLinkedTokenSource(invocation.CancellationToken);
        deadline.CancelAfter(timeout);

        var finished = new ManualResetEventSlim();
        ExecutionGuard? guard = null;
        SandboxOutcome? outcome = null;
        var thread = new Thread(() =>
        {
            try
            {
                guard = new ExecutionGuard(timeout, deadline.Token, invocation.MemoryLimitBytes, StackBudgetBytes);
                outcome = new JavaScriptRun(invocation, guard, deadline.Token).Execute();
            }
            catch (Exception e)
            {
                outcome = SandboxOutcome.Failed(ErrorTypes.HostError, $"internal error in the JavaScript sandbox: {e.GetType().Name}: {e.Message}");
            }
            finally
            {
                finished.Set();
            }
        }, ThreadStackBytes)
        {
            IsBackground = true,
            Name = "ScriptRunner JavaScript",
        };
        thread.Start();

        WaitHandle.WaitAny([finished.WaitHandle, deadline.Token.WaitHandle]);
        if (finished.Wait(_abandonGrace))
        {
            deadline.Dispose();
            finished.Dispose();
            return outcome!;
        }

        // The run is stuck inside one uninterruptible built-in call. Give up on it: it fails its next check and exits.
        guard?.Abandon();
        return SandboxOutcome.Failed(ErrorTypes.Timeout,
            $"execution timed out after {(long)timeout.TotalMilliseconds} ms (the script did not stop within {(long)_abandonGrace.TotalMilliseconds} ms of its deadline and was abandoned)");
    }
}
