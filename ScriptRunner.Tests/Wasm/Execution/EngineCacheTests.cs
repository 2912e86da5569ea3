using ScriptRunner.Tests.Support;
using ScriptRunner.Wasm;

namespace ScriptRunner.Tests.Wasm.Execution;

public class EngineCacheTests
{
    private static readonly byte[] First = WatCompiler.Compile("""(module (func (export "f") (result i32) (i32.const 1)))""");
    private static readonly byte[] Second = WatCompiler.Compile("""(module (func (export "f") (result i32) (i32.const 2)))""");

    [Fact]
    public void FromBytes_SameBytesTwice_ReturnsTheCachedCompilation()
    {
        var engine = new Engine();
        var compiled = Module.FromBytes(engine, First);
        var cached = Module.FromBytes(engine, First.ToArray());
        Assert.False(compiled.FromCache);
        Assert.True(cached.FromCache);
        Assert.Equal(compiled.Sha256, cached.Sha256);
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(First)), cached.Sha256);
    }

    [Fact]
    public void CachedModule_InstantiatesAndRuns()
    {
        var engine = new Engine();
        Module.FromBytes(engine, First);
        using var store = new Store(engine);
        var instance = new Linker(engine).Instantiate(store, Module.FromBytes(engine, First));
        Assert.Equal(1, instance.GetFunction("f")!.Invoke()[0].AsI32());
    }

    [Fact]
    public void Cache_DropsTheLeastRecentlyUsedModule()
    {
        var engine = new Engine(new EngineOptions { MaxCachedModules = 1 });
        Module.FromBytes(engine, First);
        Module.FromBytes(engine, Second);
        Assert.False(Module.FromBytes(engine, First).FromCache);
        Assert.True(Module.FromBytes(engine, First).FromCache);
    }

    [Fact]
    public void OtherEngine_DoesNotShareTheCache() =>
        Assert.False(Module.FromBytes(new Engine(), First).FromCache);

    [Fact]
    public void ModuleFromAnotherEngine_IsRejectedByTheStore()
    {
        var module = Module.FromBytes(new Engine(), First);
        var engine = new Engine();
        using var store = new Store(engine);
        Assert.Throws<ArgumentException>(() => new Linker(engine).Instantiate(store, module));
    }

    [Fact]
    public void InvalidBytes_ThrowCompileException() =>
        Assert.Throws<CompileException>(() => Module.FromBytes(new Engine(), [0, 97, 115, 109, 2, 0, 0, 0]));

    [Fact]
    public void Module_DescribesImportsAndExports()
    {
        var engine = new Engine();
        var module = Module.FromBytes(engine, WatCompiler.Compile("""
            (module
              (import "env" "f" (func (param i64) (result f32)))
              (memory (export "mem") 1)
              (func (export "g") (param i32 i32)))
            """));
        var import = Assert.Single(module.Imports);
        Assert.Equal(("env", "f", ExternKind.Function), (import.Module, import.Name, import.Kind));
        Assert.Equal("(i64) -> (f32)", import.FunctionType!.ToString());
        Assert.Equal(["mem", "g"], module.Exports.Select(e => e.Name));
        Assert.Equal("(i32, i32) -> ()", module.Exports[1].FunctionType!.ToString());
    }
}
