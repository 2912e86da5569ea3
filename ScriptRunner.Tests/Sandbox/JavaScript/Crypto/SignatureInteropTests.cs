using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace ScriptRunner.Tests.Sandbox.JavaScript.Crypto;

/// <summary>
/// Signatures, encryption and key agreement with keys made by .NET, checked both ways: what the script makes, .NET
/// verifies or decrypts directly; what .NET makes, the script verifies or decrypts.
/// </summary>
public sealed class SignatureInteropTests
{
    private static readonly byte[] Message = "The quick brown fox jumps over the lazy dog"u8.ToArray();

    private static string Script(string engine, string body) => CryptoScripts.Run(engine, "const message = utf8('The quick brown fox jumps over the lazy dog');\n" + body);

    private static byte[] Unquote(string json) => Base64Url.DecodeFromChars(json.Trim('"'));

    public static TheoryData<string, string, int> Curves() => new()
    {
        { "jint", "P-256", 256 }, { "v8", "P-256", 256 }, { "jint", "P-384", 384 }, { "v8", "P-384", 384 }, { "jint", "P-521", 512 }, { "v8", "P-521", 512 },
    };

    private static ECCurve Curve(string name) => name switch { "P-256" => ECCurve.NamedCurves.nistP256, "P-384" => ECCurve.NamedCurves.nistP384, _ => ECCurve.NamedCurves.nistP521 };

    [Theory]
    [MemberData(nameof(Curves))]
    public void Ecdsa_ScriptSignature_VerifiesInDotNet(string engine, string curve, int hashBits)
    {
        using var key = ECDsa.Create(Curve(curve));
        var pkcs8 = Convert.ToBase64String(key.ExportPkcs8PrivateKey());
        var signature = Unquote(Script(engine, $$"""
            const key = await subtle.importKey('pkcs8', unb64('{{pkcs8}}'), { name: 'ECDSA', namedCurve: '{{curve}}' }, false, ['sign']);
            return b64url(await subtle.sign({ name: 'ECDSA', hash: 'SHA-{{hashBits}}' }, key, message));
            """));
        Assert.True(key.VerifyData(Message, signature, new HashAlgorithmName($"SHA{hashBits}"), DSASignatureFormat.IeeeP1363FixedFieldConcatenation));
    }

    [Theory]
    [MemberData(nameof(Curves))]
    public void Ecdsa_DotNetSignature_VerifiesInScript_AndATamperedOneDoesNot(string engine, string curve, int hashBits)
    {
        using var key = ECDsa.Create(Curve(curve));
        var spki = Convert.ToBase64String(key.ExportSubjectPublicKeyInfo());
        var signature = Base64Url.EncodeToString(key.SignData(Message, new HashAlgorithmName($"SHA{hashBits}"), DSASignatureFormat.IeeeP1363FixedFieldConcatenation));
        Assert.Equal("[true,false,false]", Script(engine, $$"""
            const key = await subtle.importKey('spki', unb64('{{spki}}'), { name: 'ECDSA', namedCurve: '{{curve}}' }, true, ['verify']);
            const alg = { name: 'ECDSA', hash: 'SHA-{{hashBits}}' };
            const signature = unb64url('{{signature}}');
            const tampered = signature.slice(); tampered[5] ^= 1;
            return [await subtle.verify(alg, key, signature, message), await subtle.verify(alg, key, tampered, message), await subtle.verify(alg, key, signature.slice(1), message)];
            """));
    }

    public static TheoryData<string, string> RsaSchemes() => new()
    {
        { "jint", "RSASSA-PKCS1-v1_5" }, { "v8", "RSASSA-PKCS1-v1_5" }, { "jint", "RSA-PSS" }, { "v8", "RSA-PSS" },
    };

    private static RSASignaturePadding Padding(string scheme) => scheme == "RSA-PSS" ? RSASignaturePadding.Pss : RSASignaturePadding.Pkcs1;

    [Theory]
    [MemberData(nameof(RsaSchemes))]
    public void Rsa_ScriptSignature_VerifiesInDotNet(string engine, string scheme)
    {
        using var key = RSA.Create(2048);
        var pkcs8 = Convert.ToBase64String(key.ExportPkcs8PrivateKey());
        var signature = Unquote(Script(engine, $$"""
            const key = await subtle.importKey('pkcs8', unb64('{{pkcs8}}'), { name: '{{scheme}}', hash: 'SHA-256' }, false, ['sign']);
            return b64url(await subtle.sign({ name: '{{scheme}}', saltLength: 32 }, key, message));
            """));
        Assert.True(key.VerifyData(Message, signature, HashAlgorithmName.SHA256, Padding(scheme)));
    }

