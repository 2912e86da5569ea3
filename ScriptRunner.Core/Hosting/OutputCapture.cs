using System.Text;
using ScriptRunner.Core.Model;
using ScriptRunner.Core.Options;

namespace ScriptRunner.Core.Hosting;

/// <summary>Captures one execution's stdout, stderr and structured logs, each under its own cap.</summary>
/// <remarks>
/// Caps count the bytes the text takes in the JSON answer (after escaping, with invalid UTF-8 and lone surrogates
/// replaced), so whatever a script prints, the answer stays under them. Writes past a cap are dropped and the stream is
/// flagged. An optional <see cref="IOutputSink"/> sees everything kept, as it is kept.
/// </remarks>
public sealed class OutputCapture
{
    private readonly BoundedText _stdout;
    private readonly BoundedText _stderr;
    private readonly List<LogEntry> _logs = [];
    private readonly int _maxLogEntries;
    private readonly int _maxLogMessageBytes;
    private readonly int _maxLogBytes;
    private long _logBytes;
    private readonly TimeProvider _clock;
    private readonly IOutputSink? _sink;
    private readonly Lock _gate = new();
    private bool _logsTruncated;

    /// <summary>
    /// A capture with its caps: stdout and stderr bytes, log entries, bytes of one log message, and bytes of all log
    /// messages together (<paramref name="maxLogBytes"/>; without it, <see cref="OutputOptions.MaxLogBytes"/>'s default).
    /// </summary>
    public OutputCapture(int maxStdoutBytes, int maxStderrBytes, int maxLogEntries, int maxLogMessageBytes, TimeProvider? clock = null, IOutputSink? sink = null,
        int maxLogBytes = OutputOptions.DefaultMaxLogBytes)
    {
        _maxLogBytes = maxLogBytes;
        MaxStdoutBytes = maxStdoutBytes;
        _stdout = new BoundedText(maxStdoutBytes);
        _stderr = new BoundedText(maxStderrBytes);
        _maxLogEntries = maxLogEntries;
        _maxLogMessageBytes = maxLogMessageBytes;
        _clock = clock ?? TimeProvider.System;
        _sink = sink;
    }

    /// <summary>A capture with the caps of <paramref name="options"/>.</summary>
    public static OutputCapture For(OutputOptions options, TimeProvider? clock = null, IOutputSink? sink = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new OutputCapture(options.MaxStdoutBytes, options.MaxStderrBytes, options.MaxLogEntries, options.MaxLogMessageBytes, clock, sink, options.MaxLogBytes);
    }

    /// <summary>The stdout cap in JSON bytes; a result shares it, so a streamed response body is collected under it.</summary>
    public int MaxStdoutBytes { get; }

    /// <summary>Appends text to stdout.</summary>
    public void WriteStdout(string text) => Append(OutputStream.Stdout, text);

    /// <summary>Appends UTF-8 bytes to stdout (Wasm fd 1).</summary>
    public void WriteStdout(ReadOnlySpan<byte> utf8) => Append(OutputStream.Stdout, utf8);

    /// <summary>Appends text to stderr.</summary>
    public void WriteStderr(string text) => Append(OutputStream.Stderr, text);

    /// <summary>Appends UTF-8 bytes to stderr (Wasm fd 2).</summary>
    public void WriteStderr(ReadOnlySpan<byte> utf8) => Append(OutputStream.Stderr, utf8);

    /// <summary>Records one structured log entry.</summary>
    public void Log(string level, string message) => Log(new LogEntry(NormalizeLevel(level), message, _clock.GetUtcNow()));

    /// <summary>
    /// Records one structured log entry whose level and message are UTF-8 bytes (from a guest's memory). Only what the
    /// caps can keep is decoded, so a huge length costs nothing: each byte decodes to text at least a byte long, so
    /// decoding a few bytes past the cap is enough for the entry to be cut and marked.
    /// </summary>
    public void Log(ReadOnlySpan<byte> level, ReadOnlySpan<byte> message)
    {
        var keptLevel = System.Text.Encoding.UTF8.GetString(level[..Math.Min(level.Length, MaxLevelBytes)]);
        var keptMessage = System.Text.Encoding.UTF8.GetString(message[..(int)Math.Min(message.Length, (long)_maxLogMessageBytes + 4)]);
        Log(keptLevel, keptMessage);
    }

    // Levels are short words; anything longer is not one of them and normalizes to "info" anyway.
    private const int MaxLevelBytes = 64;

