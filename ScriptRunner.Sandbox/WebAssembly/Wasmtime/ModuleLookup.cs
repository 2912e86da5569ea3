using ScriptRunner.Core.Model;
using ScriptRunner.Core.Execution;

namespace ScriptRunner.Sandbox.WebAssembly.Wasmtime;

/// <summary>A compiled module, or the outcome that ends the run without one, and where it came from.</summary>
internal sealed record ModuleLookup(global::Wasmtime.Module? Module, SandboxOutcome? Failure, CacheHit CacheHit, double CompileTimeMs);
