namespace ScriptRunner.Core.Execution;

/// <summary>Every execution slot and queue place is taken; the caller should retry later.</summary>
public sealed class CapacityExceededException(string message) : Exception(message);
