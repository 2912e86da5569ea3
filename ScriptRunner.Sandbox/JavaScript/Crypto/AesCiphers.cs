using System.Buffers.Binary;
using System.Numerics;
using System.Security.Cryptography;

namespace ScriptRunner.Sandbox.JavaScript.Crypto;

/// <summary>
/// AES-GCM, AES-CBC, AES-CTR and AES-KW on .NET's AES. GCM and CBC are .NET's own modes; CTR and KW (RFC 3394), which
/// .NET does not offer as modes, are built on its AES block cipher (ECB over whole batches of blocks).
/// </summary>
internal static class AesCiphers
{
    private const string Failed = "The operation failed for an operation-specific reason";

    /// <summary>AES-GCM encryption: ciphertext followed by the tag.</summary>
    public static byte[] GcmEncrypt(byte[] key, ReadOnlySpan<byte> iv, ReadOnlySpan<byte> data, ReadOnlySpan<byte> aad, int tagBits)
    {
        var tagBytes = GcmTagBytes(tagBits);
        CheckGcmIv(iv);
        if (iv.Length != 12 || tagBytes < 12) return GcmAnyIv.Encrypt(key, iv, data, aad, tagBytes);
        var output = new byte[data.Length + tagBytes];
        using var gcm = new AesGcm(key, tagBytes);
        gcm.Encrypt(iv, data, output.AsSpan(0, data.Length), output.AsSpan(data.Length), aad);
        return output;
    }

    /// <summary>AES-GCM decryption of ciphertext followed by the tag; a wrong tag is an OperationError.</summary>
    public static byte[] GcmDecrypt(byte[] key, ReadOnlySpan<byte> iv, ReadOnlySpan<byte> data, ReadOnlySpan<byte> aad, int tagBits)
    {
        var tagBytes = GcmTagBytes(tagBits);
        CheckGcmIv(iv);
        if (data.Length < tagBytes) throw CryptoFailure.Operation("The data is shorter than the authentication tag");
        if (iv.Length != 12 || tagBytes < 12) return GcmAnyIv.Decrypt(key, iv, data, aad, tagBytes);
        var plain = new byte[data.Length - tagBytes];
        using var gcm = new AesGcm(key, tagBytes);
        try
        {
            gcm.Decrypt(iv, data[..plain.Length], data[plain.Length..], plain, aad);
        }
        catch (CryptographicException)
        {
            throw CryptoFailure.Operation(Failed);
        }

        return plain;
    }

    private static int GcmTagBytes(int tagBits)
    {
        if (tagBits is not (32 or 64 or 96 or 104 or 112 or 120 or 128)) throw CryptoFailure.Operation($"The tag length {tagBits} is not valid for AES-GCM");
        return tagBits / 8;
    }

    private static void CheckGcmIv(ReadOnlySpan<byte> iv)
    {
        if (iv.Length == 0) throw CryptoFailure.Operation("The iv must not be empty");
    }

    /// <summary>AES-CBC encryption with PKCS#7 padding.</summary>
    public static byte[] CbcEncrypt(byte[] key, ReadOnlySpan<byte> iv, ReadOnlySpan<byte> data)
    {
        CheckBlockIv(iv, "iv");
        using var aes = Create(key);
        return aes.EncryptCbc(data, iv, PaddingMode.PKCS7);
    }

    /// <summary>AES-CBC decryption; bad padding is an OperationError.</summary>
    public static byte[] CbcDecrypt(byte[] key, ReadOnlySpan<byte> iv, ReadOnlySpan<byte> data)
    {
        CheckBlockIv(iv, "iv");
        if (data.Length == 0 || data.Length % 16 != 0) throw CryptoFailure.Operation("The data is not a whole number of AES blocks");
        using var aes = Create(key);
        try
        {
            return aes.DecryptCbc(data, iv, PaddingMode.PKCS7);
        }
        catch (CryptographicException)
        {
            throw CryptoFailure.Operation(Failed);
        }
    }

