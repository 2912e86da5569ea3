namespace ScriptRunner.Wasm.Validation;

/// <summary>Facts about a validated function body that a compiler may use to size its own structures.</summary>
/// <param name="MaxOperandDepth">Largest operand stack height reached (values, not bytes).</param>
/// <param name="MaxControlDepth">Deepest nesting of blocks, loops and ifs, counting the function body.</param>
internal readonly record struct FunctionFacts(int MaxOperandDepth, int MaxControlDepth);
