using System.Buffers.Binary;
using System.Security.Cryptography;

namespace ScriptRunner.Sandbox.JavaScript.Crypto;

/// <summary>PBKDF2 on .NET's implementation, or, for iteration counts that would outlast a deadline, on .NET's HMAC in steps that heed it.</summary>
internal static class KeyDerivation
{
    /// <summary>Above this many HMAC computations, PBKDF2 runs in steps that check the deadline.</summary>
    private const long OneCallWork = 200_000;

    /// <summary>PBKDF2 (RFC 8018) of <paramref name="bytes"/> bytes.</summary>
    public static byte[] Pbkdf2(byte[] password, ReadOnlySpan<byte> salt, long iterations, string hash, int bytes, CancellationToken deadline)
    {
        var name = HashAlgorithms.Of(hash);
        var hashBytes = HashAlgorithms.OutputBytes(hash);
        var blocks = (bytes + hashBytes - 1) / hashBytes;
        if (iterations * blocks <= OneCallWork && iterations <= int.MaxValue)
        {
            return Rfc2898DeriveBytes.Pbkdf2(password, salt, (int)iterations, name, bytes);
        }

        // The same function written out, so a long derivation stops when the execution's time is up.
        var output = new byte[blocks * hashBytes];
        using var hmac = IncrementalHash.CreateHMAC(name, password);
        var u = new byte[hashBytes];
        var counter = new byte[4];
        for (var block = 1; block <= blocks; block++)
        {
            var t = output.AsSpan((block - 1) * hashBytes, hashBytes);
            BinaryPrimitives.WriteInt32BigEndian(counter, block);
            hmac.AppendData(salt);
            hmac.AppendData(counter);
            hmac.GetHashAndReset(u);
            u.CopyTo(t);
            for (long i = 1; i < iterations; i++)
            {
                if ((i & 0x3FFF) == 0) deadline.ThrowIfCancellationRequested();
                hmac.AppendData(u);
                hmac.GetHashAndReset(u);
                for (var k = 0; k < hashBytes; k++) t[k] ^= u[k];
            }
        }

        return bytes == output.Length ? output : output[..bytes];
    }
}
