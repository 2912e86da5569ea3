using System.Security.Cryptography;
using System.Text.Json.Nodes;

namespace ScriptRunner.Sandbox.JavaScript.Crypto;

/// <summary>
/// importKey, generateKey and exportKey per algorithm: which formats each takes, the length and hash rules, and the
/// <c>algorithm</c> object a CryptoKey shows. The prelude has already normalised the algorithm and checked usages.
/// </summary>
internal static class CryptoKeys
{
    /// <summary>Imports a key from <c>{format, alg, ext, usages, jwk?}</c> with the key data as the first input.</summary>
    public static CryptoKeyEntry Import(CryptoRequest request, ReadOnlySpan<byte> data)
    {
        var format = request.RequiredString("format");
        var alg = request.RequiredMember("alg");
        var name = alg.RequiredString("name");
        var extractable = request.Boolean("ext");
        var usages = request.Strings("usages");
        var jwk = format == "jwk" ? request.RequiredMember("jwk") : (CryptoRequest?)null;
        switch (name)
        {
            case "HMAC":
                {
                    var hash = alg.RequiredString("hash");
                    HashAlgorithms.Of(hash);
                    byte[] bytes;
                    if (jwk is { } j)
                    {
                        JsonWebKeys.CheckCommon(j, "oct", usages, extractable, "sig");
                        bytes = JsonWebKeys.Bytes(j, "k");
                        JsonWebKeys.CheckAlg(j, "HS" + HashAlgorithms.JwkSuffix(hash));
                    }
                    else if (format == "raw") bytes = data.ToArray();
                    else throw CryptoFailure.NotSupported($"HMAC keys cannot be imported in the '{format}' format");
                    if (bytes.Length == 0) throw CryptoFailure.DataError("An HMAC key must not be empty");
                    var length = alg.Integer("length") ?? bytes.Length * 8L;
                    if (length > bytes.Length * 8L || length <= bytes.Length * 8L - 8) throw CryptoFailure.DataError($"The length {length} does not match the key data ({bytes.Length} bytes)");
                    return new CryptoKeyEntry(name, "secret", extractable, new SecretMaterial(bytes), hash, (int)length);
                }

            case "AES-GCM" or "AES-CBC" or "AES-CTR" or "AES-KW":
                {
                    byte[] bytes;
                    if (jwk is { } j)
                    {
                        JsonWebKeys.CheckCommon(j, "oct", usages, extractable, "enc");
                        bytes = JsonWebKeys.Bytes(j, "k");
                        if (bytes.Length is 16 or 24 or 32) JsonWebKeys.CheckAlg(j, AesJwkAlg(name, bytes.Length * 8));
                    }
                    else if (format == "raw") bytes = data.ToArray();
                    else throw CryptoFailure.NotSupported($"{name} keys cannot be imported in the '{format}' format");
                    if (bytes.Length is not (16 or 24 or 32)) throw CryptoFailure.DataError($"An AES key must be 128, 192 or 256 bits; got {bytes.Length * 8}");
                    return new CryptoKeyEntry(name, "secret", extractable, new SecretMaterial(bytes), null, bytes.Length * 8);
                }

            case "PBKDF2" or "HKDF":
                if (format != "raw") throw CryptoFailure.NotSupported($"{name} keys can only be imported in the 'raw' format");
                return new CryptoKeyEntry(name, "secret", false, new SecretMaterial(data.ToArray()));

            case "RSASSA-PKCS1-v1_5" or "RSA-PSS" or "RSA-OAEP":
                {
                    var hash = alg.RequiredString("hash");
                    HashAlgorithms.Of(hash);
                    RsaMaterial rsa;
                    if (jwk is { } j)
                    {
                        JsonWebKeys.CheckCommon(j, "RSA", usages, extractable, name == "RSA-OAEP" ? "enc" : "sig");
                        JsonWebKeys.CheckAlg(j, RsaJwkAlg(name, hash));
                        rsa = JsonWebKeys.ImportRsa(j);
                    }
                    else rsa = AsymmetricKeys.ImportRsa(format, data);
                    return new CryptoKeyEntry(name, rsa.IsPrivate ? "private" : "public", extractable, rsa, hash);
                }

            case "ECDSA" or "ECDH":
                {
                    var curve = alg.RequiredString("namedCurve");
                    EcCurves.Of(curve);
                    EcMaterial ec;
                    if (jwk is { } j)
                    {
                        JsonWebKeys.CheckCommon(j, "EC", usages, extractable, name == "ECDH" ? "enc" : "sig");
                        if (name == "ECDSA") JsonWebKeys.CheckAlg(j, EcdsaJwkAlg(curve));
                        ec = JsonWebKeys.ImportEc(j, name, curve);
                    }
                    else ec = AsymmetricKeys.ImportEc(name, curve, format, data);
                    return new CryptoKeyEntry(name, ec.IsPrivate ? "private" : "public", extractable, ec);
                }

            default:
                throw CryptoFailure.NotSupported($"The algorithm '{name}' is not supported");
        }
    }

