namespace ScriptRunner.Core.Sandboxing;

/// <summary>A sandbox process could not be started or did not become ready.</summary>
public sealed class SandboxStartException(string message) : Exception(message);
