namespace ScriptRunner.Wasm.Execution;

/// <summary>Creates and initialises instances (spec 4.5.4): imports, globals, tables, memory, segments, start.</summary>
internal static class Instantiator
{
    public static Instance Instantiate(Store store, Module module, object[] imports)
    {
        throw new LinkException("instantiation is not available yet");
    }
}
