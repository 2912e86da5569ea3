namespace ScriptRunner.Core.Model;

/// <summary>The kind of code an execution runs.</summary>
public enum CodeType
{
    JavaScript,
    Wasm,
}
