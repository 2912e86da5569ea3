namespace ScriptRunner.Wasm.Structure;

/// <summary>Size limits of a table (elements) or memory (64 KiB pages).</summary>
internal readonly record struct Limits(uint Min, uint? Max);
