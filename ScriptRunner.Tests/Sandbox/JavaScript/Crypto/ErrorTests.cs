namespace ScriptRunner.Tests.Sandbox.JavaScript.Crypto;

/// <summary>
/// Bad input to crypto.subtle, after WPT's WebCryptoAPI failure suites: each case rejects with the spec's error
/// (a DOMException name, or a TypeError for WebIDL conversions), never a host error, CLR text or .NET type name.
/// </summary>
public sealed class ErrorTests
{
    private const string Setup = """
        const aes = await subtle.importKey('raw', new Uint8Array(16), 'AES-GCM', false, ['encrypt', 'decrypt']);
        const verifyOnly = await subtle.importKey('raw', new Uint8Array(32), { name: 'HMAC', hash: 'SHA-256' }, true, ['verify']);
        const ecPair = await subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, false, ['sign', 'verify']);
        const iv = new Uint8Array(12);
        """;

    private static readonly Dictionary<string, (string Expression, string Expected)> Cases = new()
    {
        ["UnknownDigest"] = ("subtle.digest('SHA-3', new Uint8Array(1))", "NotSupportedError: DOMException"),
        ["UnknownAlgorithmName"] = ("subtle.generateKey({ name: 'AES', length: 128 }, true, ['encrypt'])", "NotSupportedError: DOMException"),
        ["AlgorithmWithoutName"] = ("subtle.generateKey({}, true, ['encrypt'])", "TypeError: TypeError"),
        ["UnknownHash"] = ("subtle.generateKey({ name: 'HMAC', hash: 'MD5' }, true, ['sign'])", "NotSupportedError: DOMException"),
        ["MissingIv"] = ("subtle.encrypt({ name: 'AES-GCM' }, aes, new Uint8Array(1))", "TypeError: TypeError"),
        ["IvNotABuffer"] = ("subtle.encrypt({ name: 'AES-GCM', iv: 'abc' }, aes, new Uint8Array(1))", "TypeError: TypeError"),
        ["TagLengthOutOfRange"] = ("subtle.encrypt({ name: 'AES-GCM', iv, tagLength: 256 }, aes, new Uint8Array(1))", "TypeError: TypeError"),
        ["TooFewArguments"] = ("subtle.digest('SHA-256')", "TypeError: TypeError"),
        ["WrongAesLengthOnGenerate"] = ("subtle.generateKey({ name: 'AES-GCM', length: 64 }, true, ['encrypt'])", "OperationError: DOMException"),
        ["BadUsageOnGenerate"] = ("subtle.generateKey({ name: 'AES-GCM', length: 128 }, true, ['sign'])", "SyntaxError: DOMException"),
        ["EmptyUsagesOnGenerate"] = ("subtle.generateKey({ name: 'AES-GCM', length: 128 }, true, [])", "SyntaxError: DOMException"),
        ["UnknownUsage"] = ("subtle.generateKey({ name: 'AES-GCM', length: 128 }, true, ['bogus'])", "TypeError: TypeError"),
        ["UnknownCurve"] = ("subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-512' }, true, ['sign'])", "NotSupportedError: DOMException"),
        ["RsaExponentOtherThan65537"] = ("subtle.generateKey({ name: 'RSA-PSS', hash: 'SHA-256', modulusLength: 1024, publicExponent: new Uint8Array([1, 0, 0]) }, true, ['sign'])", "OperationError: DOMException"),
        ["KeyPairWithoutPrivateUsage"] = ("subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, true, ['verify'])", "SyntaxError: DOMException"),
        ["AesKeyOf15Bytes"] = ("subtle.importKey('raw', new Uint8Array(15), 'AES-GCM', true, ['encrypt'])", "DataError: DOMException"),
        ["EmptyHmacKey"] = ("subtle.importKey('raw', new Uint8Array(0), { name: 'HMAC', hash: 'SHA-256' }, true, ['sign'])", "DataError: DOMException"),
        ["HmacLengthBeyondData"] = ("subtle.importKey('raw', new Uint8Array(16), { name: 'HMAC', hash: 'SHA-256', length: 256 }, true, ['sign'])", "DataError: DOMException"),
        ["MalformedSpki"] = ("subtle.importKey('spki', unhex('3059301306072a8648ce3d020106082a8648ce3d03010703420004'), { name: 'ECDSA', namedCurve: 'P-256' }, true, ['verify'])", "DataError: DOMException"),
        ["SpkiOfTheWrongCurve"] = ("subtle.exportKey('spki', ecPair.publicKey).then((d) => subtle.importKey('spki', d, { name: 'ECDSA', namedCurve: 'P-384' }, true, ['verify']))", "DataError: DOMException"),
        ["RawPointOfTheWrongLength"] = ("subtle.importKey('raw', new Uint8Array(64), { name: 'ECDH', namedCurve: 'P-256' }, true, [])", "DataError: DOMException"),
        ["JwkOfTheWrongKty"] = ("subtle.importKey('jwk', { kty: 'RSA', k: 'AAAAAAAAAAAAAAAAAAAAAA' }, 'AES-GCM', true, ['encrypt'])", "DataError: DOMException"),
        ["JwkWithoutK"] = ("subtle.importKey('jwk', { kty: 'oct' }, 'AES-GCM', true, ['encrypt'])", "DataError: DOMException"),
        ["JwkKNotBase64url"] = ("subtle.importKey('jwk', { kty: 'oct', k: '!!!' }, 'AES-GCM', true, ['encrypt'])", "DataError: DOMException"),
        ["JwkAlgMismatch"] = ("subtle.importKey('jwk', { kty: 'oct', k: 'AAAAAAAAAAAAAAAAAAAAAA', alg: 'A256GCM' }, 'AES-GCM', true, ['encrypt'])", "DataError: DOMException"),
        ["JwkExtFalseButExtractable"] = ("subtle.importKey('jwk', { kty: 'oct', k: 'AAAAAAAAAAAAAAAAAAAAAA', ext: false }, 'AES-GCM', true, ['encrypt'])", "DataError: DOMException"),
        ["JwkKeyOpsWithoutTheUsage"] = ("subtle.importKey('jwk', { kty: 'oct', k: 'AAAAAAAAAAAAAAAAAAAAAA', key_ops: ['encrypt'] }, 'AES-GCM', true, ['decrypt'])", "DataError: DOMException"),
        ["JwkUseForSigningOnAnAesKey"] = ("subtle.importKey('jwk', { kty: 'oct', k: 'AAAAAAAAAAAAAAAAAAAAAA', use: 'sig' }, 'AES-GCM', true, ['encrypt'])", "DataError: DOMException"),
        ["JwkEcPointOffTheCurve"] = ("subtle.importKey('jwk', { kty: 'EC', crv: 'P-256', x: b64url(new Uint8Array(32).fill(1)), y: b64url(new Uint8Array(32).fill(2)) }, { name: 'ECDSA', namedCurve: 'P-256' }, true, ['verify'])", "DataError: DOMException"),
        ["JwkGivenAsBytes"] = ("subtle.importKey('jwk', new Uint8Array(4), 'AES-GCM', true, ['encrypt'])", "TypeError: TypeError"),
        ["UnknownFormat"] = ("subtle.importKey('pem', new Uint8Array(16), 'AES-GCM', true, ['encrypt'])", "TypeError: TypeError"),
        ["RawRsaKey"] = ("subtle.importKey('raw', new Uint8Array(16), { name: 'RSA-OAEP', hash: 'SHA-256' }, true, ['encrypt'])", "NotSupportedError: DOMException"),
        ["Pkcs8HmacKey"] = ("subtle.importKey('pkcs8', new Uint8Array(16), { name: 'HMAC', hash: 'SHA-256' }, true, ['sign'])", "NotSupportedError: DOMException"),
        ["ExtractablePbkdf2Key"] = ("subtle.importKey('raw', new Uint8Array(16), 'PBKDF2', true, ['deriveBits'])", "SyntaxError: DOMException"),
        ["SignUsageOnAPublicKey"] = ("subtle.exportKey('spki', ecPair.publicKey).then((d) => subtle.importKey('spki', d, { name: 'ECDSA', namedCurve: 'P-256' }, true, ['sign']))", "SyntaxError: DOMException"),
        ["SignWithAVerifyOnlyKey"] = ("subtle.sign('HMAC', verifyOnly, new Uint8Array(1))", "InvalidAccessError: DOMException"),
        ["SignWithAKeyOfAnotherAlgorithm"] = ("subtle.sign('HMAC', aes, new Uint8Array(1))", "InvalidAccessError: DOMException"),
        ["SignWithSomethingNotAKey"] = ("subtle.sign('HMAC', { type: 'secret' }, new Uint8Array(1))", "TypeError: TypeError"),
        ["SignWithAForgedKey"] = ("subtle.sign('HMAC', Object.create(CryptoKey.prototype), new Uint8Array(1))", "TypeError: TypeError"),
        ["TamperedCiphertext"] = ("subtle.encrypt({ name: 'AES-GCM', iv }, aes, utf8('secret')).then((c) => { const t = new Uint8Array(c); t[0] ^= 1; return subtle.decrypt({ name: 'AES-GCM', iv }, aes, t); })", "OperationError: DOMException"),
        ["TamperedTag"] = ("subtle.encrypt({ name: 'AES-GCM', iv }, aes, utf8('secret')).then((c) => { const t = new Uint8Array(c); t[t.length - 1] ^= 1; return subtle.decrypt({ name: 'AES-GCM', iv }, aes, t); })", "OperationError: DOMException"),
        ["CiphertextShorterThanTheTag"] = ("subtle.decrypt({ name: 'AES-GCM', iv }, aes, new Uint8Array(8))", "OperationError: DOMException"),
        ["GcmEmptyIv"] = ("subtle.encrypt({ name: 'AES-GCM', iv: new Uint8Array(0) }, aes, new Uint8Array(1))", "OperationError: DOMException"),
        ["GcmLongIvOnMoreThan8MB"] = ("subtle.encrypt({ name: 'AES-GCM', iv: new Uint8Array(16) }, aes, new Uint8Array(8 * 1024 * 1024))", "NotSupportedError: DOMException"),
        ["GcmTagOf100Bits"] = ("subtle.encrypt({ name: 'AES-GCM', iv, tagLength: 100 }, aes, new Uint8Array(1))", "OperationError: DOMException"),
        ["CbcIvOf8Bytes"] = ("subtle.importKey('raw', new Uint8Array(16), 'AES-CBC', false, ['encrypt']).then((k) => subtle.encrypt({ name: 'AES-CBC', iv: new Uint8Array(8) }, k, new Uint8Array(1)))", "OperationError: DOMException"),
        ["CbcCiphertextNotWholeBlocks"] = ("subtle.importKey('raw', new Uint8Array(16), 'AES-CBC', false, ['decrypt']).then((k) => subtle.decrypt({ name: 'AES-CBC', iv: new Uint8Array(16) }, k, new Uint8Array(17)))", "OperationError: DOMException"),
        ["CtrLengthZero"] = ("subtle.importKey('raw', new Uint8Array(16), 'AES-CTR', false, ['encrypt']).then((k) => subtle.encrypt({ name: 'AES-CTR', counter: new Uint8Array(16), length: 0 }, k, new Uint8Array(1)))", "OperationError: DOMException"),
        ["ExportNonExtractable"] = ("subtle.exportKey('raw', aes)", "InvalidAccessError: DOMException"),
        ["ExportPbkdf2"] = ("subtle.importKey('raw', new Uint8Array(16), 'PBKDF2', false, ['deriveBits']).then((k) => subtle.exportKey('raw', k))", "NotSupportedError: DOMException"),
        ["ExportPrivateKeyAsSpki"] = ("subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, true, ['sign']).then((p) => subtle.exportKey('spki', p.privateKey))", "InvalidAccessError: DOMException"),
        ["ExportSecretKeyAsSpki"] = ("subtle.exportKey('spki', verifyOnly)", "NotSupportedError: DOMException"),
        ["Pbkdf2WithoutLength"] = ("subtle.importKey('raw', utf8('pw'), 'PBKDF2', false, ['deriveBits']).then((k) => subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt: iv, iterations: 1 }, k, null))", "OperationError: DOMException"),
        ["Pbkdf2LengthNotWholeBytes"] = ("subtle.importKey('raw', utf8('pw'), 'PBKDF2', false, ['deriveBits']).then((k) => subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt: iv, iterations: 1 }, k, 12))", "OperationError: DOMException"),
        ["Pbkdf2ZeroIterations"] = ("subtle.importKey('raw', utf8('pw'), 'PBKDF2', false, ['deriveBits']).then((k) => subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt: iv, iterations: 0 }, k, 128))", "OperationError: DOMException"),
        ["HkdfTooLong"] = ("subtle.importKey('raw', utf8('pw'), 'HKDF', false, ['deriveBits']).then((k) => subtle.deriveBits({ name: 'HKDF', hash: 'SHA-256', salt: iv, info: iv }, k, 256 * 256 * 8))", "OperationError: DOMException"),
        ["EcdhWithAnEcdsaPublicKey"] = ("subtle.generateKey({ name: 'ECDH', namedCurve: 'P-256' }, false, ['deriveBits']).then((p) => subtle.deriveBits({ name: 'ECDH', public: ecPair.publicKey }, p.privateKey, 256))", "InvalidAccessError: DOMException"),
        ["EcdhPublicNotAKey"] = ("subtle.generateKey({ name: 'ECDH', namedCurve: 'P-256' }, false, ['deriveBits']).then((p) => subtle.deriveBits({ name: 'ECDH', public: {} }, p.privateKey, 256))", "TypeError: TypeError"),
        ["UnwrapWithTheWrongKey"] = ("Promise.all([subtle.generateKey({ name: 'AES-KW', length: 128 }, false, ['wrapKey', 'unwrapKey']), subtle.generateKey({ name: 'AES-KW', length: 128 }, false, ['unwrapKey']), subtle.generateKey({ name: 'AES-GCM', length: 128 }, true, ['encrypt'])]).then(([a, b, k]) => subtle.wrapKey('raw', k, a, 'AES-KW').then((w) => subtle.unwrapKey('raw', w, b, 'AES-KW', 'AES-GCM', true, ['encrypt'])))", "OperationError: DOMException"),
        ["RsaOaepLabel"] = ("subtle.generateKey({ name: 'RSA-OAEP', hash: 'SHA-256', modulusLength: 1024, publicExponent: new Uint8Array([1, 0, 1]) }, false, ['encrypt', 'decrypt']).then((p) => subtle.encrypt({ name: 'RSA-OAEP', label: utf8('l') }, p.publicKey, new Uint8Array(1)))", "NotSupportedError: DOMException"),
        ["RsaPssSaltOtherThanHashLength"] = ("subtle.generateKey({ name: 'RSA-PSS', hash: 'SHA-256', modulusLength: 1024, publicExponent: new Uint8Array([1, 0, 1]) }, false, ['sign']).then((p) => subtle.sign({ name: 'RSA-PSS', saltLength: 0 }, p.privateKey, new Uint8Array(1)))", "NotSupportedError: DOMException"),
        ["Ed25519"] = ("subtle.generateKey('Ed25519', false, ['sign', 'verify'])", "NotSupportedError: DOMException"),
        ["X25519"] = ("subtle.generateKey('X25519', false, ['deriveBits'])", "NotSupportedError: DOMException"),
        ["Ed448"] = ("subtle.generateKey('Ed448', false, ['sign', 'verify'])", "NotSupportedError: DOMException"),
    };

