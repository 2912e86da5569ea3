using System.Buffers.Text;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ScriptRunner.Tests.Sandbox.JavaScript.Crypto;

/// <summary>The WebCrypto samples in <c>samples/js/</c>, run as a user would: a webhook's HMAC, an RS256 JWT, an AES-GCM cookie.</summary>
public sealed class SampleTests
{
    private static string Sample(string name, [CallerFilePath] string path = "") =>
        File.ReadAllText(Path.Combine(Path.GetDirectoryName(path)!, "..", "..", "..", "..", "samples", "js", name));

    private static JsonNode Answer(string engine, string sample, string requestJson, Dictionary<string, string> env) =>
        JsonNode.Parse(JsHarness.On(engine).Json(JsHarness.On(engine).Execute(Sample(sample), handler: "fetch", requestJson: requestJson, env: env)))!;

    private static string Request(string method, string url, Dictionary<string, string> headers, string body = "") =>
        JsonSerializer.Serialize(new { method, url, headers, body });

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void Webhook_WithTheRightSignature_IsAccepted_AndATamperedBodyIsNot(string engine)
    {
        var env = new Dictionary<string, string> { ["WEBHOOK_SECRET"] = "It's a Secret to Everybody" };
        var signature = "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(env["WEBHOOK_SECRET"]), "Hello, World!"u8));
        Assert.Equal("sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17", signature);
        var good = Answer(engine, "crypto-webhook-hmac.mjs", Request("POST", "/hook", new() { ["x-signature-256"] = signature }, "Hello, World!"), env);
        var bad = Answer(engine, "crypto-webhook-hmac.mjs", Request("POST", "/hook", new() { ["x-signature-256"] = signature }, "Hello, World?"), env);
        Assert.Equal((200, "{\"accepted\":true,\"bytes\":13}"), ((int)good["statusCode"]!, (string)good["body"]!));
        Assert.Equal((401, "{\"error\":\"bad signature\"}"), ((int)bad["statusCode"]!, (string)bad["body"]!));
    }

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void Jwt_SignedByTheIssuer_AnswersItsClaims_AndAnExpiredOneIsRefused(string engine)
    {
        using var rsa = RSA.Create(2048);
        var p = rsa.ExportParameters(false);
        var env = new Dictionary<string, string> { ["JWT_PUBLIC_JWK"] = JsonSerializer.Serialize(new { kty = "RSA", n = Base64Url.EncodeToString(p.Modulus), e = Base64Url.EncodeToString(p.Exponent) }) };
        string Token(long exp)
        {
            var head = Base64Url.EncodeToString("""{"alg":"RS256","typ":"JWT"}"""u8);
            var body = Base64Url.EncodeToString(Encoding.UTF8.GetBytes($$"""{"sub":"ada","exp":{{exp}}}"""));
            return $"{head}.{body}.{Base64Url.EncodeToString(rsa.SignData(Encoding.ASCII.GetBytes($"{head}.{body}"), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1))}";
        }

        var valid = Answer(engine, "crypto-jwt-rs256.mjs", Request("GET", "/me", new() { ["authorization"] = "Bearer " + Token(4102444800) }), env);
        var expired = Answer(engine, "crypto-jwt-rs256.mjs", Request("GET", "/me", new() { ["authorization"] = "Bearer " + Token(1000) }), env);
        Assert.Equal((200, "{\"sub\":\"ada\",\"claims\":{\"sub\":\"ada\",\"exp\":4102444800}}"), ((int)valid["statusCode"]!, (string)valid["body"]!));
        Assert.Equal((401, "{\"error\":\"expired\"}"), ((int)expired["statusCode"]!, (string)expired["body"]!));
    }

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void Cookie_SealedWithAesGcm_OpensOnTheNextVisit_AndATamperedOneStartsAfresh(string engine)
    {
        var key = RandomNumberGenerator.GetBytes(32);
        var env = new Dictionary<string, string> { ["COOKIE_KEY"] = Convert.ToBase64String(key) };
        var first = Answer(engine, "crypto-cookie-aes-gcm.mjs", Request("GET", "/visit", []), env);
        var cookie = ((string)first["headers"]!["set-cookie"]!).Split(';')[0];
        var second = Answer(engine, "crypto-cookie-aes-gcm.mjs", Request("GET", "/visit", new() { ["cookie"] = cookie }), env);
        var tampered = Answer(engine, "crypto-cookie-aes-gcm.mjs", Request("GET", "/visit", new() { ["cookie"] = cookie[..^2] + (cookie[^2] == 'A' ? "BB" : "AA") }), env);
        Assert.Equal(["{\"visits\":1}", "{\"visits\":2}", "{\"visits\":1}"], new[] { (string)first["body"]!, (string)second["body"]!, (string)tampered["body"]! });

        // The cookie is iv || AES-GCM(key, session): .NET opens it with the same key.
        var bytes = Base64Url.DecodeFromChars(cookie.AsSpan("session=".Length));
        var plain = new byte[bytes.Length - 28];
        using var gcm = new AesGcm(key, 16);
        gcm.Decrypt(bytes.AsSpan(0, 12), bytes.AsSpan(12, plain.Length), bytes.AsSpan(12 + plain.Length), plain);
        Assert.Equal("{\"visits\":1}", Encoding.UTF8.GetString(plain));
    }
}
