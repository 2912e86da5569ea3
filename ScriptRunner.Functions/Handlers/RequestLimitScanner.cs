using System.Buffers;
using System.Text.Json;
using ScriptRunner.Core.Execution;

namespace ScriptRunner.Functions.Handlers;

/// <summary>
/// Watches a request body token by token while it is still arriving and refuses it at the first field past its
/// limit: the entry after the last allowed one in <c>params</c>, <c>args</c> or <c>envVars</c>, a <c>handler</c> or
/// <c>url</c> too long. A body refused here never becomes an object graph; one that passes is parsed as usual, and the
/// validator still judges every rule.
/// </summary>
/// <remarks>
/// The limits and the words are <see cref="RequestValidator"/>'s, so a caller gets the same answer whether the
/// scanner or the validator refuses. Anything the scanner cannot judge (broken JSON, a root that is not an object, a
/// field of the wrong type) it leaves to the parser, which reports it as before.
/// </remarks>
internal sealed class RequestLimitScanner
{
    // The longest escaped spelling of a watched name ("envVars", seven \uXXXX escapes) fits well inside this.
    private const int MaxWatchedNameBytes = 64;

    // A JSON string's raw form is at most six bytes (\uXXXX) per UTF-16 character.
    private const int MaxRawBytesPerChar = 6;

    private JsonReaderState _state = new(new JsonReaderOptions { MaxDepth = 64 });
    private long _scanned;
    private long _nextScanAt;
    private bool _finished;
    private Field _pending;
    private Field _container;
    private int _entries;

    private enum Field
    {
        None,
        Params,
        Args,
        EnvVars,
        Handler,
        Url,
    }

    /// <summary>The refusal once a limit is passed: the field at fault and the validator's message for it.</summary>
    public InvalidRequestException? Refusal { get; private set; }

    /// <summary>
    /// Reads on from where the last call stopped. <paramref name="body"/> is everything received so far;
    /// <paramref name="complete"/> says no more will come. Returns false once the body is refused.
    /// </summary>
    public bool Scan(ReadOnlySequence<byte> body, bool complete)
    {
        if (_finished) return Refusal is null;
        // A token cut by the end of the data is read again from its start next time. A long string would be re-read on
        // every chunk; waiting until the unread part has doubled keeps the total work linear in the body size.
        if (!complete && body.Length < _nextScanAt) return true;

        var reader = new Utf8JsonReader(body.Slice(_scanned), complete, _state);
        try
        {
            while (!_finished && reader.Read()) Visit(ref reader);
        }
        catch (JsonException)
        {
            // Broken JSON is the parser's to describe, with the position it reports.
            _finished = true;
        }

        var before = _scanned;
        _scanned += reader.BytesConsumed;
        _state = reader.CurrentState;
        var unread = body.Length - _scanned;
        _nextScanAt = _scanned == before || unread > BodyBuffer.SegmentBytes ? body.Length + Math.Max(unread, 1) : 0;
        if (complete) _finished = true;
        return Refusal is null;
    }

    private void Visit(ref Utf8JsonReader reader)
    {
        var depth = reader.CurrentDepth;
        var token = reader.TokenType;

        if (depth == 0)
        {
            // Not an object, or the object is complete: nothing more to watch, and anything after it is the parser's.
            if (token != JsonTokenType.StartObject) _finished = true;
            return;
        }

        if (depth == 1)
        {
            if (token == JsonTokenType.PropertyName)
            {
                _pending = Classify(ref reader);
                return;
            }

            var field = _pending;
            _pending = Field.None;
            _container = Field.None;
            _entries = 0;
            switch (field)
            {
                case Field.Params or Field.Args when token == JsonTokenType.StartArray:
                case Field.EnvVars when token == JsonTokenType.StartObject:
                    _container = field;
                    break;
                case Field.Handler when token == JsonTokenType.String:
                    CheckLength(ref reader, "handler", RequestValidator.MaxHandlerLength);
                    break;
                case Field.Url when token == JsonTokenType.String:
                    CheckLength(ref reader, "url", RequestValidator.MaxUrlLength);
                    break;
            }
            return;
        }

        if (depth != 2 || _container == Field.None) return;
        var isEntry = _container == Field.EnvVars
            ? token == JsonTokenType.PropertyName
            : token is not (JsonTokenType.EndArray or JsonTokenType.EndObject);
        if (!isEntry) return;

        _entries++;
        switch (_container)
        {
            case Field.Params when _entries > RequestValidator.MaxParams:
                Refuse("params", $"'params' has more than {RequestValidator.MaxParams} entries.");
                break;
            case Field.Args when _entries > RequestValidator.MaxArgs:
                Refuse("args", $"'args' has more than {RequestValidator.MaxArgs} entries.");
                break;
            case Field.EnvVars when _entries > RequestValidator.MaxEnvVars:
                Refuse("envVars", $"'envVars' has more than {RequestValidator.MaxEnvVars} entries.");
                break;
        }
    }

    /// <summary>Which watched field a top-level name is; names match case-insensitively, as the parser matches them.</summary>
    private static Field Classify(ref Utf8JsonReader reader)
    {
        var rawLength = reader.HasValueSequence ? reader.ValueSequence.Length : reader.ValueSpan.Length;
        if (rawLength > MaxWatchedNameBytes) return Field.None;
        var name = reader.GetString();
        if (string.Equals(name, "params", StringComparison.OrdinalIgnoreCase)) return Field.Params;
        if (string.Equals(name, "args", StringComparison.OrdinalIgnoreCase)) return Field.Args;
        if (string.Equals(name, "envVars", StringComparison.OrdinalIgnoreCase)) return Field.EnvVars;
        if (string.Equals(name, "handler", StringComparison.OrdinalIgnoreCase)) return Field.Handler;
        if (string.Equals(name, "url", StringComparison.OrdinalIgnoreCase)) return Field.Url;
        return Field.None;
    }

    /// <summary>Refuses a string longer than <paramref name="max"/> UTF-16 characters, the unit the validator counts in.</summary>
    private void CheckLength(ref Utf8JsonReader reader, string field, int max)
    {
        var rawLength = reader.HasValueSequence ? reader.ValueSequence.Length : reader.ValueSpan.Length;
        // Every character takes at least one raw byte, and at most six: only the band between needs the exact count.
        var tooLong = rawLength > max
            && (rawLength > (long)max * MaxRawBytesPerChar || reader.GetString()!.Length > max);
        if (tooLong) Refuse(field, $"'{field}' is longer than {max} characters.");
    }

    private void Refuse(string field, string message)
    {
        Refusal = new InvalidRequestException(field, message);
        _finished = true;
    }
}
