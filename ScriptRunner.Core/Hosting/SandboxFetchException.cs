namespace ScriptRunner.Core.Hosting;

/// <summary>Raised by <see cref="ISandboxFetcher"/> when a fetch is refused or fails; the message is shown to the script.</summary>
public sealed class SandboxFetchException(SandboxFetchError error, string message, Exception? inner = null)
    : Exception(message, inner)
{
    public SandboxFetchError Error { get; } = error;
}
