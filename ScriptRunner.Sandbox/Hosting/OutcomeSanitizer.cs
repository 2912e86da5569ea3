using System.Text.Json.Nodes;
using ScriptRunner.Core.Execution;
using ScriptRunner.Core.Hosting;
using ScriptRunner.Core.Model;

namespace ScriptRunner.Sandbox.Hosting;

/// <summary>
/// Makes an outcome safe to send: text that cannot be encoded (lone surrogates a script made) is repaired, and a
/// result too large for the answer becomes <c>OutputLimit</c> here rather than a huge frame.
/// </summary>
internal static class OutcomeSanitizer
{
    public static SandboxOutcome Clean(SandboxOutcome outcome, long maxResultBytes)
    {
        var result = outcome.Result is null ? null : WellFormed(outcome.Result);
        if (result is not null)
        {
            var size = System.Text.Encoding.UTF8.GetByteCount(result.ToJsonString());
            if (size > maxResultBytes)
            {
                return outcome with
                {
                    Success = false,
                    Result = null,
                    ErrorType = ErrorTypes.OutputLimit,
                    Error = $"The result is {size} bytes of JSON, over the {maxResultBytes}-byte output limit.",
                };
            }
        }

        return outcome with
        {
            Result = result,
            Error = outcome.Error is null ? null : JsonTextSize.WellFormed(outcome.Error),
            Stack = outcome.Stack is null ? null : JsonTextSize.WellFormed(outcome.Stack),
        };
    }

    private static JsonNode? WellFormed(JsonNode? node) => node switch
    {
        null => null,
        JsonObject obj => Rebuild(obj),
        JsonArray array => new JsonArray(array.Select(item => WellFormed(item)).ToArray()),
        JsonValue value when value.GetValueKind() == System.Text.Json.JsonValueKind.String =>
            JsonValue.Create(JsonTextSize.WellFormed(value.GetValue<string>())),
        _ => node.DeepClone(),
    };

    private static JsonObject Rebuild(JsonObject obj)
    {
        var clean = new JsonObject();
        foreach (var (key, value) in obj) clean[JsonTextSize.WellFormed(key)] = WellFormed(value);
        return clean;
    }
}
