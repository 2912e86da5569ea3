namespace ScriptRunner.Wasm.Structure;

/// <summary>A global defined by the module (not imported) with its initializer.</summary>
internal sealed record GlobalDefinition(GlobalType Type, ConstantExpression Init);
