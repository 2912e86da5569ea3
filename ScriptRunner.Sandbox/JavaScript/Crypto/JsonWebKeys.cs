using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text.Json.Nodes;

namespace ScriptRunner.Sandbox.JavaScript.Crypto;

/// <summary>
/// Keys as JSON Web Keys (RFC 7517/7518) the way WebCrypto reads and writes them: the kty, alg, use, key_ops and
/// ext checks on import (each a DataError), and the members written on export.
/// </summary>
internal static class JsonWebKeys
{
    /// <summary>Checks the members every JWK import checks: key_ops holds every usage, use fits, ext allows extraction.</summary>
    public static void CheckCommon(CryptoRequest jwk, string kty, IReadOnlyList<string> usages, bool extractable, string use)
    {
        if (jwk.String("kty") != kty) throw CryptoFailure.DataError($"The JWK's kty must be '{kty}'");
        if (jwk.Root.TryGetProperty("key_ops", out _))
        {
            var ops = jwk.Strings("key_ops");
            foreach (var usage in usages) if (!ops.Contains(usage)) throw CryptoFailure.DataError($"The JWK's key_ops do not allow '{usage}'");
        }

        if (usages.Count > 0 && jwk.String("use") is { } given && given != use) throw CryptoFailure.DataError($"The JWK's use must be '{use}'");
        if (extractable && jwk.Root.TryGetProperty("ext", out var ext) && ext.ValueKind == System.Text.Json.JsonValueKind.False)
        {
            throw CryptoFailure.DataError("The JWK is not extractable (ext is false) but an extractable key was asked for");
        }
    }

    /// <summary>Checks the JWK's alg, when it has one, is <paramref name="expected"/>.</summary>
    public static void CheckAlg(CryptoRequest jwk, string expected)
    {
        if (jwk.String("alg") is { } alg && alg != expected) throw CryptoFailure.DataError($"The JWK's alg '{alg}' does not match the algorithm ('{expected}' expected)");
    }

    /// <summary>A base64url member's bytes; missing or malformed is a DataError.</summary>
    public static byte[] Bytes(CryptoRequest jwk, string member)
    {
        var text = jwk.String(member) ?? throw CryptoFailure.DataError($"The JWK has no '{member}' member");
        try
        {
            return Base64Url.DecodeFromChars(text);
        }
        catch (FormatException)
        {
            throw CryptoFailure.DataError($"The JWK's '{member}' member is not base64url");
        }
    }

    /// <summary>The base64url text of bytes (no padding).</summary>
    public static string Text(ReadOnlySpan<byte> bytes) => Base64Url.EncodeToString(bytes);

    /// <summary>Imports an RSA JWK (public, or private with its CRT members).</summary>
    public static RsaMaterial ImportRsa(CryptoRequest jwk)
    {
        var n = Trim(Bytes(jwk, "n"));
        var parameters = new RSAParameters { Modulus = n, Exponent = Trim(Bytes(jwk, "e")) };
        var isPrivate = jwk.Root.TryGetProperty("d", out _);
        if (isPrivate)
        {
            if (jwk.Root.TryGetProperty("oth", out _)) throw CryptoFailure.NotSupported("RSA keys with more than two primes (oth) are not supported");
            var half = (n.Length + 1) / 2;
            parameters.D = Pad(Bytes(jwk, "d"), n.Length);
            parameters.P = Pad(Bytes(jwk, "p"), half);
            parameters.Q = Pad(Bytes(jwk, "q"), half);
            parameters.DP = Pad(Bytes(jwk, "dp"), half);
            parameters.DQ = Pad(Bytes(jwk, "dq"), half);
            parameters.InverseQ = Pad(Bytes(jwk, "qi"), half);
        }

        var rsa = RSA.Create();
        try
        {
            rsa.ImportParameters(parameters);
            return new RsaMaterial(rsa, isPrivate);
        }
        catch (CryptographicException)
        {
            rsa.Dispose();
            throw CryptoFailure.DataError("The JWK is not a valid RSA key");
        }
    }

