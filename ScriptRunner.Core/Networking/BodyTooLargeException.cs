namespace ScriptRunner.Core.Networking;

/// <summary>A response body is larger than its cap.</summary>
internal sealed class BodyTooLargeException(long limit, long? declaredLength)
    : Exception($"body exceeds the {limit}-byte limit")
{
    public long Limit { get; } = limit;

    /// <summary>The Content-Length that announced the excess, when that is how it was found.</summary>
    public long? DeclaredLength { get; } = declaredLength;
}
