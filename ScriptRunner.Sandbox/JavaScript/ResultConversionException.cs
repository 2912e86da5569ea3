namespace ScriptRunner.Sandbox.JavaScript;

/// <summary>The script's result cannot become JSON (a function, a cycle, too deep): reported as a runtime error.</summary>
internal sealed class ResultConversionException(string message) : Exception(message);
