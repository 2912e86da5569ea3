namespace ScriptRunner.Sandbox.WebAssembly.Host;

/// <summary>The body of a host function: reads its arguments, does the work, writes its results as 64-bit integers.</summary>
internal delegate void HostFunctionBody(in HostCall call, Span<long> results);
