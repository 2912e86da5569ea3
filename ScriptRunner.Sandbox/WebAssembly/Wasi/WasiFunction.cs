using ScriptRunner.Sandbox.WebAssembly.Host;

namespace ScriptRunner.Sandbox.WebAssembly.Wasi;

/// <summary>The body of a WASI function: reads its arguments, does the work, answers an errno.</summary>
internal delegate WasiErrno WasiFunction(in HostCall call);
