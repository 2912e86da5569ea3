namespace ScriptRunner.Core.Fetching;

/// <summary>The code's SHA-256 does not match the pinned digest; maps to <c>IntegrityError</c>.</summary>
public sealed class IntegrityException(string expected, string actual, string message) : Exception(message)
{
    /// <summary>The pinned digest as given (lowercased when well-formed).</summary>
    public string Expected { get; } = expected;

    /// <summary>The lowercase hex SHA-256 of the code.</summary>
    public string Actual { get; } = actual;
}
