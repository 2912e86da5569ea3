using ScriptRunner.Core.Execution;
using ScriptRunner.Core.Model;

namespace ScriptRunner.Sandbox.JavaScript;

/// <summary>
/// Runs JavaScript (ES5.1, on Jint 2.10) in a fresh, locked-down engine per execution, under the invocation's
/// deadline, cancellation, memory cap and a fixed stack budget.
/// </summary>
/// <remarks>
/// A run needs a 32 MB stack. When the calling thread has that much left (the execution scheduler's workers have
/// 64 MB) the run happens right there, and the scheduler releases the caller if the run overruns its deadline.
/// Otherwise the run gets its own 32 MB thread; if it does not stop within a grace period after its deadline (a
/// single built-in call that cannot be interrupted), the caller gets a Timeout outcome at once and the abandoned run
/// is refused every further host call.
/// </remarks>
public sealed class JavaScriptSandbox : IScriptSandbox
{
    private const int ThreadStackBytes = 32 * 1024 * 1024;

    // Checked at every statement and call; the rest is headroom for the deepest single step (bounded by the nesting
    // limits) between two checks.
    private const long StackBudgetBytes = 24L * 1024 * 1024;

    private readonly TimeSpan _abandonGrace;
    private readonly MemoryLedger _ledger;

    /// <summary>Creates the sandbox.</summary>
    public JavaScriptSandbox() : this(TimeSpan.FromSeconds(2))
    {
    }

    internal JavaScriptSandbox(TimeSpan abandonGrace, MemoryLedger? ledger = null)
    {
        _abandonGrace = abandonGrace;
        _ledger = ledger ?? MemoryLedger.Process;
    }

    /// <inheritdoc />
    public CodeType CodeType => CodeType.JavaScript;

    /// <inheritdoc />
    public string Engine => EngineNames.Jint;

    /// <inheritdoc />
    public SandboxOutcome Execute(SandboxInvocation invocation)
    {
        ArgumentNullException.ThrowIfNull(invocation);
        var timeout = invocation.Timeout > TimeSpan.Zero ? invocation.Timeout : TimeSpan.Zero;
        if (ThreadStack.Remaining() >= ThreadStackBytes) return ExecuteHere(invocation, timeout);

        var deadline = CancellationTokenSource.CreateLinkedTokenSource(invocation.CancellationToken);
        deadline.CancelAfter(timeout);
        var finished = new ManualResetEventSlim();
        ExecutionGuard? guard = null;
        SandboxOutcome? outcome = null;
        var thread = new Thread(() =>
        {
            outcome = Run(invocation, timeout, deadline.Token, started => guard = started);
            finished.Set();
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

    private SandboxOutcome ExecuteHere(SandboxInvocation invocation, TimeSpan timeout)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(invocation.CancellationToken);
        deadline.CancelAfter(timeout);
        return Run(invocation, timeout, deadline.Token, _ => { });
    }

    // Runs on the thread that executes the script: the guard measures that thread's stack and allocations.
    private SandboxOutcome Run(SandboxInvocation invocation, TimeSpan timeout, CancellationToken deadline, Action<ExecutionGuard> started)
    {
        try
        {
            using var guard = new ExecutionGuard(timeout, deadline, invocation.MemoryLimitBytes, StackBudgetBytes, _ledger);
            started(guard);
            return new JavaScriptRun(invocation, guard, deadline).Execute();
        }
        catch (Exception e)
        {
            return SandboxOutcome.Failed(ErrorTypes.HostError, $"internal error in the JavaScript sandbox: {e.GetType().Name}: {e.Message}");
        }
    }
}
