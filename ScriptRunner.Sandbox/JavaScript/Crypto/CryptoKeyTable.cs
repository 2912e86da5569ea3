using System.Security.Cryptography;

namespace ScriptRunner.Sandbox.JavaScript.Crypto;

/// <summary>The key material of one CryptoKey, kept on the host side: the script holds only its handle.</summary>
internal abstract record KeyMaterial;

/// <summary>Secret bytes: an AES, HMAC, HKDF or PBKDF2 key.</summary>
internal sealed record SecretMaterial(byte[] Bytes) : KeyMaterial;

/// <summary>An RSA public or private key.</summary>
internal sealed record RsaMaterial(RSA Rsa, bool IsPrivate) : KeyMaterial;

/// <summary>An EC public or private key on a named curve (an <see cref="ECDsa"/> for ECDSA, an <see cref="ECDiffieHellman"/> for ECDH).</summary>
internal sealed record EcMaterial(ECAlgorithm Key, string Curve, bool IsPrivate) : KeyMaterial;

/// <summary>
/// One CryptoKey as the host knows it: its algorithm (canonical name, hash, length in bits), type, extractability
/// and material. The usages live with the script-facing CryptoKey, which checks them before calling the host.
/// </summary>
internal sealed record CryptoKeyEntry(string Name, string Type, bool Extractable, KeyMaterial Material, string? Hash = null, int Length = 0);

/// <summary>
/// The keys of one execution, indexed by the handles the script's CryptoKey objects carry. It belongs to the
/// execution's host functions, so no key outlives its execution and a handle means nothing in another one.
/// </summary>
internal sealed class CryptoKeyTable
{
    private readonly List<CryptoKeyEntry> _keys = [];

    /// <summary>Adds a key and answers its handle.</summary>
    public int Add(CryptoKeyEntry entry)
    {
        _keys.Add(entry);
        return _keys.Count - 1;
    }

    /// <summary>The key behind <paramref name="handle"/>; an unknown handle is an InvalidAccessError.</summary>
    public CryptoKeyEntry Get(int handle) =>
        handle >= 0 && handle < _keys.Count ? _keys[handle] : throw CryptoFailure.InvalidAccess("The key is not a key of this execution");
}
