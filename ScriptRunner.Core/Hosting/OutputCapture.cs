using System.Text;
using ScriptRunner.Core.Model;

namespace ScriptRunner.Core.Hosting;

/// <summary>Captures one execution's stdout, stderr and structured logs, each under its own cap.</summary>
/// <remarks>Writes past a cap are dropped and the stream is flagged, so a chatty script cannot exhaust host memory.</remarks>
public sealed class OutputCapture
{
    private readonly BoundedText _stdout;
    private readonly BoundedText _stderr;
    private readonly List<LogEntry> _logs = [];
    private readonly int _maxLogEntries;
    private readonly int _maxLogMessageBytes;
    private readonly TimeProvider _clock;
    private readonly Lock _gate = new();
    private bool _logsTruncated;

    public OutputCapture(int maxStdoutBytes, int maxStderrBytes, int maxLogEntries, int maxLogMessageBytes, TimeProvider? clock = null)
    {
        _stdout = new BoundedText(maxStdoutBytes);
        _stderr = new BoundedText(maxStderrBytes);
        _maxLogEntries = maxLogEntries;
        _maxLogMessageBytes = maxLogMessageBytes;
        _clock = clock ?? TimeProvider.System;
    }

    /// <summary>Appends text to stdout.</summary>
    public void WriteStdout(string text) { lock (_gate) _stdout.Append(text); }

    /// <summary>Appends UTF-8 bytes to stdout (Wasm fd 1).</summary>
    public void WriteStdout(ReadOnlySpan<byte> utf8) { lock (_gate) _stdout.Append(utf8); }

    /// <summary>Appends text to stderr.</summary>
    public void WriteStderr(string text) { lock (_gate) _stderr.Append(text); }

    /// <summary>Appends UTF-8 bytes to stderr (Wasm fd 2).</summary>
    public void WriteStderr(ReadOnlySpan<byte> utf8) { lock (_gate) _stderr.Append(utf8); }

    /// <summary>Records one structured log entry.</summary>
    public void Log(string level, string message)
    {
        lock (_gate)
        {
            if (_logs.Count >= _maxLogEntries)
            {
                _logsTruncated = true;
                return;
            }

            if (Encoding.UTF8.GetByteCount(message) > _maxLogMessageBytes)
            {
                message = BoundedText.Clip(message, _maxLogMessageBytes);
                _logsTruncated = true;
            }

            _logs.Add(new LogEntry(NormalizeLevel(level), message, _clock.GetUtcNow()));
        }
    }

    public string Stdout { get { lock (_gate) return _stdout.ToString(); } }
    public string Stderr { get { lock (_gate) return _stderr.ToString(); } }
    public IReadOnlyList<LogEntry> Logs { get { lock (_gate) return _logs.ToArray(); } }

    /// <summary>Which streams hit their caps so far.</summary>
    public TruncationFlags Truncated { get { lock (_gate) return new TruncationFlags(_stdout.Truncated, _stderr.Truncated, _logsTruncated); } }

    private static string NormalizeLevel(string level)
    {
        var lower = level.Trim().ToLowerInvariant();
        return lower switch
        {
            "debug" or "info" or "warn" or "error" => lower,
            "warning" => "warn",
            "" => "info",
            _ => lower.Length > 16 ? lower[..16] : lower,
        };
    }

    private sealed class BoundedText(int maxBytes)
    {
        private readonly StringBuilder _text = new();
        private int _bytes;
        // Wasm writes may split a multi-byte character across calls; keep the tail until it completes.
        private readonly Decoder _decoder = Encoding.UTF8.GetDecoder();

        public bool Truncated { get; private set; }

        public void Append(string text)
        {
            if (Truncated) return;
            var count = Encoding.UTF8.GetByteCount(text);
            if (_bytes + count <= maxBytes)
            {
                _text.Append(text);
                _bytes += count;
                return;
            }

            var clipped = Clip(text, maxBytes - _bytes);
            _text.Append(clipped);
            _bytes += Encoding.UTF8.GetByteCount(clipped);
            Truncated = true;
        }

        public void Append(ReadOnlySpan<byte> utf8)
        {
            if (Truncated) return;
            var room = maxBytes - _bytes;
            var take = Math.Min(room, utf8.Length);
            if (take < utf8.Length) Truncated = true;
            var chars = new char[_decoder.GetCharCount(utf8[..take], flush: Truncated)];
            _decoder.GetChars(utf8[..take], chars, flush: Truncated);
            _text.Append(chars);
            _bytes += take;
        }

        public override string ToString() => _text.ToString();

        public static string Clip(string text, int maxBytes)
        {
            if (maxBytes <= 0) return "";
            var bytes = Encoding.UTF8.GetBytes(text);
            if (bytes.Length <= maxBytes) return text;
            var cut = maxBytes;
            // Step back to a character boundary so the clip never ends in half a character.
            while (cut > 0 && (bytes[cut] & 0xC0) == 0x80) cut--;
            return Encoding.UTF8.GetString(bytes, 0, cut);
        }
    }
}
