using ScriptRunner.Core.Execution;
using ScriptRunner.Core.Hosting;

namespace ScriptRunner.Benchmarks;

/// <summary>One run straight on an engine, with the job's own deadline, as a sandbox process makes it.</summary>
internal static class EngineCall
{
    public static SandboxOutcome Run(IScriptSandbox sandbox, SandboxJob job, HostBindings host)
    {
        using var deadline = ExecutionDeadline.Start(job);
        return sandbox.Execute(new SandboxInvocation(job, host, deadline));
    }
}
