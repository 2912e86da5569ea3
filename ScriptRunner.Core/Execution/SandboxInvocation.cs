using ScriptRunner.Core.Hosting;

namespace ScriptRunner.Core.Execution;

/// <summary>One run on an engine: the job, the host it may reach, and the deadline it obeys.</summary>
/// <param name="Job">What to run, with its inputs and limits.</param>
/// <param name="Host">Output capture, outbound fetch and clock for the script.</param>
/// <param name="Deadline">The run's one deadline: its token stops the run, and it words the <c>Timeout</c> answer.</param>
public sealed record SandboxInvocation(SandboxJob Job, HostBindings Host, ExecutionDeadline Deadline);
