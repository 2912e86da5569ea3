namespace ScriptRunner.Wasm;

/// <summary>A host function called with raw values: read <paramref name="args"/>, fill <paramref name="results"/>.</summary>
public delegate void HostCallback(Caller caller, ReadOnlySpan<Value> args, Span<Value> results);
