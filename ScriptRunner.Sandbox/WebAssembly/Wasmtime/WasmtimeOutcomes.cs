using global::Wasmtime;
using ScriptRunner.Core.Execution;
using ScriptRunner.Core.Model;
using ScriptRunner.Sandbox.WebAssembly.Host;

namespace ScriptRunner.Sandbox.WebAssembly.Wasmtime;

/// <summary>Turns what Wasmtime throws into outcomes worded as the managed engine words them.</summary>
internal static class WasmtimeOutcomes
{
    /// <summary>
    /// A trap raised by guest code: Interrupt is the epoch deadline, everything else a Trap. Without a name section
    /// the only function that can be named is the called export, when the trap is in its own frame.
    /// </summary>
    public static SandboxOutcome Trap(TrapException e, string? export, ExecutionDeadline deadline)
    {
        var function = e.Frames?.FirstOrDefault(f => f.FunctionName is not null)?.FunctionName
            ?? (e.Frames is { Count: 1 } ? export : null);
        var where = function is null ? "" : $" in function '{function}'";
        return e.Type == TrapCode.Interrupt
            ? deadline.Stopped(where)
            : SandboxOutcome.Failed(ErrorTypes.Trap, $"wasm trap: {WasmtimeMessages.Trap(e.Type)}{where}", WasmtimeMessages.Stack(e));
    }

    /// <summary>An error that is not a guest trap: a host function's, an exit, or a failed instantiation.</summary>
    public static SandboxOutcome Error(WasmtimeException e, bool instantiating, SandboxInvocation invocation)
    {
        switch (e.InnerException)
        {
            case GuestExitException exit:
                return WasmEntryPoint.Exited(exit.Code);
            case HostTrapException { IsTimeout: true }:
                return invocation.Deadline.Stopped(Where(e));
            case HostTrapException misuse:
                return SandboxOutcome.Failed(ErrorTypes.Trap, $"wasm trap: {misuse.Message}{Where(e)}");
            case OutOfMemoryException or InsufficientMemoryException:
                return SandboxOutcome.Failed(ErrorTypes.MemoryLimit,
                    $"memory limit exceeded: a host function{Where(e)} ran out of memory (the execution's memory limit is {invocation.Job.MemoryLimitBytes / (1024 * 1024)} MiB)");
            case { } inner:
                return SandboxOutcome.Failed(ErrorTypes.HostError, $"a host function failed: {inner.Message}");
        }

        var text = WasmtimeMessages.OneLine(e.Message);
        if (text.Contains("exceeds memory limits", StringComparison.Ordinal)
            || text.Contains("resource limit exceeded", StringComparison.Ordinal)
            || text.Contains("exceeds table limits", StringComparison.Ordinal)
            || text.Contains("failed to grow", StringComparison.Ordinal))
        {
            return SandboxOutcome.Failed(ErrorTypes.MemoryLimit,
                $"memory limit exceeded: {text} (the execution's memory limit is {invocation.Job.MemoryLimitBytes / (1024 * 1024)} MiB)");
        }

        return instantiating
            ? SandboxOutcome.Failed(ErrorTypes.CompileError, $"the module cannot be linked: {text}")
            : SandboxOutcome.Failed(ErrorTypes.HostError, $"the WebAssembly runtime failed: {text}");
    }

    private static string Where(WasmtimeException e) =>
        WasmtimeMessages.FirstFunction(e.Message) is { } function ? $" in function '{function}'" : "";
}
