namespace ScriptRunner.Sandbox.WebAssembly.Host;

/// <summary>The value types host functions take and return: every env and WASI function uses only these two.</summary>
internal enum HostValueKind
{
    I32,
    I64,
}
