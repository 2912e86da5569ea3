namespace ScriptRunner.Sandbox.JavaScript.V8;

/// <summary>
/// The one .NET object V8 sees: the prelude's host functions. It reaches only a closure of plain JavaScript functions
/// (see <see cref="V8Scripts.Bridge"/>), never a global, and every member takes and returns strings or numbers.
/// </summary>
public sealed class V8HostBridge
{
    private readonly JavaScriptHostFunctions _host;
    private V8SubtleCrypto? _subtle;

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
}
