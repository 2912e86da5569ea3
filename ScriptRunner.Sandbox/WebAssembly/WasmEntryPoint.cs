using System.Text.Json;
using ScriptRunner.Core.Execution;
using ScriptRunner.Core.Model;
using ScriptRunner.Wasm;

namespace ScriptRunner.Sandbox.WebAssembly;

/// <summary>
/// What a run calls, decided from the module's exports before instantiation so a bad handler or params costs no
/// guest code: the WASI command's <c>_start</c>, or a handler export with its converted arguments. Both engines
/// describe their exports with ScriptRunner.Wasm's <see cref="ExportType"/>, so they accept and refuse the same calls.
/// </summary>
internal sealed class WasmEntryPoint
{
    private WasmEntryPoint(string export, Value[]? arguments)
    {
        Export = export;
        Arguments = arguments;
    }

    /// <summary>The export to call.</summary>
    public string Export { get; }

    /// <summary>The handler's arguments; null for a WASI command.</summary>
    public Value[]? Arguments { get; }

    /// <summary>The entry point for <paramref name="handler"/> (null: the WASI command); a <see cref="HandlerCallException"/> when it does not fit.</summary>
    public static WasmEntryPoint Resolve(IReadOnlyList<ExportType> exports, string? handler, IReadOnlyList<JsonElement> parameters)
    {
        if (handler is null)
        {
            var start = FindFunction(exports, ManagedWasmSandbox.StartExport,
                "the module has no _start export, so it is not a WASI command; name the export to call with `handler`");
            if (start.FunctionType!.Parameters.Count != 0 || start.FunctionType.Results.Count != 0)
            {
                throw new HandlerCallException($"export '_start' has signature {start.FunctionType}; a WASI command's _start takes and returns nothing");
            }

            return new WasmEntryPoint(ManagedWasmSandbox.StartExport, null);
        }

        var export = FindFunction(exports, handler, $"the module has no export named '{handler}'");
        return new WasmEntryPoint(handler, WasmValueConverter.ToArguments(handler, export.FunctionType!, parameters));
    }

    /// <summary>The outcome of a run that called <c>proc_exit</c>: success for 0, else an ExitCode error.</summary>
    public static SandboxOutcome Exited(int code) => code == 0
        ? SandboxOutcome.Succeeded(null, exitCode: 0)
        : SandboxOutcome.Failed(ErrorTypes.ExitCode, $"the program exited with code {code}") with { ExitCode = code };

    /// <summary>Calls the entry point on a fresh instance of the managed engine.</summary>
    public SandboxOutcome Run(Instance instance)
    {
        var function = instance.GetFunction(Export)!;
        if (Arguments is null)
        {
            function.Invoke();
            return Exited(0);
        }

        // A reactor's constructors run in _initialize; its exports are not meant to be called before.
        if (instance.GetFunction(ManagedWasmSandbox.InitializeExport) is { } initialize
            && initialize.Type.Parameters.Count == 0 && initialize.Type.Results.Count == 0)
        {
            initialize.Invoke();
        }

        return SandboxOutcome.Succeeded(WasmValueConverter.ToJson(function.Invoke(Arguments)));
    }

    private static ExportType FindFunction(IReadOnlyList<ExportType> exports, string name, string missing)
    {
        var export = exports.FirstOrDefault(e => e.Name == name);
        if (export is null)
        {
            throw new HandlerCallException($"{missing}; its function exports are: {DescribeFunctions(exports)}");
        }

        if (export.Kind != ExternKind.Function)
        {
            throw new HandlerCallException(
                $"export '{name}' is a {export.Kind.ToString().ToLowerInvariant()}, not a function; its function exports are: {DescribeFunctions(exports)}");
        }

        return export;
    }

    private static string DescribeFunctions(IReadOnlyList<ExportType> exports)
    {
        var functions = exports
            .Where(e => e.Kind == ExternKind.Function)
            .Select(e => $"{e.Name} {e.FunctionType}")
            .ToList();
        return functions.Count == 0 ? "(none)" : string.Join(", ", functions);
    }
}
