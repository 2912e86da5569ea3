using System.Security.Cryptography;

namespace ScriptRunner.Sandbox.JavaScript.Crypto;

/// <summary>The NIST curves WebCrypto names (P-256, P-384, P-521) and how .NET knows them.</summary>
internal static class EcCurves
{
    /// <summary>The .NET curve of a WebCrypto curve name; any other name is a NotSupportedError.</summary>
    public static ECCurve Of(string? name) => name switch
    {
        "P-256" => ECCurve.NamedCurves.nistP256,
        "P-384" => ECCurve.NamedCurves.nistP384,
        "P-521" => ECCurve.NamedCurves.nistP521,
        _ => throw CryptoFailure.NotSupported($"The named curve '{name}' is not supported (P-256, P-384 and P-521 are)"),
    };

    /// <summary>The length of one coordinate (and of a private scalar) in bytes.</summary>
    public static int FieldBytes(string curve) => curve switch
    {
        "P-256" => 32,
        "P-384" => 48,
        _ => 66,
    };

    /// <summary>The WebCrypto name of a key's curve, or null when it is not one of the three.</summary>
    public static string? NameOf(ECAlgorithm key)
    {
        var oid = key.ExportParameters(false).Curve.Oid;
        return (oid?.Value, oid?.FriendlyName) switch
        {
            ("1.2.840.10045.3.1.7", _) or (_, "nistP256" or "ECDSA_P256" or "ECDH_P256") => "P-256",
            ("1.3.132.0.34", _) or (_, "nistP384" or "ECDSA_P384" or "ECDH_P384") => "P-384",
            ("1.3.132.0.35", _) or (_, "nistP521" or "ECDSA_P521" or "ECDH_P521") => "P-521",
            _ => null,
        };
    }

    /// <summary>A new, empty EC key object for the algorithm (ECDSA or ECDH).</summary>
    public static ECAlgorithm Create(string algorithm) => algorithm == "ECDH" ? ECDiffieHellman.Create() : ECDsa.Create();

    /// <summary>A new key pair on the curve for the algorithm.</summary>
    public static ECAlgorithm Generate(string algorithm, string curve) =>
        algorithm == "ECDH" ? ECDiffieHellman.Create(Of(curve)) : ECDsa.Create(Of(curve));
}
