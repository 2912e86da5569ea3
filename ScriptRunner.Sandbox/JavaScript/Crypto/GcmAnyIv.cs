using System.Buffers.Binary;
using System.Security.Cryptography;

namespace ScriptRunner.Sandbox.JavaScript.Crypto;

/// <summary>
/// AES-GCM (NIST SP 800-38D) for ivs other than 96 bits and tags of 32 or 64 bits, which .NET's <see cref="AesGcm"/>
/// does not take: the
/// pre-counter block J0 is GHASH of the iv, then the cipher is .NET's AES in counter mode and the tag GHASH over
/// the data. GHASH is computed bit by bit, so this path is slow (tens of milliseconds a megabyte); 96-bit ivs, what
/// nearly everyone uses, with tags of 96 bits or more, go through <see cref="AesGcm"/>.
/// </summary>
internal static class GcmAnyIv
{
    private static readonly UInt128 R = (UInt128)0xE1 << 120;

    /// <summary>
    /// The most data (with additional data) this path takes: its GHASH runs about a microsecond a block in one call the
    /// deadline cannot interrupt, so its size is bounded instead.
    /// </summary>
    public const int MaxBytes = 8 * 1024 * 1024;

    /// <summary>Encrypts: ciphertext followed by a tag of <paramref name="tagBytes"/> bytes.</summary>
    public static byte[] Encrypt(byte[] key, ReadOnlySpan<byte> iv, ReadOnlySpan<byte> data, ReadOnlySpan<byte> aad, int tagBytes)
    {
        var (h, j0, mask) = Setup(key, iv, (long)data.Length + aad.Length);
        var cipher = AesCiphers.Ctr(key, Block(Increment32(j0)), 32, data);
        var output = new byte[cipher.Length + tagBytes];
        cipher.CopyTo(output, 0);
        Tag(h, mask, aad, cipher, output.AsSpan(cipher.Length));
        return output;
    }

    /// <summary>Decrypts ciphertext followed by its tag; a wrong tag is an OperationError.</summary>
    public static byte[] Decrypt(byte[] key, ReadOnlySpan<byte> iv, ReadOnlySpan<byte> data, ReadOnlySpan<byte> aad, int tagBytes)
    {
        var (h, j0, mask) = Setup(key, iv, (long)data.Length + aad.Length);
        var cipher = data[..^tagBytes];
        Span<byte> tag = stackalloc byte[tagBytes];
        Tag(h, mask, aad, cipher, tag);
        if (!CryptographicOperations.FixedTimeEquals(tag, data[^tagBytes..])) throw CryptoFailure.Operation("The operation failed for an operation-specific reason");
        return AesCiphers.Ctr(key, Block(Increment32(j0)), 32, cipher);
    }

    // H = E(K, 0); J0 = iv || 0^31 || 1 for a 96-bit iv, else GHASH(iv || 0-padding || [0]64 || [len(iv)]64);
    // E(K, J0) masks the tag. (The 96-bit rule is here too so that this path can be held to AesGcm.)
    private static (UInt128 H, UInt128 J0, byte[] Mask) Setup(byte[] key, ReadOnlySpan<byte> iv, long length)
    {
        if (length + iv.Length > MaxBytes) throw CryptoFailure.NotSupported($"AES-GCM with an iv other than 96 bits, or a tag shorter than 96 bits, takes at most {MaxBytes / (1024 * 1024)} MB here; use a 12-byte iv and a longer tag");
        using var aes = Aes.Create();
        aes.Key = key;
        var h = BinaryPrimitives.ReadUInt128BigEndian(aes.EncryptEcb(new byte[16], PaddingMode.None));
        UInt128 y;
        if (iv.Length == 12)
        {
            Span<byte> block = stackalloc byte[16];
            iv.CopyTo(block);
            block[15] = 1;
            y = BinaryPrimitives.ReadUInt128BigEndian(block);
        }
        else y = Multiply(Absorb(h, UInt128.Zero, iv) ^ (UInt128)(ulong)iv.Length * 8, h);
        return (h, y, aes.EncryptEcb(Block(y), PaddingMode.None));
    }

    private static void Tag(UInt128 h, byte[] mask, ReadOnlySpan<byte> aad, ReadOnlySpan<byte> cipher, Span<byte> tag)
    {
        var y = Absorb(h, Absorb(h, UInt128.Zero, aad), cipher);
        y = Multiply(y ^ (((UInt128)(ulong)aad.Length * 8) << 64 | (UInt128)(ulong)cipher.Length * 8), h);
        var s = Block(y);
        for (var i = 0; i < tag.Length; i++) tag[i] = (byte)(s[i] ^ mask[i]);
    }

    // GHASH over data zero-padded to whole blocks.
    private static UInt128 Absorb(UInt128 h, UInt128 y, ReadOnlySpan<byte> data)
    {
        Span<byte> last = stackalloc byte[16];
        for (var i = 0; i < data.Length; i += 16)
        {
            UInt128 x;
            if (i + 16 <= data.Length) x = BinaryPrimitives.ReadUInt128BigEndian(data[i..]);
            else
            {
                last.Clear();
                data[i..].CopyTo(last);
                x = BinaryPrimitives.ReadUInt128BigEndian(last);
            }

            y = Multiply(y ^ x, h);
        }

        return y;
    }

    // Multiplication in GF(2^128) as SP 800-38D's Algorithm 1 (bit 0 is the most significant).
    private static UInt128 Multiply(UInt128 x, UInt128 y)
    {
        var z = UInt128.Zero;
        var v = y;
        for (var i = 127; i >= 0; i--)
        {
            if (((x >> i) & UInt128.One) != UInt128.Zero) z ^= v;
            v = (v & UInt128.One) == UInt128.Zero ? v >> 1 : (v >> 1) ^ R;
        }

        return z;
    }

    private static UInt128 Increment32(UInt128 block) => (block & ~(UInt128)uint.MaxValue) | (uint)((uint)block + 1);

    private static byte[] Block(UInt128 value)
    {
        var bytes = new byte[16];
        BinaryPrimitives.WriteUInt128BigEndian(bytes, value);
        return bytes;
    }
}
