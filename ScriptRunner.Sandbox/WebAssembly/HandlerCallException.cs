namespace ScriptRunner.Sandbox.WebAssembly;

/// <summary>The request's handler or params do not fit the module: missing export, wrong count or type.</summary>
internal sealed class HandlerCallException(string message) : Exception(message);
