using ScriptRunner.Core.Execution;
using ScriptRunner.Core.Hosting;
using ScriptRunner.Core.Model;

namespace ScriptRunner.Sandbox.Hosting;

/// <summary>
/// Makes an outcome safe to send: text that cannot be encoded (lone surrogates a script made) is repaired (the result's
/// was as it was written), and a result too large for the answer becomes <c>OutputLimit</c> here, where its JSON was
/// written, rather than a huge frame.
/// </summary>
internal static class OutcomeSanitizer
{
    public static SandboxOutcome Clean(SandboxOutcome outcome, long maxResultBytes)
    {
        if (outcome.Result is { Length: var size } && size > maxResultBytes)
        {
            return outcome with
            {
                Success = false,
                Result = null,
                ErrorType = ErrorTypes.OutputLimit,
                Error = $"The result is {size} bytes of JSON, over the {maxResultBytes}-byte output limit.",
            };
        }

        return outcome with
        {
            Error = outcome.Error is null ? null : JsonTextSize.WellFormed(outcome.Error),
            Stack = outcome.Stack is null ? null : JsonTextSize.WellFormed(outcome.Stack),
        };
    }
}
