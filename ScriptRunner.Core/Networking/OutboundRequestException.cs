namespace ScriptRunner.Core.Networking;

/// <summary>An outbound request failed before a response arrived; the message is fit to show to the caller.</summary>
internal sealed class OutboundRequestException(OutboundFailure failure, string message, Exception? inner = null)
    : Exception(message, inner)
{
    public OutboundFailure Failure { get; } = failure;
}
