using System.Text.Json;
using System.Text.Json.Nodes;
using ScriptRunner.Core.Execution;
using ScriptRunner.Core.Model;

namespace ScriptRunner.Sandbox.JavaScript;

/// <summary>The engine-neutral shapes of a JavaScript run's outcome: results, script errors, compile errors and limits.</summary>
internal static class JavaScriptOutcomes
{
    /// <summary>The source name user code runs under, as it appears in stacks and compile errors.</summary>
    public const string SourceName = "main.js";

    private static readonly JsonDocumentOptions ResultOptions = new() { MaxDepth = 600 };

    /// <summary>Turns the runtime's <c>outcome()</c> JSON into the sandbox outcome.</summary>
    public static SandboxOutcome FromRuntime(string outcomeJson)
    {
        JsonObject node;
        try
        {
            // Scripts can make strings no UTF-8 can hold ('\ud800'); JSON.stringify escapes them, .NET cannot read them back.
            node = JsonNode.Parse(Core.Hosting.JsonTextSize.WellFormedJson(outcomeJson), documentOptions: ResultOptions)!.AsObject();
        }
        catch (JsonException e)
        {
            return Runtime($"the result could not be read: {e.Message}", null);
        }

        if (node["ok"]!.GetValue<bool>()) return SandboxOutcome.Succeeded(node["result"]?.DeepClone());
        return Runtime(node["message"]!.GetValue<string>(), node["stack"]?.GetValue<string>());
    }

    /// <summary>A script error with its message and stack.</summary>
    public static SandboxOutcome Runtime(string message, string? stack) => SandboxOutcome.Failed(ErrorTypes.RuntimeError, message, stack);

    /// <summary>A syntax error, with line and column in the message and the stack.</summary>
    public static SandboxOutcome Compile(string description, int line, int column) =>
        SandboxOutcome.Failed(ErrorTypes.CompileError, $"SyntaxError: {description} (line {line}, column {column})",
            $"SyntaxError: {description}\n    at {SourceName}:{line}:{column}");

    /// <summary>The execution's promise was left pending with nothing that could settle it.</summary>
    public static SandboxOutcome NeverSettled() =>
        SandboxOutcome.Failed(ErrorTypes.Timeout, "execution timed out: the promise it waits for never settled (no timer or pending job was left to settle it)");

    /// <summary>The engine's memory limit was reached.</summary>
    public static SandboxOutcome Memory(long limitBytes) =>
        SandboxOutcome.Failed(ErrorTypes.MemoryLimit, $"memory limit of {limitBytes / (1024 * 1024)} MB exceeded");

    /// <summary>The call stack went deeper than the engine's limit.</summary>
    public static SandboxOutcome CallStackExceeded() => Runtime("RangeError: Maximum call stack size exceeded", null);

    /// <summary>
    /// An unexpected failure of the sandbox itself. The answer says so in plain words (running out of memory is the
    /// memory limit); the details, which name .NET types, go to the sandbox process's stderr, which the service logs.
    /// </summary>
    public static SandboxOutcome HostError(Exception e, long memoryLimitBytes)
    {
        if (e is OutOfMemoryException or InsufficientMemoryException) return Memory(memoryLimitBytes);
        Console.Error.WriteLine($"JavaScript sandbox failure: {e}");
        return SandboxOutcome.Failed(ErrorTypes.HostError, "internal error in the JavaScript sandbox");
    }
}
