using System.Net;

namespace ScriptRunner.Core.Hosting;

/// <summary>
/// The hosts a script may fetch. Empty allows every host. An entry is an exact host name or IP address, or
/// <c>*.example.com</c>, which matches every subdomain of example.com at any depth but not example.com itself.
/// Matching ignores case and a trailing dot; entries must be ASCII (write internationalized names in punycode).
/// </summary>
internal sealed class HostAllowList
{
    private readonly HashSet<string> _exact = new(StringComparer.Ordinal);
    private readonly List<string> _suffixes = [];

    public HostAllowList(IEnumerable<string> entries)
    {
        foreach (var entry in entries)
        {
            var normalized = Normalize(entry);
            if (normalized.StartsWith("*.", StringComparison.Ordinal) && IsHostName(normalized[2..]))
            {
                _suffixes.Add(normalized[1..]);
            }
            else if (IsHostName(normalized) || IPAddress.TryParse(normalized, out _))
            {
                _exact.Add(normalized);
            }
            else
            {
                throw new ArgumentException(
                    $"SandboxFetch.AllowedHosts entry '{entry}' is not a host name, an IP address or a '*.domain' pattern.", nameof(entries));
            }
        }
    }

    /// <summary>True when every host is allowed.</summary>
    public bool AllowsAny => _exact.Count == 0 && _suffixes.Count == 0;

    /// <summary>Whether <paramref name="host"/> (as in a URL, IPv6 in brackets or not) may be fetched.</summary>
    public bool Allows(string host)
    {
        if (AllowsAny) return true;
        var normalized = Normalize(host);
        if (_exact.Contains(normalized)) return true;
        foreach (var suffix in _suffixes)
        {
            if (normalized.Length > suffix.Length && normalized.EndsWith(suffix, StringComparison.Ordinal)) return true;
        }

        return false;
    }

    private static string Normalize(string host)
    {
        var trimmed = host.Trim().ToLowerInvariant();
        if (trimmed.StartsWith('[') && trimmed.EndsWith(']')) trimmed = trimmed[1..^1];
        return trimmed.EndsWith('.') ? trimmed[..^1] : trimmed;
    }

    private static bool IsHostName(string name)
    {
        if (name.Length is 0 or > 253) return false;
        foreach (var label in name.Split('.'))
        {
            if (label.Length is 0 or > 63 || label[0] == '-' || label[^1] == '-') return false;
            foreach (var c in label)
            {
                if (!(char.IsAsciiLetterOrDigit(c) || c is '-' or '_')) return false;
            }
        }

        return true;
    }
}
