namespace ScriptRunner.Sandbox.JavaScript;

/// <summary>The execution's promise is pending and nothing is left (no timer, no job) that could ever settle it.</summary>
internal sealed class NeverSettlesException() : Exception("the handler's promise never settled");
