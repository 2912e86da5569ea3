namespace ScriptRunner.Core.Execution;

/// <summary>A request that cannot be run as given; the message names the offending field.</summary>
public sealed class InvalidRequestException(string field, string message) : Exception(message)
{
    /// <summary>The request field at fault, in its JSON spelling (e.g. <c>timeout</c>, <c>envVars.KEY</c>).</summary>
    public string Field { get; } = field;
}
