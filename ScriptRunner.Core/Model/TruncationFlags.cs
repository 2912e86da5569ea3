namespace ScriptRunner.Core.Model;

/// <summary>Which captured streams hit their cap.</summary>
public sealed record TruncationFlags(bool Stdout, bool Stderr, bool Logs)
{
    /// <summary>No stream was truncated.</summary>
    public static TruncationFlags None { get; } = new(false, false, false);
}