    /// <summary>
    /// AES-CTR (encryption and decryption are the same): the rightmost <paramref name="lengthBits"/> bits of the
    /// counter block count the blocks and wrap around; data that would reuse a counter value is an OperationError.
    /// </summary>
    public static byte[] Ctr(byte[] key, ReadOnlySpan<byte> counter, int lengthBits, ReadOnlySpan<byte> data)
    {
        CheckBlockIv(counter, "counter");
        if (lengthBits is < 1 or > 128) throw CryptoFailure.Operation($"The counter length {lengthBits} must be between 1 and 128");
        var blocks = (data.Length + 15) / 16;
        if (lengthBits < 64 && (ulong)blocks > 1UL << lengthBits) throw CryptoFailure.Operation("The data is too long for the counter length: counter values would repeat");

        var initial = BinaryPrimitives.ReadUInt128BigEndian(counter);
        var mask = lengthBits == 128 ? UInt128.MaxValue : (UInt128.One << lengthBits) - 1;
        var fixedPart = initial & ~mask;
        var count = initial & mask;
        var stream = new byte[blocks * 16];
        for (var i = 0; i < blocks; i++)
        {
            BinaryPrimitives.WriteUInt128BigEndian(stream.AsSpan(i * 16, 16), fixedPart | ((count + (UInt128)(uint)i) & mask));
        }

        using var aes = Create(key);
        aes.EncryptEcb(stream, stream, PaddingMode.None);
        var output = new byte[data.Length];
        Xor(data, stream, output);
        return output;
    }

    private static void Xor(ReadOnlySpan<byte> data, ReadOnlySpan<byte> stream, Span<byte> output)
    {
        var i = 0;
        var width = Vector<byte>.Count;
        for (; i + width <= data.Length; i += width) (new Vector<byte>(data[i..]) ^ new Vector<byte>(stream[i..])).CopyTo(output[i..]);
        for (; i < data.Length; i++) output[i] = (byte)(data[i] ^ stream[i]);
    }

    /// <summary>AES-KW (RFC 3394) wrapping of a whole number (at least two) of 64-bit blocks.</summary>
    public static byte[] KeyWrap(byte[] key, ReadOnlySpan<byte> data)
    {
        if (data.Length < 16 || data.Length % 8 != 0) throw CryptoFailure.Operation("AES-KW wraps data of at least 16 bytes in whole 8-byte blocks");
        var n = data.Length / 8;
        var a = 0xA6A6A6A6A6A6A6A6UL;
        var r = data.ToArray();
        var block = new byte[16];
        using var aes = Create(key);
        for (var j = 0; j <= 5; j++)
        {
            for (var i = 1; i <= n; i++)
            {
                BinaryPrimitives.WriteUInt64BigEndian(block, a);
                r.AsSpan((i - 1) * 8, 8).CopyTo(block.AsSpan(8));
                aes.EncryptEcb(block, block, PaddingMode.None);
                a = BinaryPrimitives.ReadUInt64BigEndian(block) ^ (ulong)(n * j + i);
                block.AsSpan(8, 8).CopyTo(r.AsSpan((i - 1) * 8));
            }
        }

        var output = new byte[data.Length + 8];
        BinaryPrimitives.WriteUInt64BigEndian(output, a);
        r.CopyTo(output, 8);
        return output;
    }

    /// <summary>AES-KW (RFC 3394) unwrapping; a failed integrity check is an OperationError.</summary>
    public static byte[] KeyUnwrap(byte[] key, ReadOnlySpan<byte> data)
    {
        if (data.Length < 24 || data.Length % 8 != 0) throw CryptoFailure.Operation("AES-KW unwraps data of at least 24 bytes in whole 8-byte blocks");
        var n = data.Length / 8 - 1;
        var a = BinaryPrimitives.ReadUInt64BigEndian(data);
        var r = data[8..].ToArray();
        var block = new byte[16];
        using var aes = Create(key);
        for (var j = 5; j >= 0; j--)
        {
            for (var i = n; i >= 1; i--)
            {
                BinaryPrimitives.WriteUInt64BigEndian(block, a ^ (ulong)(n * j + i));
                r.AsSpan((i - 1) * 8, 8).CopyTo(block.AsSpan(8));
                aes.DecryptEcb(block, block, PaddingMode.None);
                a = BinaryPrimitives.ReadUInt64BigEndian(block);
                block.AsSpan(8, 8).CopyTo(r.AsSpan((i - 1) * 8));
            }
        }

        if (a != 0xA6A6A6A6A6A6A6A6UL) throw CryptoFailure.Operation(Failed);
        return r;
    }

    private static void CheckBlockIv(ReadOnlySpan<byte> iv, string name)
    {
        if (iv.Length != 16) throw CryptoFailure.Operation($"The {name} must be 16 bytes; got {iv.Length}");
    }

    private static Aes Create(byte[] key)
    {
        var aes = Aes.Create();
        aes.Key = key;
        return aes;
    }
}
