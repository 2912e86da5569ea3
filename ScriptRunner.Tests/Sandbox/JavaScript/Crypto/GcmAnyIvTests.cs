using System.Security.Cryptography;
using ScriptRunner.Sandbox.JavaScript.Crypto;

namespace ScriptRunner.Tests.Sandbox.JavaScript.Crypto;

/// <summary>The host's AES-GCM for any iv length, held to .NET's own AES-GCM where both apply (96-bit ivs).</summary>
public sealed class GcmAnyIvTests
{
    [Theory]
    [InlineData(0, 0, 16)]
    [InlineData(1, 0, 16)]
    [InlineData(33, 17, 16)]
    [InlineData(1000, 5, 12)]
    [InlineData(100, 7, 13)]
    public void With96BitIv_AgreesWithDotNetAesGcm(int length, int aadLength, int tagBytes)
    {
        var key = RandomNumberGenerator.GetBytes(32);
        var iv = RandomNumberGenerator.GetBytes(12);
        var data = RandomNumberGenerator.GetBytes(length);
        var aad = RandomNumberGenerator.GetBytes(aadLength);
        var expected = new byte[length + tagBytes];
        using (var gcm = new AesGcm(key, tagBytes)) gcm.Encrypt(iv, data, expected.AsSpan(0, length), expected.AsSpan(length), aad);
        Assert.Equal(Convert.ToHexString(expected), Convert.ToHexString(GcmAnyIv.Encrypt(key, iv, data, aad, tagBytes)));
        Assert.Equal(Convert.ToHexString(data), Convert.ToHexString(GcmAnyIv.Decrypt(key, iv, expected, aad, tagBytes)));
    }
}
