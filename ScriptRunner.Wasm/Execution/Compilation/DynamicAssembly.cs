using System.Reflection;
using System.Reflection.Emit;
using System.Runtime.CompilerServices;

namespace ScriptRunner.Wasm.Execution.Compilation;

/// <summary>Creates collectible assemblies for generated code that may use this assembly's internals.</summary>
internal static class DynamicAssembly
{
    public static ModuleBuilder Create(string name)
    {
        var assembly = AssemblyBuilder.DefineDynamicAssembly(new AssemblyName(name), AssemblyBuilderAccess.RunAndCollect);
        var ctor = typeof(IgnoresAccessChecksToAttribute).GetConstructor([typeof(string)])!;
        assembly.SetCustomAttribute(new CustomAttributeBuilder(ctor, [typeof(DynamicAssembly).Assembly.GetName().Name!]));
        return assembly.DefineDynamicModule(name);
    }
}
