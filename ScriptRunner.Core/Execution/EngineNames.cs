using ScriptRunner.Core.Model;

namespace ScriptRunner.Core.Execution;

/// <summary>The engines a request may name in <c>engine</c>, and the code type each runs.</summary>
public static class EngineNames
{
    /// <summary>Jint, the managed JavaScript interpreter.</summary>
    public const string Jint = "jint";

    /// <summary>V8 through ClearScript.</summary>
    public const string V8 = "v8";

    /// <summary>Wasmtime, the native WebAssembly engine.</summary>
    public const string Wasmtime = "wasmtime";

    /// <summary>ScriptRunner.Wasm, the managed WebAssembly runtime.</summary>
    public const string Managed = "managed";

    /// <summary>Every engine name, in documentation order.</summary>
    public static IReadOnlyList<string> All { get; } = [Jint, V8, Wasmtime, Managed];

    /// <summary>The code type <paramref name="engine"/> runs, or null when the name is unknown.</summary>
    public static CodeType? CodeTypeOf(string? engine) => engine switch
    {
        Jint or V8 => CodeType.JavaScript,
        Wasmtime or Managed => CodeType.Wasm,
        _ => null,
    };

    /// <summary>The lower-case engine name, or null when <paramref name="engine"/> names none.</summary>
    public static string? Normalize(string? engine)
    {
        if (engine is null) return null;
        var lower = engine.Trim().ToLowerInvariant();
        return CodeTypeOf(lower) is null ? null : lower;
    }
}