    /// <summary>Generates a secret key, or a key pair as (public, private), from <c>{alg, ext}</c>.</summary>
    public static (CryptoKeyEntry First, CryptoKeyEntry? Private) Generate(CryptoRequest request)
    {
        var alg = request.RequiredMember("alg");
        var name = alg.RequiredString("name");
        var extractable = request.Boolean("ext");
        switch (name)
        {
            case "AES-GCM" or "AES-CBC" or "AES-CTR" or "AES-KW":
                {
                    var length = alg.Integer("length");
                    if (length is not (128 or 192 or 256)) throw CryptoFailure.Operation($"The AES key length must be 128, 192 or 256; got {length}");
                    return (new CryptoKeyEntry(name, "secret", extractable, new SecretMaterial(RandomNumberGenerator.GetBytes((int)length / 8)), null, (int)length), null);
                }

            case "HMAC":
                {
                    var hash = alg.RequiredString("hash");
                    HashAlgorithms.Of(hash);
                    var length = alg.Integer("length") ?? HashAlgorithms.BlockBits(hash);
                    if (length is <= 0 or > 8192) throw CryptoFailure.Operation($"The HMAC key length must be from 1 to 8192 bits; got {length}");
                    var bytes = RandomNumberGenerator.GetBytes((int)((length + 7) / 8));
                    if (length % 8 != 0) bytes[^1] &= (byte)(0xFF << (int)(8 - length % 8));
                    return (new CryptoKeyEntry(name, "secret", extractable, new SecretMaterial(bytes), hash, (int)length), null);
                }

            case "RSASSA-PKCS1-v1_5" or "RSA-PSS" or "RSA-OAEP":
                {
                    var hash = alg.RequiredString("hash");
                    HashAlgorithms.Of(hash);
                    var rsa = AsymmetricKeys.GenerateRsa(alg.Integer("modulusLength") ?? 0, alg.Bytes("publicExponent"));
                    var publicKey = RSA.Create(rsa.ExportParameters(false));
                    return (new CryptoKeyEntry(name, "public", true, new RsaMaterial(publicKey, false), hash),
                        new CryptoKeyEntry(name, "private", extractable, new RsaMaterial(rsa, true), hash));
                }

            case "ECDSA" or "ECDH":
                {
                    var curve = alg.RequiredString("namedCurve");
                    var key = EcCurves.Generate(name, curve);
                    var publicKey = EcCurves.Create(name);
                    publicKey.ImportParameters(key.ExportParameters(false));
                    return (new CryptoKeyEntry(name, "public", true, new EcMaterial(publicKey, curve, false)),
                        new CryptoKeyEntry(name, "private", extractable, new EcMaterial(key, curve, true)));
                }

            case "PBKDF2" or "HKDF":
                throw CryptoFailure.NotSupported($"{name} keys cannot be generated; import them with importKey");
            default:
                throw CryptoFailure.NotSupported($"The algorithm '{name}' is not supported");
        }
    }

    /// <summary>Exports a key from <c>{format, ops, ext}</c>: bytes for raw, spki and pkcs8, a JWK object otherwise.</summary>
    public static (byte[]? Bytes, JsonObject? Jwk) Export(CryptoKeyEntry entry, CryptoRequest request)
    {
        if (!entry.Extractable) throw CryptoFailure.InvalidAccess("The key is not extractable");
        var format = request.RequiredString("format");
        if (entry.Name is "PBKDF2" or "HKDF") throw CryptoFailure.NotSupported($"{entry.Name} keys cannot be exported");
        if (format == "jwk")
        {
            string? alg = entry.Name switch
            {
                "HMAC" => "HS" + HashAlgorithms.JwkSuffix(entry.Hash),
                "AES-GCM" or "AES-CBC" or "AES-CTR" or "AES-KW" => AesJwkAlg(entry.Name, entry.Length),
                "RSASSA-PKCS1-v1_5" or "RSA-PSS" or "RSA-OAEP" => RsaJwkAlg(entry.Name, entry.Hash!),
                // An EC key may sign with any hash, so its JWK names no alg (as the spec exports it).
                _ => null,
            };
            return (null, JsonWebKeys.Export(entry, alg, request.Strings("ops"), request.Boolean("ext")));
        }

        if (entry.Material is SecretMaterial secret)
        {
            return format == "raw" ? (secret.Bytes.ToArray(), null) : throw CryptoFailure.NotSupported($"{entry.Name} keys cannot be exported as '{format}'");
        }

        return (AsymmetricKeys.Export(entry.Material, entry.Type, format), null);
    }

    /// <summary>The <c>algorithm</c> object of a key, as JSON (publicExponent as an array of bytes).</summary>
    public static JsonObject Describe(CryptoKeyEntry entry)
    {
        var alg = new JsonObject { ["name"] = entry.Name };
        switch (entry.Material)
        {
            case SecretMaterial when entry.Name == "HMAC":
                alg["hash"] = new JsonObject { ["name"] = entry.Hash };
                alg["length"] = entry.Length;
                break;
            case SecretMaterial when entry.Name.StartsWith("AES-", StringComparison.Ordinal):
                alg["length"] = entry.Length;
                break;
            case RsaMaterial rsa:
                var p = rsa.Rsa.ExportParameters(false);
                alg["modulusLength"] = rsa.Rsa.KeySize;
                var exponent = new JsonArray();
                foreach (var b in p.Exponent!) exponent.Add(b);
                alg["publicExponent"] = exponent;
                alg["hash"] = new JsonObject { ["name"] = entry.Hash };
                break;
            case EcMaterial ec:
                alg["namedCurve"] = ec.Curve;
                break;
        }

        return alg;
    }

    private static string AesJwkAlg(string name, int bits) => $"A{bits}{name[4..]}";

    private static string RsaJwkAlg(string name, string hash) => name switch
    {
        "RSASSA-PKCS1-v1_5" => "RS" + HashAlgorithms.JwkSuffix(hash),
        "RSA-PSS" => "PS" + HashAlgorithms.JwkSuffix(hash),
        _ => hash == "SHA-1" ? "RSA-OAEP" : "RSA-OAEP-" + HashAlgorithms.JwkSuffix(hash),
    };

    private static string EcdsaJwkAlg(string curve) => curve switch
    {
        "P-256" => "ES256",
        "P-384" => "ES384",
        _ => "ES512",
    };
}
