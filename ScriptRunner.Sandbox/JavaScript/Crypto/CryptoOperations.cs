using System.Security.Cryptography;

namespace ScriptRunner.Sandbox.JavaScript.Crypto;

/// <summary>
/// sign, verify, encrypt, decrypt and deriveBits on a key of the table. Each checks the key fits the request
/// (the algorithm name, and a private or public key where it matters), then runs .NET's implementation.
/// </summary>
internal static class CryptoOperations
{
    /// <summary>Signs the first input with <c>{name, hash?, saltLength?}</c>.</summary>
    public static byte[] Sign(CryptoKeyEntry key, CryptoRequest request, ReadOnlySpan<byte> data)
    {
        CheckName(key, request);
        switch (key.Material)
        {
            case SecretMaterial secret when key.Name == "HMAC":
                return HashAlgorithms.Hmac(key.Hash, secret.Bytes, data);
            case RsaMaterial { IsPrivate: true } rsa:
                return rsa.Rsa.SignData(data, HashAlgorithms.Of(key.Hash), RsaPadding(key, request));
            case EcMaterial { IsPrivate: true, Key: ECDsa ecdsa }:
                return ecdsa.SignData(data, HashAlgorithms.Of(request.RequiredString("hash")), DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
            default:
                throw CryptoFailure.InvalidAccess("The key cannot sign");
        }
    }

    /// <summary>Verifies the first input (the signature) over the second input (the data).</summary>
    public static bool Verify(CryptoKeyEntry key, CryptoRequest request, ReadOnlySpan<byte> signature, ReadOnlySpan<byte> data)
    {
        CheckName(key, request);
        switch (key.Material)
        {
            case SecretMaterial secret when key.Name == "HMAC":
                return CryptographicOperations.FixedTimeEquals(HashAlgorithms.Hmac(key.Hash, secret.Bytes, data), signature);
            case RsaMaterial { IsPrivate: false } rsa:
                var padding = RsaPadding(key, request);
                try
                {
                    return signature.Length == (rsa.Rsa.KeySize + 7) / 8 && rsa.Rsa.VerifyData(data, signature, HashAlgorithms.Of(key.Hash), padding);
                }
                catch (CryptographicException)
                {
                    return false;
                }

            case EcMaterial { IsPrivate: false, Key: ECDsa ecdsa } ec:
                var hash = HashAlgorithms.Of(request.RequiredString("hash"));
                try
                {
                    return signature.Length == 2 * EcCurves.FieldBytes(ec.Curve)
                        && ecdsa.VerifyData(data, signature, hash, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
                }
                catch (CryptographicException)
                {
                    // A signature whose r or s is out of range is simply not a valid signature.
                    return false;
                }
            default:
                throw CryptoFailure.InvalidAccess("The key cannot verify");
        }
    }

    private static RSASignaturePadding RsaPadding(CryptoKeyEntry key, CryptoRequest request)
    {
        if (key.Name == "RSASSA-PKCS1-v1_5") return RSASignaturePadding.Pkcs1;
        if (key.Name != "RSA-PSS") throw CryptoFailure.InvalidAccess($"An {key.Name} key cannot sign or verify");
        var salt = request.Integer("saltLength");
        if (salt != HashAlgorithms.OutputBytes(key.Hash))
        {
            throw CryptoFailure.NotSupported($"RSA-PSS on this host uses a salt as long as the hash ({HashAlgorithms.OutputBytes(key.Hash)} bytes for {key.Hash}); got saltLength {salt}");
        }

        return RSASignaturePadding.Pss;
    }

    /// <summary>Encrypts or decrypts the first input; the second is the iv or counter, the third the additional data or label.</summary>
    public static byte[] Cipher(CryptoKeyEntry key, CryptoRequest request, bool encrypt)
    {
        CheckName(key, request);
        var inputs = request.Inputs;
        var data = inputs.First.Span;
        switch (key.Material)
        {
            case SecretMaterial secret:
                return key.Name switch
                {
                    "AES-GCM" => encrypt
                        ? AesCiphers.GcmEncrypt(secret.Bytes, inputs.Second.Span, data, inputs.Third.Span, (int)(request.Integer("tagLength") ?? 128))
                        : AesCiphers.GcmDecrypt(secret.Bytes, inputs.Second.Span, data, inputs.Third.Span, (int)(request.Integer("tagLength") ?? 128)),
                    "AES-CBC" => encrypt ? AesCiphers.CbcEncrypt(secret.Bytes, inputs.Second.Span, data) : AesCiphers.CbcDecrypt(secret.Bytes, inputs.Second.Span, data),
                    "AES-CTR" => AesCiphers.Ctr(secret.Bytes, inputs.Second.Span, (int)(request.Integer("length") ?? 0), data),
                    "AES-KW" => encrypt ? AesCiphers.KeyWrap(secret.Bytes, data) : AesCiphers.KeyUnwrap(secret.Bytes, data),
                    _ => throw CryptoFailure.InvalidAccess($"An {key.Name} key cannot encrypt or decrypt"),
                };
            case RsaMaterial rsa when key.Name == "RSA-OAEP":
                if (inputs.Third.Length > 0) throw CryptoFailure.NotSupported("RSA-OAEP labels are not supported on this host (an empty label is)");
                if (encrypt != !rsa.IsPrivate) throw CryptoFailure.InvalidAccess(encrypt ? "Encryption takes the public key" : "Decryption takes the private key");
                var padding = RSAEncryptionPadding.CreateOaep(HashAlgorithms.Of(key.Hash));
                try
                {
                    return encrypt ? rsa.Rsa.Encrypt(data, padding) : rsa.Rsa.Decrypt(data, padding);
                }
                catch (CryptographicException)
                {
                    throw CryptoFailure.Operation(encrypt ? "The data is too long for the key" : "The operation failed for an operation-specific reason");
                }

            default:
                throw CryptoFailure.InvalidAccess($"An {key.Name} key cannot encrypt or decrypt");
        }
    }

    /// <summary>
    /// Derives <c>length</c> bits (PBKDF2: salt first input, iterations; HKDF: salt first, info second; ECDH: the
    /// peer's public key handle <c>public</c>, length optional).
    /// </summary>
    public static byte[] DeriveBits(CryptoKeyEntry key, CryptoRequest request, CryptoKeyTable keys, CancellationToken deadline)
    {
        CheckName(key, request);
        var length = request.Integer("length");
        switch (key.Name)
        {
            case "PBKDF2":
                {
                    var bytes = WholeBytes(length);
                    var iterations = request.Integer("iterations") ?? 0;
                    if (iterations <= 0) throw CryptoFailure.Operation("The iterations must be at least 1");
                    var hash = request.RequiredString("hash");
                    return KeyDerivation.Pbkdf2(((SecretMaterial)key.Material).Bytes, request.Inputs.First.Span, iterations, hash, bytes, deadline);
                }

            case "HKDF":
                {
                    var bytes = WholeBytes(length);
                    var hash = request.RequiredString("hash");
                    if (bytes > 255 * HashAlgorithms.OutputBytes(hash)) throw CryptoFailure.Operation($"HKDF with {hash} derives at most {255 * HashAlgorithms.OutputBytes(hash) * 8} bits");
                    var output = new byte[bytes];
                    HKDF.DeriveKey(HashAlgorithms.Of(hash), ((SecretMaterial)key.Material).Bytes, output, request.Inputs.First.Span, request.Inputs.Second.Span);
                    return output;
                }

            case "ECDH":
                {
                    if (key.Material is not EcMaterial { IsPrivate: true, Key: ECDiffieHellman own } mine) throw CryptoFailure.InvalidAccess("The base key must be an ECDH private key");
                    var peer = keys.Get((int)(request.Integer("public") ?? -1));
                    if (peer.Name != "ECDH" || peer.Material is not EcMaterial { IsPrivate: false, Key: ECDiffieHellman other } theirs)
                    {
                        throw CryptoFailure.InvalidAccess("The public key must be an ECDH public key");
                    }

                    if (theirs.Curve != mine.Curve) throw CryptoFailure.InvalidAccess("The public key is on a different curve");
                    var secret = own.DeriveRawSecretAgreement(other.PublicKey);
                    if (length is null) return secret;
                    if (length > secret.Length * 8L) throw CryptoFailure.Operation($"ECDH on {mine.Curve} derives at most {secret.Length * 8} bits");
                    var output = secret[..(int)((length.Value + 7) / 8)];
                    if (length % 8 != 0) output[^1] &= (byte)(0xFF << (int)(8 - length.Value % 8));
                    return output;
                }

            default:
                throw CryptoFailure.InvalidAccess($"An {key.Name} key cannot derive bits");
        }
    }

    private static int WholeBytes(long? length)
    {
        if (length is null) throw CryptoFailure.Operation("The length must be given");
        if (length <= 0 || length % 8 != 0) throw CryptoFailure.Operation($"The length must be a positive multiple of 8; got {length}");
        if (length > int.MaxValue / 8) throw CryptoFailure.Operation("The length is too large");
        return (int)(length / 8);
    }

    private static void CheckName(CryptoKeyEntry key, CryptoRequest request)
    {
        if (request.String("name") is { } name && name != key.Name) throw CryptoFailure.InvalidAccess($"The key is an {key.Name} key, not {name}");
    }
}
