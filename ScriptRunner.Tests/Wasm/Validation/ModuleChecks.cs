using ScriptRunner.Tests.Support;
using System.Collections.Immutable;
using ScriptRunner.Tests.Wasm.Binary;
using ScriptRunner.Wasm;
using ScriptRunner.Wasm.Binary;
using ScriptRunner.Wasm.Validation;

namespace ScriptRunner.Tests.Wasm.Validation;

/// <summary>Decode-and-validate helpers for validator tests.</summary>
internal static class ModuleChecks
{
    /// <summary>Validates text that must be valid; returns the per-function facts.</summary>
    public static ImmutableArray<FunctionFacts> Valid(string wat) => Valid(WatCompiler.Compile(wat, check: false));

    /// <summary>Validates bytes that must be valid.</summary>
    public static ImmutableArray<FunctionFacts> Valid(byte[] bytes) => ModuleValidator.Validate(ModuleReader.Read(bytes));

    /// <summary>Asserts that text (compiled without wat2wasm's own checks) is rejected as invalid with <paramref name="phrase"/>.</summary>
    public static CompileException Invalid(string wat, string phrase) => Invalid(WatCompiler.Compile(wat, check: false), phrase);

    /// <summary>Asserts that well-formed bytes are rejected as invalid with <paramref name="phrase"/>.</summary>
    public static CompileException Invalid(byte[] bytes, string phrase)
    {
        var module = ModuleReader.Read(bytes);
        var error = Assert.Throws<CompileException>(() => ModuleValidator.Validate(module));
        Assert.False(error.IsMalformed);
        Assert.StartsWith("invalid module: ", error.Message);
        Assert.Contains(phrase, error.Message);
        return error;
    }
}
