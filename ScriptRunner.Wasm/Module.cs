using System.Security.Cryptography;
using System.Diagnostics;
using ScriptRunner.Wasm.Binary;
using ScriptRunner.Wasm.Execution;
using ScriptRunner.Wasm.Execution.Compilation;
using ScriptRunner.Wasm.Validation;

namespace ScriptRunner.Wasm;

/// <summary>A compiled WebAssembly module, ready to be instantiated any number of times.</summary>
public sealed class Module
{
    private Module(CompiledModule compiled, bool fromCache)
    {
        Compiled = compiled;
        FromCache = fromCache;
    }

    /// <summary>True when the engine already had this module compiled.</summary>
    public bool FromCache { get; }

    /// <summary>Time spent decoding, validating and compiling (of the original compilation when cached).</summary>
    public TimeSpan CompileTime => Compiled.CompileTime;

    /// <summary>Lower-case hex SHA-256 of the module bytes.</summary>
    public string Sha256 => Compiled.Sha256;

    /// <summary>The module's imports in declaration order.</summary>
    public IReadOnlyList<ImportType> Imports => Compiled.Imports;

    /// <summary>The module's exports in declaration order.</summary>
    public IReadOnlyList<ExportType> Exports => Compiled.Exports;

    /// <summary>The engine the module was compiled by; it can only be instantiated in that engine's stores.</summary>
    public Engine Engine => Compiled.Engine;

    internal CompiledModule Compiled { get; }

    /// <summary>Decodes, validates and compiles a module, or returns the engine's cached compilation of the same bytes.</summary>
    public static Module FromBytes(Engine engine, ReadOnlySpan<byte> bytes)
    {
        ArgumentNullException.ThrowIfNull(engine);
        var sha = Convert.ToHexStringLower(SHA256.HashData(bytes));
        if (engine.Cache.TryGet(sha, out var cached))
        {
            return new Module(cached, fromCache: true);
        }

        var clock = Stopwatch.StartNew();
        var definition = ModuleReader.Read(bytes);
        ModuleValidator.Validate(definition);
        var compiled = ModuleCompiler.Compile(engine, definition, sha, clock);
        engine.Cache.Add(sha, compiled);
        return new Module(compiled, fromCache: false);
    }

    /// <summary>Decodes and validates a module without compiling it; throws CompileException when it is not valid.</summary>
    public static void Validate(ReadOnlySpan<byte> bytes) => ModuleValidator.Validate(ModuleReader.Read(bytes));
}
