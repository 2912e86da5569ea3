namespace ScriptRunner.Core.Model;

/// <summary>One structured log line written by a script through <c>app_log</c>.</summary>
public sealed record LogEntry(string Level, string Message, DateTimeOffset Timestamp);
