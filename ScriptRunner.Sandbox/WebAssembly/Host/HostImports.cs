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
    /// <summary>The host functions of the run described by <paramref name="invocation"/>, ending at its deadline.</summary>
    public static HostFunction[] ForRun(SandboxInvocation invocation)
    {
        var deadline = invocation.Deadline.Token;
        var functions = new List<HostFunction>(64);
        WasiModule.AddTo(functions, new WasiContext(invocation.Job.Args, invocation.Job.EnvVars, invocation.Job.Stdin, invocation.Host, deadline));
        new EnvHostModule(invocation.Host, deadline).AddTo(functions);
        return [.. functions];
    }
}