    public static TheoryData<string, string> All()
    {
        var data = new TheoryData<string, string>();
        foreach (var engine in new[] { "jint", "v8" }) foreach (var name in Cases.Keys) data.Add(engine, name);
        return data;
    }

    [Theory]
    [MemberData(nameof(All))]
    public void BadInput_RejectsWithTheSpecError(string engine, string name)
    {
        var (expression, expected) = Cases[name];
        var answer = CryptoScripts.Run(engine, Setup + $"\nconst p = (async () => {expression})();\nconst message = await p.then(() => '', (e) => e.message);\nreturn [await errorOf(p), message];");
        Assert.StartsWith($"[\"{expected}\",", answer);
        Assert.DoesNotContain("System.", answer);
        Assert.DoesNotContain("Exception", answer.Replace("DOMException", ""));
    }

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void Ed25519_SaysThePlatformLacksIt(string engine) =>
        Assert.Equal("\"Ed25519 is not supported: .NET on this platform offers no Ed25519\"",
            CryptoScripts.Run(engine, "return subtle.generateKey('Ed25519', false, ['sign']).catch((e) => e.message);"));

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void NormalisationErrors_RejectAtOnce_OperationErrors_AMicrotaskLater(string engine) =>
        Assert.Equal("[\"rejected first\",\"tick first\"]", CryptoScripts.Run(engine, """
            const order = async (promise) => {
              let ticked = false;
              const seen = promise.then(() => 'resolved', () => (ticked ? 'tick first' : 'rejected first'));
              Promise.resolve().then(() => { ticked = true; });
              return seen;
            };
            return [await order(subtle.generateKey({ name: 'AES' }, true, ['encrypt'])), await order(subtle.generateKey({ name: 'AES-GCM', length: 128 }, true, []))];
            """));

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void ConstructorsAreIllegal(string engine) =>
        Assert.Equal("[\"TypeError\",\"TypeError\"]", CryptoScripts.Run(engine, """
            const name = (f) => { try { f(); return 'none'; } catch (e) { return e.name; } };
            return [name(() => new CryptoKey()), name(() => new SubtleCrypto())];
            """));
}
