using System.Security.Cryptography;

namespace ScriptRunner.Core.Fetching;

/// <summary>SHA-256 digests of code and the check against a pinned digest.</summary>
public static class IntegrityCheck
{
    /// <summary>The lowercase hex SHA-256 of <paramref name="bytes"/>.</summary>
    public static string Sha256Hex(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    /// <summary>Whether <paramref name="pin"/> is a well-formed digest: 64 hex digits, either case.</summary>
    public static bool IsValidPin(string? pin) => pin is { Length: 64 } && !pin.AsSpan().ContainsAnyExcept(HexDigits);

    /// <summary>
    /// Returns the digest of <paramref name="bytes"/>, after checking it equals <paramref name="pin"/> (ignoring case and
    /// surrounding whitespace) when a pin is given. Throws <see cref="IntegrityException"/> on a mismatch or a malformed pin.
    /// </summary>
    public static string Verify(ReadOnlySpan<byte> bytes, string? pin)
    {
        var actual = Sha256Hex(bytes);
        if (pin is null) return actual;

        var expected = pin.Trim();
        if (!IsValidPin(expected))
        {
            throw new IntegrityException(expected, actual, $"sha256 pin '{expected}' is not a 64-digit hex SHA-256 digest; the code's digest is {actual}");
        }

        if (!string.Equals(expected, actual, StringComparison.OrdinalIgnoreCase))
        {
            throw new IntegrityException(expected.ToLowerInvariant(), actual,
                $"sha256 mismatch: expected {expected.ToLowerInvariant()}, got {actual}");
        }

        return actual;
    }

    private static readonly System.Buffers.SearchValues<char> HexDigits =
        System.Buffers.SearchValues.Create("0123456789abcdefABCDEF");
}
