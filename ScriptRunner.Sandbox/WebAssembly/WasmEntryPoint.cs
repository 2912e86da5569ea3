using System.Text.Json;
using ScriptRunner.Core.Execution;
using ScriptRunner.Core.Model;
using ScriptRunner.Wasm;

namespace ScriptRunner.Sandbox.WebAssembly;

/// <summary>
/// What a run calls, decided from the module's exports before instantiation so a bad handler or params costs no
/// guest code: the WASI command's <c>_start</c>, or a handler export with its converted arguments.
/// </summary>
internal sealed class WasmEntryPoint
{
    private readonly string _export;
    private readonly Value[]? _arguments;

    private WasmEntryPoint(string export, Value[]? arguments)
    {
        _export = export;
        _arguments = arguments;
    }

    /// <summary>The entry point for <paramref name="handler"/> (null: the WASI command); a <see cref="HandlerCallException"/> when it does not fit.</summary>
    public static WasmEntryPoint Resolve(Module module, string? handler, IReadOnlyList<JsonElement> parameters)
    {
        if (handler is null)
        {
            var start = FindFunction(module, WasmSandbox.StartExport,
                "the module has no _start export, so it is not a WASI command; name the export to call with `handler`");
            if (start.FunctionType!.Parameters.Count != 0 || start.FunctionType.Results.Count != 0)
            {
                throw new HandlerCallException($"export '_start' has signature {start.FunctionType}; a WASI command's _start takes and returns nothing");
            }

            return new WasmEntryPoint(WasmSandbox.StartExport, null);
        }

        var export = FindFunction(module, handler, $"the module has no export named '{handler}'");
        return new WasmEntryPoint(handler, WasmValueConverter.ToArguments(handler, export.FunctionType!, parameters));
    }

    /// <summary>The outcome of a run that called <c>proc_exit</c>: success for 0, else an ExitCode error.</summary>
    public static SandboxOutcome Exited(int code) => code == 0
        ? SandboxOutcome.Succeeded(null, exitCode: 0)
        : SandboxOutcome.Failed(ErrorTypes.ExitCode, $"the program exited with code {code}") with { ExitCode = code };

    /// <summary>Calls the entry point on a fresh instance.</summary>
    public SandboxOutcome Run(Instance instance)
    {
        var function = instance.GetFunction(_export)!;
        if (_arguments is null)
        {
            function.Invoke();
            return Exited(0);
        }

        // A reactor's constructors run in _initialize; its exports are not meant to be called before.
        if (instance.GetFunction(WasmSandbox.InitializeExport) is { } initialize
            && initialize.Type.Parameters.Count == 0 && initialize.Type.Results.Count == 0)
        {
            initialize.Invoke();
        }

        return SandboxOutcome.Succeeded(WasmValueConverter.ToJson(function.Invoke(_arguments)));
    }

    private static ExportType FindFunction(Module module, string name, string missing)
    {
        var export = module.Exports.FirstOrDefault(e => e.Name == name);
        if (export is null)
        {
            throw new HandlerCallException($"{missing}; its function exports are: {DescribeFunctions(module)}");
        }

        if (export.Kind != ExternKind.Function)
        {
            throw new HandlerCallException(
                $"export '{name}' is a {export.Kind.ToString().ToLowerInvariant()}, not a function; its function exports are: {DescribeFunctions(module)}");
        }

        return export;
    }

    private static string DescribeFunctions(Module module)
    {
        var functions = module.Exports
            .Where(e => e.Kind == ExternKind.Function)
            .Select(e => $"{e.Name} {e.FunctionType}")
            .ToList();
        return functions.Count == 0 ? "(none)" : string.Join(", ", functions);
    }
}
