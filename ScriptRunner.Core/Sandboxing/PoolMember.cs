namespace ScriptRunner.Core.Sandboxing;

/// <summary>One place in the pool: its state and, once it is ready, its process. Changed only by <see cref="PoolStateMachine{TProcess}"/>.</summary>
internal sealed class PoolMember<TProcess>(int id, bool asSpare, PoolMember<TProcess>? supersedes)
    where TProcess : class
{
    /// <summary>A number for the log, unique in its pool.</summary>
    public int Id { get; } = id;

    /// <summary>The state it is in.</summary>
    public SandboxState State { get; internal set; } = SandboxState.Starting;

    /// <summary>The process, once ready.</summary>
    public TProcess? Process { get; internal set; }

    /// <summary>While starting: it will be held back as a spare rather than serve.</summary>
    public bool AsSpare { get; } = asSpare;

    /// <summary>While starting: the process it will replace once ready (one due for recycling), if any.</summary>
    public PoolMember<TProcess>? Supersedes { get; internal set; } = supersedes;

    /// <summary>Busy with an execution of code that faulted recently.</summary>
    internal bool HeldBySuspect { get; set; }

    /// <summary>Its successor is already starting: no second one is started.</summary>
    internal bool ReplacementStarted { get; set; }

    /// <inheritdoc />
    public override string ToString() => Process is null ? $"sandbox #{Id}" : $"sandbox #{Id} ({Process})";
}
