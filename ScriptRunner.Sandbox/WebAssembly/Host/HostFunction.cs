namespace ScriptRunner.Sandbox.WebAssembly.Host;

/// <summary>A host function of one run, ready to be bound to either engine's linker.</summary>
internal sealed record HostFunction(
    string Module,
    string Name,
    IReadOnlyList<HostValueKind> Parameters,
    IReadOnlyList<HostValueKind> Results,
    HostFunctionBody Body)
{
    /// <summary><c>module.name</c>, as messages show it.</summary>
    public string QualifiedName { get; } = $"{Module}.{Name}";
}
