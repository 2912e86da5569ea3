namespace ScriptRunner.Sandbox.WebAssembly.Wasmtime;

/// <summary>What compiling one module gave: the module, or the plain-words reason it was rejected.</summary>
internal sealed record CompileResult(global::Wasmtime.Module? Module, string? Error, double CompileTimeMs);
