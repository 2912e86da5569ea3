using System.Text.Json;

namespace ScriptRunner.Tests.Wasm.Conformance;

/// <summary>One command of a wast2json script (module, register, action or assertion).</summary>
internal sealed record WastCommand(
    string Type,
    int Line,
    string? Name,
    string? FileName,
    string? As,
    string? ModuleType,
    string? Text,
    WastAction? Action,
    IReadOnlyList<WastValue> Expected)
{
    /// <summary>Reads the whole "commands" array of a wast2json output file.</summary>
    public static IReadOnlyList<WastCommand> ReadScript(string jsonPath)
    {
        using var stream = File.OpenRead(jsonPath);
        using var document = JsonDocument.Parse(stream);
        var commands = new List<WastCommand>();
        foreach (var element in document.RootElement.GetProperty("commands").EnumerateArray())
            commands.Add(Parse(element));
        return commands;
    }

    private static WastCommand Parse(JsonElement element) => new(
        Type: element.GetProperty("type").GetString()!,
        Line: element.TryGetProperty("line", out var line) ? line.GetInt32() : 0,
        Name: OptionalString(element, "name"),
        FileName: OptionalString(element, "filename"),
        As: OptionalString(element, "as"),
        ModuleType: OptionalString(element, "module_type"),
        Text: OptionalString(element, "text"),
        Action: element.TryGetProperty("action", out var action) ? WastAction.Parse(action) : null,
        Expected: element.TryGetProperty("expected", out var expected) ? WastValue.ParseList(expected) : []);

    internal static string? OptionalString(JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}

/// <summary>An "invoke" or "get" action, optionally aimed at a named module.</summary>
internal sealed record WastAction(string Type, string? Module, string Field, IReadOnlyList<WastValue> Args)
{
    /// <summary>Reads an action object.</summary>
    public static WastAction Parse(JsonElement element) => new(
        Type: element.GetProperty("type").GetString()!,
        Module: WastCommand.OptionalString(element, "module"),
        Field: element.GetProperty("field").GetString()!,
        Args: element.TryGetProperty("args", out var args) ? WastValue.ParseList(args) : []);

    /// <summary>Short form for failure messages, e.g. <c>invoke "add"(i32:1, i32:2)</c>.</summary>
    public override string ToString() =>
        Type == "get"
            ? $"get {(Module is null ? "" : Module + " ")}\"{Field}\""
            : $"invoke {(Module is null ? "" : Module + " ")}\"{Field}\"({string.Join(", ", Args)})";
}
