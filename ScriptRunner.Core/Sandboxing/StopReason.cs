namespace ScriptRunner.Core.Sandboxing;

/// <summary>Why the parent stopped a sandbox process.</summary>
internal enum StopReason
{
    None = 0,
    Timeout = 1,
    Memory = 2,
    Retired = 3,
}
