using ScriptRunner.Tests.Support;
using ScriptRunner.Wasm;

namespace ScriptRunner.Tests.Wasm.Execution;

/// <summary>Compiles a text module and instantiates it in a fresh store, for one test.</summary>
internal sealed class WasmFixture : IDisposable
{
    public WasmFixture(string wat, StoreLimits? limits = null, Action<Linker>? define = null, Engine? engine = null)
    {
        Engine = engine ?? new Engine();
        Store = new Store(Engine, limits);
        Module = Module.FromBytes(Engine, WatCompiler.Compile(wat));
        Linker = new Linker(Engine);
        define?.Invoke(Linker);
        Instance = Linker.Instantiate(Store, Module);
    }

    public Engine Engine { get; }

    public Store Store { get; }

    public Module Module { get; }

    public Linker Linker { get; }

    public Instance Instance { get; }

    public Value[] Call(string name, params Value[] args) =>
        (Instance.GetFunction(name) ?? throw new ArgumentException($"no export {name}")).Invoke(args);

    public int CallI32(string name, params Value[] args) => Call(name, args)[0].AsI32();

    public long CallI64(string name, params Value[] args) => Call(name, args)[0].AsI64();

    public void Dispose() => Store.Dispose();
}
