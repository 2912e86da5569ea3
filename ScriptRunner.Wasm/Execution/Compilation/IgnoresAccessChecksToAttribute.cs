namespace System.Runtime.CompilerServices;

/// <summary>
/// Recognised by the runtime by name: applied to a generated assembly it lets that code use this assembly's internal
/// types, so compiled WebAssembly can reach runtime helpers without making them public.
/// </summary>
[AttributeUsage(AttributeTargets.Assembly, AllowMultiple = true)]
internal sealed class IgnoresAccessChecksToAttribute(string assemblyName) : Attribute
{
    public string AssemblyName { get; } = assemblyName;
}
