namespace ScriptRunner.Sandbox.JavaScript;

/// <summary>Which limit ended a run.</summary>
internal enum LimitKind
{
    Timeout,
    Memory,
}

/// <summary>
/// Ends a run when a limit is hit. It is not a <c>JavaScriptException</c>, so Jint unwinds it straight through every
/// script <c>try/catch</c>: a script cannot swallow its own deadline or memory cap.
/// </summary>
internal sealed class SandboxLimitException(LimitKind kind, string message) : Exception(message)
{
    public LimitKind Kind { get; } = kind;
}
