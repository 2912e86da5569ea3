using ScriptRunner.Core.Execution;
using ScriptRunner.Core.Model;

namespace ScriptRunner.Core.Sandboxing.Protocol;

/// <summary>The child is warm and waiting: its process id and resident memory at rest.</summary>
public sealed record ReadyMessage(int ProcessId, long ResidentBytes);

/// <summary>The child finished cleaning up after an execution and can take the next; its resident memory now.</summary>
public sealed record IdleMessage(long ResidentBytes);

/// <summary>
/// How an execution ended, measured inside the child. <paramref name="IdleResidentBytes"/> is set when the child had
/// nothing to clean up and is already idle: no <see cref="FrameKind.Idle"/> frame follows.
/// </summary>
public sealed record OutcomeMessage(SandboxOutcome Outcome, double ElapsedMs, long? IdleResidentBytes = null);
