using System.Text.Json;

namespace ScriptRunner.Sandbox.JavaScript.Crypto;

/// <summary>
/// The parameters of one host call, as the prelude wrote them (JSON, already normalised by the WebCrypto rules),
/// with the byte inputs that came beside them. A member the prelude should have supplied and did not is an
/// OperationError rather than a crash.
/// </summary>
internal readonly struct CryptoRequest(JsonElement root, CryptoInputs inputs)
{
    /// <summary>The byte inputs of the call.</summary>
    public CryptoInputs Inputs { get; } = inputs;

    /// <summary>The JSON object itself.</summary>
    public JsonElement Root { get; } = root;

    /// <summary>A string member, or null when absent.</summary>
    public string? String(string name) =>
        Root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    /// <summary>A string member that must be there.</summary>
    public string RequiredString(string name) => String(name) ?? throw CryptoFailure.Operation($"The '{name}' parameter is missing");

    /// <summary>A whole-number member, or null when absent or null.</summary>
    public long? Integer(string name) =>
        Root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var n) ? n : null;

    /// <summary>A boolean member (false when absent).</summary>
    public bool Boolean(string name) => Root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.True;

    /// <summary>An object member as a request over the same inputs, or null when absent.</summary>
    public CryptoRequest? Member(string name) =>
        Root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Object ? new CryptoRequest(value, Inputs) : null;

    /// <summary>An object member that must be there.</summary>
    public CryptoRequest RequiredMember(string name) => Member(name) ?? throw CryptoFailure.Operation($"The '{name}' parameter is missing");

    /// <summary>A list of strings (the usages), empty when absent.</summary>
    public IReadOnlyList<string> Strings(string name)
    {
        if (!Root.TryGetProperty(name, out var value) || value.ValueKind != JsonValueKind.Array) return [];
        var list = new List<string>();
        foreach (var item in value.EnumerateArray()) if (item.ValueKind == JsonValueKind.String) list.Add(item.GetString()!);
        return list;
    }

    /// <summary>A list of small numbers as bytes (RSA's publicExponent).</summary>
    public byte[] Bytes(string name)
    {
        if (!Root.TryGetProperty(name, out var value) || value.ValueKind != JsonValueKind.Array) return [];
        var list = new List<byte>();
        foreach (var item in value.EnumerateArray()) list.Add(item.TryGetByte(out var b) ? b : (byte)0);
        return [.. list];
    }
}

/// <summary>The byte inputs of one host call, by position (data, iv/counter/salt, additional data/label/info).</summary>
internal sealed class CryptoInputs(ReadOnlyMemory<byte> first, ReadOnlyMemory<byte> second, ReadOnlyMemory<byte> third)
{
    /// <summary>No inputs.</summary>
    public static CryptoInputs None { get; } = new(default, default, default);

    /// <summary>The first input (the data, or the key data on import).</summary>
    public ReadOnlyMemory<byte> First { get; } = first;

    /// <summary>The second input (iv, counter, salt, or the data a signature is checked against).</summary>
    public ReadOnlyMemory<byte> Second { get; } = second;

    /// <summary>The third input (additional data, label, or HKDF's info).</summary>
    public ReadOnlyMemory<byte> Third { get; } = third;

    /// <summary>The bytes of all inputs together, counted against the execution's memory limit.</summary>
    public long TotalLength => (long)First.Length + Second.Length + Third.Length;
}