    /// <summary>Records one structured log entry with its own timestamp (as relayed from a sandbox process).</summary>
    public void Log(LogEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        lock (_gate)
        {
            if (_logs.Count >= _maxLogEntries)
            {
                MarkLogsTruncated();
                return;
            }

            var message = JsonTextSize.WellFormed(entry.Message);
            // Each message has its cap, and all of them together one more: many entries just under the first would
            // otherwise make answers far larger than anyone expects of the caps.
            var room = (int)Math.Min(_maxLogMessageBytes, _maxLogBytes - _logBytes);
            if (room <= 0)
            {
                MarkLogsTruncated();
                return;
            }

            var size = JsonTextSize.Of(message);
            if (size > room)
            {
                message = message[..JsonTextSize.FittingLength(message, room)];
                size = JsonTextSize.Of(message);
                MarkLogsTruncated();
            }

            _logBytes += size;

            var kept = entry with { Level = NormalizeLevel(entry.Level), Message = message };
            _logs.Add(kept);
            _sink?.Log(kept);
        }
    }

    /// <summary>Marks <paramref name="stream"/> as cut, as a sandbox process reports it.</summary>
    public void MarkTruncated(OutputStream stream)
    {
        lock (_gate)
        {
            switch (stream)
            {
                case OutputStream.Stdout: Cut(OutputStream.Stdout, _stdout); break;
                case OutputStream.Stderr: Cut(OutputStream.Stderr, _stderr); break;
                default: MarkLogsTruncated(); break;
            }
        }
    }

    public string Stdout { get { lock (_gate) return _stdout.ToString(); } }
    public string Stderr { get { lock (_gate) return _stderr.ToString(); } }
    public IReadOnlyList<LogEntry> Logs { get { lock (_gate) return _logs.ToArray(); } }

    /// <summary>Which streams hit their caps so far.</summary>
    public TruncationFlags Truncated { get { lock (_gate) return new TruncationFlags(_stdout.Truncated, _stderr.Truncated, _logsTruncated); } }

    private void Append(OutputStream stream, string text)
    {
        lock (_gate)
        {
            var target = stream == OutputStream.Stdout ? _stdout : _stderr;
            if (target.Truncated) return;
            var kept = target.Append(JsonTextSize.WellFormed(text));
            if (kept.Length > 0) _sink?.Text(stream, kept);
            if (target.Truncated) _sink?.Truncated(stream);
        }
    }

    private void Append(OutputStream stream, ReadOnlySpan<byte> utf8)
    {
        lock (_gate)
        {
            var target = stream == OutputStream.Stdout ? _stdout : _stderr;
            if (target.Truncated) return;
            var kept = target.Append(utf8);
            if (kept.Length > 0) _sink?.Text(stream, kept);
            if (target.Truncated) _sink?.Truncated(stream);
        }
    }

    private void Cut(OutputStream stream, BoundedText text)
    {
        if (text.Truncated) return;
        text.Truncated = true;
        _sink?.Truncated(stream);
    }

    private void MarkLogsTruncated()
    {
        if (_logsTruncated) return;
        _logsTruncated = true;
        _sink?.Truncated(OutputStream.Logs);
    }

    private static string NormalizeLevel(string level)
    {
        var lower = level.Trim().ToLowerInvariant();
        return lower switch
        {
            "debug" or "info" or "warn" or "error" => lower,
            "warning" => "warn",
            "" => "info",
            _ => JsonTextSize.WellFormed(lower.Length > 16 ? lower[..16] : lower),
        };
    }

    private sealed class BoundedText(long maxBytes)
    {
        private readonly StringBuilder _text = new();
        private long _bytes;
        // Wasm writes may split a multi-byte character across calls; keep the tail until it completes.
        private readonly Decoder _decoder = Encoding.UTF8.GetDecoder();

        public bool Truncated { get; set; }

        /// <summary>Appends what fits of <paramref name="text"/> and returns it.</summary>
        public string Append(string text)
        {
            var room = maxBytes - _bytes;
            var size = JsonTextSize.Of(text);
            if (size <= room)
            {
                _text.Append(text);
                _bytes += size;
                return text;
            }

            var kept = text[..JsonTextSize.FittingLength(text, room)];
            _text.Append(kept);
            _bytes += JsonTextSize.Of(kept);
            Truncated = true;
            return kept;
        }

        /// <summary>Decodes <paramref name="utf8"/> (invalid bytes become U+FFFD) and appends what fits.</summary>
        public string Append(ReadOnlySpan<byte> utf8)
        {
            // Each byte decodes to at most one char of at most 6 JSON bytes: decoding more than the room could hold is waste.
            var room = maxBytes - _bytes;
            var take = (int)Math.Min(utf8.Length, Math.Max(room, 0) + 4);
            var chars = new char[_decoder.GetCharCount(utf8[..take], flush: false)];
            _decoder.GetChars(utf8[..take], chars, flush: false);
            var kept = Append(new string(chars));
            if (take < utf8.Length) Truncated = true;
            return kept;
        }

        public override string ToString() => _text.ToString();
    }
}
