namespace ScriptRunner.Sandbox.WebAssembly;

/// <summary>A host function was handed a pointer range outside the module's linear memory.</summary>
internal sealed class GuestMemoryFault(string message) : Exception(message);