    [Theory]
    [MemberData(nameof(RsaSchemes))]
    public void Rsa_DotNetSignature_VerifiesInScript_FromAJwk(string engine, string scheme)
    {
        using var key = RSA.Create(2048);
        var p = key.ExportParameters(false);
        var signature = Base64Url.EncodeToString(key.SignData(Message, HashAlgorithmName.SHA256, Padding(scheme)));
        Assert.Equal("[true,false,2048,\"010001\"]", Script(engine, $$"""
            const jwk = { kty: 'RSA', n: '{{Base64Url.EncodeToString(p.Modulus)}}', e: '{{Base64Url.EncodeToString(p.Exponent)}}' };
            const key = await subtle.importKey('jwk', jwk, { name: '{{scheme}}', hash: 'SHA-256' }, true, ['verify']);
            const signature = unb64url('{{signature}}');
            return [await subtle.verify({ name: '{{scheme}}', saltLength: 32 }, key, signature, message),
              await subtle.verify({ name: '{{scheme}}', saltLength: 32 }, key, signature, utf8('another message')),
              key.algorithm.modulusLength, hex(key.algorithm.publicExponent)];
            """));
    }

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void RsaOaep_EncryptsForDotNet_AndDecryptsWhatDotNetEncrypted(string engine)
    {
        using var key = RSA.Create(2048);
        var spki = Convert.ToBase64String(key.ExportSubjectPublicKeyInfo());
        var pkcs8 = Convert.ToBase64String(key.ExportPkcs8PrivateKey());
        var fromDotNet = Base64Url.EncodeToString(key.Encrypt("from .NET"u8, RSAEncryptionPadding.OaepSHA256));
        var answer = Script(engine, $$"""
            const alg = { name: 'RSA-OAEP', hash: 'SHA-256' };
            const pub = await subtle.importKey('spki', unb64('{{spki}}'), alg, false, ['encrypt']);
            const priv = await subtle.importKey('pkcs8', unb64('{{pkcs8}}'), alg, false, ['decrypt']);
            const sealed = await subtle.encrypt({ name: 'RSA-OAEP' }, pub, utf8('from the script'));
            return [b64url(sealed), new TextDecoder().decode(await subtle.decrypt({ name: 'RSA-OAEP' }, priv, unb64url('{{fromDotNet}}')))];
            """);
        var parts = answer.Trim('[', ']').Split(',');
        Assert.Equal("from the script", Encoding.UTF8.GetString(key.Decrypt(Unquote(parts[0]), RSAEncryptionPadding.OaepSHA256)));
        Assert.Equal("\"from .NET\"", parts[1]);
    }

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void Ecdh_DeriveBits_AgreesWithDotNet(string engine)
    {
        using var mine = ECDiffieHellman.Create(ECCurve.NamedCurves.nistP256);
        using var theirs = ECDiffieHellman.Create(ECCurve.NamedCurves.nistP256);
        var q = theirs.ExportParameters(false).Q;
        var raw = Convert.ToHexStringLower([4, .. q.X!, .. q.Y!]);
        var expected = Convert.ToHexStringLower(mine.DeriveRawSecretAgreement(theirs.PublicKey));
        Assert.Equal($"[\"{expected}\",\"{expected[..32]}\"]", Script(engine, $$"""
            const priv = await subtle.importKey('pkcs8', unb64('{{Convert.ToBase64String(mine.ExportPkcs8PrivateKey())}}'), { name: 'ECDH', namedCurve: 'P-256' }, false, ['deriveBits']);
            const pub = await subtle.importKey('raw', unhex('{{raw}}'), { name: 'ECDH', namedCurve: 'P-256' }, true, []);
            return [hex(await subtle.deriveBits({ name: 'ECDH', public: pub }, priv, null)), hex(await subtle.deriveBits({ name: 'ECDH', public: pub }, priv, 128))];
            """));
    }

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void Ecdh_GeneratedPairs_AgreeOnAnAesKey(string engine) =>
        Assert.Equal("\"hello\"", CryptoScripts.Run(engine, """
            const alg = { name: 'ECDH', namedCurve: 'P-384' };
            const a = await subtle.generateKey(alg, false, ['deriveKey']);
            const b = await subtle.generateKey(alg, false, ['deriveKey']);
            const aes = { name: 'AES-GCM', length: 256 };
            const ka = await subtle.deriveKey({ name: 'ECDH', public: b.publicKey }, a.privateKey, aes, false, ['encrypt']);
            const kb = await subtle.deriveKey({ name: 'ECDH', public: a.publicKey }, b.privateKey, aes, false, ['decrypt']);
            const iv = crypto.getRandomValues(new Uint8Array(12));
            const sealed = await subtle.encrypt({ name: 'AES-GCM', iv }, ka, utf8('hello'));
            return new TextDecoder().decode(await subtle.decrypt({ name: 'AES-GCM', iv }, kb, sealed));
            """));
}
