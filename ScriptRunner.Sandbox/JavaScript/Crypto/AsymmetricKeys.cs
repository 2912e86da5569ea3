using System.Security.Cryptography;

namespace ScriptRunner.Sandbox.JavaScript.Crypto;

/// <summary>
/// RSA and EC keys in the binary formats: import from and export to <c>spki</c>, <c>pkcs8</c> and (EC public keys)
/// <c>raw</c>, and key-pair generation. Malformed or mismatched input is a DataError.
/// </summary>
internal static class AsymmetricKeys
{
    /// <summary>The most RSA modulus bits generateKey makes: key generation cannot be interrupted by the deadline.</summary>
    public const int MaxGeneratedModulusBits = 4096;

    /// <summary>Imports an RSA key from SPKI (public) or PKCS#8 (private).</summary>
    public static RsaMaterial ImportRsa(string format, ReadOnlySpan<byte> data)
    {
        var rsa = RSA.Create();
        try
        {
            int read;
            if (format == "spki") rsa.ImportSubjectPublicKeyInfo(data, out read);
            else if (format == "pkcs8") rsa.ImportPkcs8PrivateKey(data, out read);
            else throw CryptoFailure.NotSupported($"RSA keys cannot be imported in the '{format}' format");
            if (read != data.Length) throw CryptoFailure.DataError("The key data has bytes after its end");
            return new RsaMaterial(rsa, format == "pkcs8");
        }
        catch (CryptographicException)
        {
            rsa.Dispose();
            throw CryptoFailure.DataError($"The key data is not a valid RSA {format.ToUpperInvariant()} key");
        }
    }

    /// <summary>Imports an EC key (ECDSA or ECDH) on <paramref name="curve"/> from raw (public point), SPKI or PKCS#8.</summary>
    public static EcMaterial ImportEc(string algorithm, string curve, string format, ReadOnlySpan<byte> data)
    {
        var named = EcCurves.Of(curve);
        var key = EcCurves.Create(algorithm);
        try
        {
            switch (format)
            {
                case "raw":
                    ImportRawPoint(key, named, curve, data);
                    return new EcMaterial(key, curve, false);
                case "spki":
                case "pkcs8":
                    int read;
                    if (format == "spki") key.ImportSubjectPublicKeyInfo(data, out read);
                    else key.ImportPkcs8PrivateKey(data, out read);
                    if (read != data.Length) throw CryptoFailure.DataError("The key data has bytes after its end");
                    if (EcCurves.NameOf(key) != curve) throw CryptoFailure.DataError($"The key is not on the curve {curve}");
                    return new EcMaterial(key, curve, format == "pkcs8");
                default:
                    throw CryptoFailure.NotSupported($"EC keys cannot be imported in the '{format}' format");
            }
        }
        catch (CryptographicException)
        {
            key.Dispose();
            throw CryptoFailure.DataError($"The key data is not a valid EC {format} key on {curve}");
        }
        catch (CryptoFailure)
        {
            key.Dispose();
            throw;
        }
    }

    private static void ImportRawPoint(ECAlgorithm key, ECCurve named, string curve, ReadOnlySpan<byte> data)
    {
        var size = EcCurves.FieldBytes(curve);
        if (data.Length == size + 1 && data[0] is 2 or 3) throw CryptoFailure.NotSupported("Compressed EC points are not supported on this host; use the uncompressed form (0x04 || x || y)");
        if (data.Length != 2 * size + 1 || data[0] != 4) throw CryptoFailure.DataError($"A raw {curve} public key is 0x04 followed by two {size}-byte coordinates");
        key.ImportParameters(new ECParameters { Curve = named, Q = new ECPoint { X = data.Slice(1, size).ToArray(), Y = data.Slice(1 + size, size).ToArray() } });
    }

    /// <summary>Exports an RSA or EC key as SPKI, PKCS#8 or (EC public) raw bytes.</summary>
    public static byte[] Export(KeyMaterial material, string type, string format)
    {
        AsymmetricAlgorithm key = material switch
        {
            RsaMaterial rsa => rsa.Rsa,
            EcMaterial ec => ec.Key,
            _ => throw CryptoFailure.NotSupported($"The key cannot be exported as '{format}'"),
        };
        switch (format)
        {
            case "spki":
                if (type != "public") throw CryptoFailure.InvalidAccess("Only a public key can be exported as spki");
                return key.ExportSubjectPublicKeyInfo();
            case "pkcs8":
                if (type != "private") throw CryptoFailure.InvalidAccess("Only a private key can be exported as pkcs8");
                return key.ExportPkcs8PrivateKey();
            case "raw" when material is EcMaterial ec:
                if (type != "public") throw CryptoFailure.InvalidAccess("Only a public key can be exported as raw");
                var q = ec.Key.ExportParameters(false).Q;
                return [4, .. q.X!, .. q.Y!];
            default:
                throw CryptoFailure.NotSupported($"The key cannot be exported as '{format}'");
        }
    }

    /// <summary>A new RSA key pair; only the exponent 65537 and moduli of 1024 to 4096 bits (multiples of 8) are made.</summary>
    public static RSA GenerateRsa(long modulusBits, byte[] publicExponent)
    {
        var exponent = publicExponent.SkipWhile(b => b == 0).ToArray();
        if (!exponent.SequenceEqual(new byte[] { 1, 0, 1 })) throw CryptoFailure.Operation("Only the public exponent 65537 ([1, 0, 1]) is supported");
        if (modulusBits is < 1024 or > MaxGeneratedModulusBits || modulusBits % 8 != 0) throw CryptoFailure.Operation($"The modulus length must be a multiple of 8 from 1024 to {MaxGeneratedModulusBits}; got {modulusBits}");
        return RSA.Create((int)modulusBits);
    }
}
