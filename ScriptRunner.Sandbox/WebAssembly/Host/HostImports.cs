using ScriptRunner.Core.Execution;
using ScriptRunner.Sandbox.WebAssembly.Wasi;

namespace ScriptRunner.Sandbox.WebAssembly.Host;

/// <summary>
/// Every host function one run offers, WASI preview1 then env, bound to that run's stdin, output, clock and fetch
/// policy. The list has the same functions in the same order for every run, so an engine may bind it once and
/// dispatch by index.
/// </summary>
internal static class HostImports
{
    /// <summary>The host functions of the run described by <paramref name="invocation"/>, ending at <paramref name="deadline"/>.</summary>
    public static HostFunction[] ForRun(SandboxInvocation invocation, CancellationToken deadline)
    {
        var functions = new List<HostFunction>(64);
        WasiModule.AddTo(functions, new WasiContext(invocation.Args, invocation.EnvVars, invocation.Stdin, invocation.Host, deadline));
        new EnvHostModule(invocation.Host, deadline).AddTo(functions);
        return [.. functions];
    }
}
