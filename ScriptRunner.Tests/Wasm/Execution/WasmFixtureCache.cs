using ScriptRunner.Tests.Support;
using ScriptRunner.Wasm;

namespace ScriptRunner.Tests.Wasm.Execution;

/// <summary>
/// One compiled module shared by the tests of a class (wat2wasm runs once); every call gets a fresh store and
/// instance, so tests stay independent.
/// </summary>
internal sealed class WasmFixtureCache(string wat)
{
    private readonly Lazy<(Engine Engine, Module Module)> _compiled = new(() =>
    {
        var engine = new Engine();
        return (engine, Module.FromBytes(engine, WatCompiler.Compile(wat)));
    });

    public Value[] Call(string name, params Value[] args)
    {
        var (engine, module) = _compiled.Value;
        using var store = new Store(engine);
        var instance = new Linker(engine).Instantiate(store, module);
        return instance.GetFunction(name)!.Invoke(args);
    }
}
