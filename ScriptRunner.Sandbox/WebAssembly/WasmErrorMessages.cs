using ScriptRunner.Core.Execution;
using ScriptRunner.Core.Model;
using ScriptRunner.Wasm;

namespace ScriptRunner.Sandbox.WebAssembly;

/// <summary>Turns runtime failures into outcomes with messages a caller can act on.</summary>
internal static class WasmErrorMessages
{
    private const string StdlibHint =
        "the sandbox provides wasi_snapshot_preview1 (WASI preview1) and env.app_log, env.get_unixtime, " +
        "env.capture_stdout, env.capture_stderr, env.fetch";

    /// <summary>Instantiation failed: list every unknown import, or pass the runtime's reason (e.g. a type mismatch).</summary>
    public static string Link(LinkException e) => e.UnknownImports.Count > 0
        ? UnknownImports(e.UnknownImports)
        : $"the module cannot be linked: {e.Message}";

    /// <summary>The message for imports the sandbox does not provide, each as <c>module::name</c>.</summary>
    public static string UnknownImports(IReadOnlyList<string> imports) =>
        $"the module imports what the sandbox does not provide: {string.Join(", ", imports)} ({StdlibHint})";

    /// <summary>A trap as an outcome: Timeout and MemoryLimit get their own error types, everything else is a Trap.</summary>
    public static SandboxOutcome Trap(TrapException e, SandboxInvocation invocation)
    {
        var where = e.FunctionName is { Length: > 0 } name ? $" in function '{name}'" : "";
        var memoryLimitBytes = invocation.Job.MemoryLimitBytes;
        return e.Kind switch
        {
            TrapKind.Timeout => invocation.Deadline.Stopped(where),
            TrapKind.MemoryLimitExceeded => SandboxOutcome.Failed(ErrorTypes.MemoryLimit,
                $"{MemoryLimitPrefix(e.Message)} (the execution's memory limit is {memoryLimitBytes / (1024 * 1024)} MiB)"),
            TrapKind.HostError when e.InnerException is OutOfMemoryException or InsufficientMemoryException => SandboxOutcome.Failed(ErrorTypes.MemoryLimit,
                $"memory limit exceeded: a host function{where} ran out of memory (the execution's memory limit is {memoryLimitBytes / (1024 * 1024)} MiB)"),
            TrapKind.HostError when e.InnerException is { } inner => SandboxOutcome.Failed(ErrorTypes.HostError,
                $"a host function failed{where}: {inner.Message}"),
            _ => SandboxOutcome.Failed(ErrorTypes.Trap, $"wasm trap: {e.Message}{where}", e.FunctionName is null ? null : $"at {e.FunctionName}"),
        };
    }

    // Worded as Wasmtime's answers are, so both engines begin a memory-limit answer the same way.
    private static string MemoryLimitPrefix(string message) =>
        message.StartsWith("memory limit exceeded", StringComparison.Ordinal) ? message : $"memory limit exceeded: {message}";
}
