namespace ScriptRunner.Sandbox.JavaScript.V8;

/// <summary>
/// The one .NET object V8 sees: the prelude's host functions. It reaches only a closure of plain JavaScript functions
/// (see <c>V8/Scripts/Bridge.js</c>), never a global, and every member takes and returns strings or numbers.
/// </summary>
public sealed class V8HostBridge
{
    private readonly JavaScriptHostFunctions _host;
    private V8SubtleCrypto? _subtle;
    private byte[] _encoded = [];

    internal V8HostBridge(JavaScriptHostFunctions host) => _host = host;

    /// <summary>Writes text to <c>stdout</c> or <c>stderr</c>.</summary>
    public void Write(string stream, string text) => _host.Write(stream, text);

    /// <summary>Records an <c>app_log</c> entry.</summary>
    public void Log(string level, string message) => _host.Log(level, message);

    /// <summary>Milliseconds since the execution started.</summary>
    public double Now() => _host.Now();

    /// <summary>Seconds since the Unix epoch.</summary>
    public double UnixTime() => _host.UnixTime();

    /// <summary>Random bytes as hex; a count that is not a finite number means none, as JavaScript's ToInteger says.</summary>
    public string RandomBytes(double count) => _host.RandomBytes(double.IsFinite(count) ? (int)Math.Clamp(Math.Truncate(count), 0, 65536) : 0);

    /// <summary>A fetch through the execution's policy, JSON in and out.</summary>
    public string Fetch(string requestJson) => _host.Fetch(requestJson);

    /// <summary>One <c>crypto.subtle</c> operation, answered as <c>length;text</c> (length -1 when there are no output bytes); the bytes wait for <see cref="SubtleTake"/>.</summary>
    public string Subtle(string operation, string parameters, object? first, object? second, object? third) =>
        (_subtle ??= new V8SubtleCrypto(_host.Subtle)).Call(operation, parameters, first, second, third);

    /// <summary>Copies the last operation's output bytes into the ArrayBuffer made for them.</summary>
    public void SubtleTake(object? buffer) => _subtle?.Take(buffer);

    /// <summary>UTS #46 ToASCII for the URL parser; the empty string means failure.</summary>
    public string DomainToAscii(string domain) => Web.DomainToAscii.Convert(domain);

    // Streams: compression codecs, UTF-8 decoding, the streamed result body. Bytes come in as typed arrays; a
    // codec's output goes out through a typed array the bridge allocates at the size CodecPush answered.

    /// <summary>Opens a compression codec; its number, or a negative code for a format not offered.</summary>
    public int CodecOpen(string format, bool decompress) => _host.Codecs.Open(format, decompress);

    /// <summary>Feeds a codec; the byte count of its output (taken with <see cref="CodecTake"/>), or a negative code.</summary>
    public int CodecPush(double id, object bytes, bool final) => _host.Codecs.Push((int)id, V8Bytes.Read(bytes), final);

    /// <summary>Copies the last push's output into <paramref name="target"/>.</summary>
    public void CodecTake(object target) => V8Bytes.Write(target, _host.Codecs.LastOutput);

    /// <summary>Closes a codec.</summary>
    public void CodecClose(double id) => _host.Codecs.Close((int)id);

    /// <summary>The text of UTF-8 bytes, or null when fatal and invalid.</summary>
    public string? Utf8Decode(object bytes, bool fatal) => _host.Utf8Decode(V8Bytes.Read(bytes), fatal);

    /// <summary>Encodes text as UTF-8; answers the byte count, taken with <see cref="Utf8Take"/>.</summary>
    public int Utf8Encode(string text) => (_encoded = _host.Utf8Encode(text)).Length;

    /// <summary>Copies the last <see cref="Utf8Encode"/> output into <paramref name="target"/>.</summary>
    public void Utf8Take(object target)
    {
        V8Bytes.Write(target, _encoded);
        _encoded = [];
    }

    /// <summary>The output cap a result shares.</summary>
    public int ResultCap() => _host.ResultCapBytes;

    /// <summary>How many chars of a streamed result body fit the output cap.</summary>
    public int ResultBodyFit(string body, string envelopeJson) => _host.ResultBodyFit(body, envelopeJson);
}
