using System.Security.Cryptography;

namespace ScriptRunner.Sandbox.JavaScript.Crypto;

/// <summary>The WebCrypto hash names (SHA-1, SHA-256, SHA-384, SHA-512) as .NET hash algorithms, and digest and HMAC over them.</summary>
internal static class HashAlgorithms
{
    /// <summary>The .NET name of a WebCrypto hash; any other name is a NotSupportedError.</summary>
    public static HashAlgorithmName Of(string? name) => name switch
    {
        "SHA-1" => HashAlgorithmName.SHA1,
        "SHA-256" => HashAlgorithmName.SHA256,
        "SHA-384" => HashAlgorithmName.SHA384,
        "SHA-512" => HashAlgorithmName.SHA512,
        _ => throw CryptoFailure.NotSupported($"Unrecognized hash algorithm '{name}'"),
    };

    /// <summary>The hash's output length in bytes.</summary>
    public static int OutputBytes(string? name) => name switch
    {
        "SHA-1" => 20,
        "SHA-256" => 32,
        "SHA-384" => 48,
        "SHA-512" => 64,
        _ => throw CryptoFailure.NotSupported($"Unrecognized hash algorithm '{name}'"),
    };

    /// <summary>The hash's block length in bits: an HMAC key's default length.</summary>
    public static int BlockBits(string? name) => name is "SHA-384" or "SHA-512" ? 1024 : 512;

    /// <summary>The digest of <paramref name="data"/>.</summary>
    public static byte[] Digest(string name, ReadOnlySpan<byte> data) => name switch
    {
        "SHA-1" => SHA1.HashData(data),
        "SHA-256" => SHA256.HashData(data),
        "SHA-384" => SHA384.HashData(data),
        "SHA-512" => SHA512.HashData(data),
        _ => throw CryptoFailure.NotSupported($"Unrecognized hash algorithm '{name}'"),
    };

    /// <summary>The HMAC of <paramref name="data"/> under <paramref name="key"/>.</summary>
    public static byte[] Hmac(string? hash, ReadOnlySpan<byte> key, ReadOnlySpan<byte> data) => hash switch
    {
        "SHA-1" => HMACSHA1.HashData(key, data),
        "SHA-256" => HMACSHA256.HashData(key, data),
        "SHA-384" => HMACSHA384.HashData(key, data),
        "SHA-512" => HMACSHA512.HashData(key, data),
        _ => throw CryptoFailure.NotSupported($"Unrecognized hash algorithm '{hash}'"),
    };

    /// <summary>The JWK "alg" suffix of a hash: 1, 256, 384 or 512.</summary>
    public static string JwkSuffix(string? hash) => hash switch
    {
        "SHA-1" => "1",
        "SHA-256" => "256",
        "SHA-384" => "384",
        "SHA-512" => "512",
        _ => "",
    };
}
