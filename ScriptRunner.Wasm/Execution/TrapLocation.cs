using System.Diagnostics;
using System.Globalization;
using ScriptRunner.Wasm.Execution.Compilation;

namespace ScriptRunner.Wasm.Execution;

/// <summary>Finds which WebAssembly function a trap was raised in, from the exception's stack trace.</summary>
internal static class TrapLocation
{
    public static string? FunctionName(Exception exception, Engine engine)
    {
        foreach (var frame in new StackTrace(exception, fNeedFileInfo: false).GetFrames())
        {
            var method = frame.GetMethod();
            if (method?.DeclaringType is not { } type
                || !engine.CompiledTypes.TryGetValue(type, out var module)
                || !method.Name.StartsWith(ModuleCompiler.MethodPrefix, StringComparison.Ordinal)
                || !int.TryParse(method.Name.AsSpan(ModuleCompiler.MethodPrefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var index))
            {
                continue;
            }

            return module.FunctionNames[index] is { Length: > 0 } name ? name : $"func[{index}]";
        }

        return null;
    }
}
