namespace ScriptRunner.Core.Sandboxing;

/// <summary>Where one sandbox process stands in the pool. A process is in exactly one state at a time.</summary>
public enum SandboxState
{
    /// <summary>Being started and warmed; not yet ready.</summary>
    Starting,

    /// <summary>Warm and held back, to take the place of a process that leaves.</summary>
    Spare,

    /// <summary>In service and free.</summary>
    Idle,

    /// <summary>Running an execution, or cleaning up after one.</summary>
    Busy,

    /// <summary>Running an execution after its successor took its place: it leaves when the run ends.</summary>
    Draining,

    /// <summary>Leaving: asked to exit, killed if it does not.</summary>
    Retiring,
}
