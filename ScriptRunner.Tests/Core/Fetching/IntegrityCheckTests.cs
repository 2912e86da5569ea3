using System.Text;
using ScriptRunner.Core.Fetching;

namespace ScriptRunner.Tests.Core.Fetching;

public sealed class IntegrityCheckTests
{
    // FIPS 180-2 test vector for "abc".
    private const string AbcDigest = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";
    private static readonly byte[] Abc = Encoding.ASCII.GetBytes("abc");

    [Fact]
    public void Sha256Hex_ReturnsLowercaseHexDigest()
    {
        Assert.Equal(AbcDigest, IntegrityCheck.Sha256Hex(Abc));
    }

    [Fact]
    public void Verify_WithoutPin_ReturnsTheDigest()
    {
        Assert.Equal(AbcDigest, IntegrityCheck.Verify(Abc, pin: null));
    }

    [Theory]
    [InlineData(AbcDigest)]
    [InlineData("BA7816BF8F01CFEA414140DE5DAE2223B00361A396177A9CB410FF61F20015AD")]
    [InlineData("  ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad\n")]
    public void Verify_MatchingPin_IgnoresCaseAndSurroundingWhitespace(string pin)
    {
        Assert.Equal(AbcDigest, IntegrityCheck.Verify(Abc, pin));
    }

    [Fact]
    public void Verify_MismatchedPin_ThrowsWithBothDigests()
    {
        var pin = new string('0', 64);

        var ex = Assert.Throws<IntegrityException>(() => IntegrityCheck.Verify(Abc, pin));

        Assert.Equal($"sha256 mismatch: expected {pin}, got {AbcDigest}", ex.Message);
        Assert.Equal(pin, ex.Expected);
        Assert.Equal(AbcDigest, ex.Actual);
    }

    [Fact]
    public void Verify_MismatchedUppercasePin_ReportsItLowercased()
    {
        var ex = Assert.Throws<IntegrityException>(() => IntegrityCheck.Verify(Abc, new string('A', 64)));

        Assert.Equal($"sha256 mismatch: expected {new string('a', 64)}, got {AbcDigest}", ex.Message);
    }

    [Theory]
    [InlineData("")]
    [InlineData("abc")]
    [InlineData("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015a")]
    [InlineData("zz7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")]
    [InlineData("sha256-ungWv48Bz+pBQUDeXa4iI7ADYaOWF3qctBD/YfIAFa0=")]
    public void Verify_MalformedPin_ThrowsNamingThePinAndTheActualDigest(string pin)
    {
        var ex = Assert.Throws<IntegrityException>(() => IntegrityCheck.Verify(Abc, pin));

        Assert.Equal($"sha256 pin '{pin.Trim()}' is not a 64-digit hex SHA-256 digest; the code's digest is {AbcDigest}", ex.Message);
    }
}
