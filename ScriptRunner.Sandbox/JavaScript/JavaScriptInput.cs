using System.Text;
using System.Text.Json;
using ScriptRunner.Core.Execution;

namespace ScriptRunner.Sandbox.JavaScript;

/// <summary>The prelude's input, as JSON: the code form, whether a script exports at its top level, which locale APIs it names, the handler name, the seed request, the memory cap and the env vars.</summary>
internal static class JavaScriptInput
{
    /// <summary>Serializes the invocation's inputs for the prelude.</summary>
    public static string Json(SandboxInvocation invocation, PreparedJavaScript code)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("kind", code.Form == JavaScriptCodeForm.Module ? "module" : "script");
            writer.WriteBoolean("exportsAtTopLevel", code.ExportsAtTopLevel);
            writer.WriteNumber("locale", (int)code.Locale);
            if (invocation.Job.Handler is { } handler) writer.WriteString("handler", handler);
            else writer.WriteNull("handler");
            WriteRequest(writer, invocation.Job.Request);
            // The prelude bounds what it holds for the script (blob bytes) by the execution's memory cap.
            writer.WriteNumber("memoryBytes", invocation.Job.MemoryLimitBytes);
            writer.WriteStartObject("env");
            foreach (var (name, value) in invocation.Job.EnvVars) writer.WriteString(name, value);
            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    // The request a handler receives: the caller's object (anything else counts as {}), with each missing or null field
    // of the seed shape given its default, in the caller's order and then the shape's.
    private static readonly (string Name, Action<Utf8JsonWriter> Default)[] RequestDefaults =
    [
        ("method", w => w.WriteStringValue("GET")),
        ("url", w => w.WriteStringValue("/")),
        ("headers", w => { w.WriteStartObject(); w.WriteEndObject(); }),
        ("body", w => w.WriteStringValue("")),
        ("query", w => { w.WriteStartObject(); w.WriteEndObject(); }),
    ];

    /// <summary>The request a handler receives, as JSON (see <see cref="Json"/>).</summary>
    public static string RequestJson(SandboxInvocation invocation)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer)) WriteRequest(writer, invocation.Job.Request, named: false);
        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    private static void WriteRequest(Utf8JsonWriter writer, JsonElement? request, bool named = true)
    {
        if (named) writer.WriteStartObject("request");
        else writer.WriteStartObject();
        Span<bool> written = stackalloc bool[RequestDefaults.Length];
        if (request is { ValueKind: JsonValueKind.Object } given)
        {
            foreach (var property in given.EnumerateObject())
            {
                writer.WritePropertyName(property.Name);
                var index = Array.FindIndex(RequestDefaults, d => d.Name == property.Name);
                if (index >= 0) written[index] = true;
                if (index >= 0 && property.Value.ValueKind == JsonValueKind.Null) RequestDefaults[index].Default(writer);
                else property.Value.WriteTo(writer);
            }
        }

        for (var i = 0; i < RequestDefaults.Length; i++)
        {
            if (written[i]) continue;
            writer.WritePropertyName(RequestDefaults[i].Name);
            RequestDefaults[i].Default(writer);
        }

        writer.WriteEndObject();
    }

    /// <summary>The code as text: UTF-8 without its byte-order mark.</summary>
    public static string Source(ReadOnlySpan<byte> code)
    {
        if (code.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) code = code[3..];
        return Encoding.UTF8.GetString(code);
    }
}
