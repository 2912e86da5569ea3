using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace ScriptRunner.Tests.Sandbox.JavaScript.Crypto;

/// <summary>JSON Web Tokens checked end to end: tokens .NET signs (HS256, RS256, ES256) verified by a script, and a token a script signs verified by .NET.</summary>
public sealed class JwtTests
{
    private const string Verifier = """
        async function verifyJwt(token, alg, keyData) {
          const [h, p, s] = token.split('.');
          const header = JSON.parse(new TextDecoder().decode(unb64url(h)));
          if (header.alg !== alg) throw new Error('unexpected alg ' + header.alg);
          const params = {
            HS256: [{ name: 'HMAC', hash: 'SHA-256' }, 'HMAC'],
            RS256: [{ name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' }, 'RSASSA-PKCS1-v1_5'],
            ES256: [{ name: 'ECDSA', namedCurve: 'P-256' }, { name: 'ECDSA', hash: 'SHA-256' }],
          }[alg];
          const key = alg === 'HS256'
            ? await subtle.importKey('raw', utf8(keyData), params[0], false, ['verify'])
            : await subtle.importKey('jwk', keyData, params[0], false, ['verify']);
          const ok = await subtle.verify(params[1], key, unb64url(s), utf8(h + '.' + p));
          return ok ? JSON.parse(new TextDecoder().decode(unb64url(p))) : null;
        }
        """;

    private static string Token(string alg, Func<byte[], byte[]> sign)
    {
        var header = Base64Url.EncodeToString(Encoding.UTF8.GetBytes($$"""{"alg":"{{alg}}","typ":"JWT"}"""));
        var payload = Base64Url.EncodeToString("""{"sub":"user-42","exp":4102444800}"""u8);
        return $"{header}.{payload}.{Base64Url.EncodeToString(sign(Encoding.ASCII.GetBytes($"{header}.{payload}")))}";
    }

    private static string Check(string engine, string token, string alg, string keyData) =>
        CryptoScripts.Run(engine, Verifier + $"\nconst token = '{token}';\nreturn [await verifyJwt(token, '{alg}', {keyData}), await verifyJwt(token.slice(0, -4) + 'AAAA', '{alg}', {keyData})];");

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void Hs256_TokenFromDotNet_Verifies(string engine)
    {
        var token = Token("HS256", data => HMACSHA256.HashData("a-shared-secret-of-enough-length"u8, data));
        Assert.Equal("[{\"sub\":\"user-42\",\"exp\":4102444800},null]", Check(engine, token, "HS256", "'a-shared-secret-of-enough-length'"));
    }

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void Rs256_TokenFromDotNet_Verifies(string engine)
    {
        using var rsa = RSA.Create(2048);
        var token = Token("RS256", data => rsa.SignData(data, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));
        var p = rsa.ExportParameters(false);
        var jwk = $"{{ kty: 'RSA', n: '{Base64Url.EncodeToString(p.Modulus)}', e: '{Base64Url.EncodeToString(p.Exponent)}', alg: 'RS256', use: 'sig' }}";
        Assert.Equal("[{\"sub\":\"user-42\",\"exp\":4102444800},null]", Check(engine, token, "RS256", jwk));
    }

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void Es256_TokenFromDotNet_Verifies(string engine)
    {
        using var ec = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var token = Token("ES256", data => ec.SignData(data, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation));
        var q = ec.ExportParameters(false).Q;
        var jwk = $"{{ kty: 'EC', crv: 'P-256', x: '{Base64Url.EncodeToString(q.X)}', y: '{Base64Url.EncodeToString(q.Y)}', alg: 'ES256' }}";
        Assert.Equal("[{\"sub\":\"user-42\",\"exp\":4102444800},null]", Check(engine, token, "ES256", jwk));
    }

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void Es256_TokenFromScript_VerifiesInDotNet(string engine)
    {
        var answer = CryptoScripts.Run(engine, """
            const pair = await subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, false, ['sign', 'verify']);
            const enc = (o) => b64url(utf8(JSON.stringify(o)));
            const input = enc({ alg: 'ES256', typ: 'JWT' }) + '.' + enc({ sub: 'script' });
            const signature = await subtle.sign({ name: 'ECDSA', hash: 'SHA-256' }, pair.privateKey, utf8(input));
            return [input + '.' + b64url(signature), b64url(await subtle.exportKey('spki', pair.publicKey))];
            """);
        var parts = answer.Trim('[', ']').Split(',').Select(s => s.Trim('"')).ToArray();
        var token = parts[0].Split('.');
        using var ec = ECDsa.Create();
        ec.ImportSubjectPublicKeyInfo(Base64Url.DecodeFromChars(parts[1]), out _);
        Assert.True(ec.VerifyData(Encoding.ASCII.GetBytes(token[0] + "." + token[1]), Base64Url.DecodeFromChars(token[2]), HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation));
    }
}