    /// <summary>Imports an EC JWK on <paramref name="curve"/> (public, or private with d).</summary>
    public static EcMaterial ImportEc(CryptoRequest jwk, string algorithm, string curve)
    {
        if (jwk.String("crv") != curve) throw CryptoFailure.DataError($"The JWK's crv must be '{curve}'");
        var size = EcCurves.FieldBytes(curve);
        var parameters = new ECParameters { Curve = EcCurves.Of(curve), Q = new ECPoint { X = Exact(jwk, "x", size), Y = Exact(jwk, "y", size) } };
        var isPrivate = jwk.Root.TryGetProperty("d", out _);
        if (isPrivate) parameters.D = Exact(jwk, "d", size);
        var key = EcCurves.Create(algorithm);
        try
        {
            key.ImportParameters(parameters);
            return new EcMaterial(key, curve, isPrivate);
        }
        catch (CryptographicException)
        {
            key.Dispose();
            throw CryptoFailure.DataError($"The JWK is not a valid {curve} key");
        }
    }

    /// <summary>The JWK of a key: kty and its key members, plus alg (when given), key_ops and ext.</summary>
    public static JsonObject Export(CryptoKeyEntry entry, string? alg, IReadOnlyList<string> ops, bool ext)
    {
        var jwk = new JsonObject();
        switch (entry.Material)
        {
            case SecretMaterial secret:
                jwk["kty"] = "oct";
                jwk["k"] = Text(secret.Bytes);
                break;
            case RsaMaterial rsa:
                var p = rsa.Rsa.ExportParameters(rsa.IsPrivate);
                jwk["kty"] = "RSA";
                jwk["n"] = Text(Trim(p.Modulus!));
                jwk["e"] = Text(Trim(p.Exponent!));
                if (rsa.IsPrivate)
                {
                    jwk["d"] = Text(Trim(p.D!));
                    jwk["p"] = Text(Trim(p.P!));
                    jwk["q"] = Text(Trim(p.Q!));
                    jwk["dp"] = Text(Trim(p.DP!));
                    jwk["dq"] = Text(Trim(p.DQ!));
                    jwk["qi"] = Text(Trim(p.InverseQ!));
                }

                break;
            case EcMaterial ec:
                var q = ec.Key.ExportParameters(ec.IsPrivate);
                jwk["kty"] = "EC";
                jwk["crv"] = ec.Curve;
                jwk["x"] = Text(q.Q.X);
                jwk["y"] = Text(q.Q.Y);
                if (ec.IsPrivate) jwk["d"] = Text(Pad(q.D!, EcCurves.FieldBytes(ec.Curve)));
                break;
        }

        if (alg is not null) jwk["alg"] = alg;
        var keyOps = new JsonArray();
        foreach (var op in ops) keyOps.Add(op);
        jwk["key_ops"] = keyOps;
        jwk["ext"] = ext;
        return jwk;
    }

    private static byte[] Exact(CryptoRequest jwk, string member, int size)
    {
        var bytes = Bytes(jwk, member);
        return bytes.Length == size ? bytes : throw CryptoFailure.DataError($"The JWK's '{member}' must be {size} bytes; got {bytes.Length}");
    }

    private static byte[] Trim(byte[] bytes)
    {
        var i = 0;
        while (i < bytes.Length - 1 && bytes[i] == 0) i++;
        return i == 0 ? bytes : bytes[i..];
    }

    private static byte[] Pad(byte[] bytes, int length)
    {
        if (bytes.Length == length) return bytes;
        if (bytes.Length > length) throw CryptoFailure.DataError("A JWK member is longer than the key allows");
        var padded = new byte[length];
        bytes.CopyTo(padded, length - bytes.Length);
        return padded;
    }
}
