namespace ScriptRunner.Tests.Sandbox.JavaScript.Crypto;

/// <summary>
/// CryptoKey and the key operations after WPT's WebCryptoAPI success suites: algorithm normalisation, usages,
/// extractability, and every import and export format each algorithm allows, round-tripped.
/// </summary>
public sealed class KeyTests
{
    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void AlgorithmNames_AreMatchedWithoutCase_AndReportedAsRegistered(string engine) =>
        Assert.Equal("[{\"name\":\"AES-GCM\",\"length\":128},{\"name\":\"HMAC\",\"hash\":{\"name\":\"SHA-384\"},\"length\":1024},{\"name\":\"ECDSA\",\"namedCurve\":\"P-256\"}]",
            CryptoScripts.Run(engine, """
            const a = await subtle.generateKey({ name: 'aes-gcm', length: 128 }, true, ['encrypt']);
            const h = await subtle.generateKey({ name: 'Hmac', hash: { name: 'sha-384' } }, true, ['sign']);
            const e = await subtle.generateKey({ name: 'ecdsa', namedCurve: 'P-256' }, true, ['sign']);
            return [a.algorithm, h.algorithm, e.privateKey.algorithm];
            """));

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void CryptoKey_HasTypeExtractableAlgorithmAndUsages(string engine) =>
        Assert.Equal("[\"secret\",false,[\"encrypt\",\"decrypt\"],true,true,\"[object CryptoKey]\",true,true,true]", CryptoScripts.Run(engine, """
            const key = await subtle.generateKey({ name: 'AES-CBC', length: 256 }, false, ['decrypt', 'encrypt', 'decrypt']);
            return [key.type, key.extractable, key.usages, key.algorithm === key.algorithm, key.usages === key.usages, Object.prototype.toString.call(key),
              key instanceof CryptoKey, crypto.subtle === crypto.subtle, crypto.subtle instanceof SubtleCrypto];
            """));

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void KeyPair_SplitsUsages_AndItsPublicKeyIsAlwaysExtractable(string engine) =>
        Assert.Equal("[\"public\",true,[\"verify\"],\"private\",false,[\"sign\"],1024,\"010001\",\"SHA-256\"]", CryptoScripts.Run(engine, """
            const { publicKey, privateKey } = await subtle.generateKey({ name: 'RSASSA-PKCS1-v1_5', modulusLength: 1024, publicExponent: new Uint8Array([1, 0, 1]), hash: 'SHA-256' }, false, ['sign', 'verify']);
            return [publicKey.type, publicKey.extractable, publicKey.usages, privateKey.type, privateKey.extractable, privateKey.usages,
              privateKey.algorithm.modulusLength, hex(privateKey.algorithm.publicExponent), privateKey.algorithm.hash.name];
            """));

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void AesKey_RoundTripsThroughRawAndJwk(string engine) =>
        Assert.Equal("[\"000102030405060708090a0b0c0d0e0f\",{\"kty\":\"oct\",\"k\":\"AAECAwQFBgcICQoLDA0ODw\",\"alg\":\"A128CTR\",\"key_ops\":[\"encrypt\",\"decrypt\"],\"ext\":true},\"000102030405060708090a0b0c0d0e0f\"]",
            CryptoScripts.Run(engine, """
            const key = await subtle.importKey('raw', unhex('000102030405060708090a0b0c0d0e0f'), 'AES-CTR', true, ['encrypt', 'decrypt']);
            const jwk = await subtle.exportKey('jwk', key);
            const again = await subtle.importKey('jwk', jwk, 'AES-CTR', true, ['encrypt']);
            return [hex(await subtle.exportKey('raw', key)), jwk, hex(await subtle.exportKey('raw', again))];
            """));

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void HmacKey_ExportsItsJwkWithAlgAndLength(string engine) =>
        Assert.Equal("[{\"kty\":\"oct\",\"k\":\"AQID\",\"alg\":\"HS512\",\"key_ops\":[\"sign\"],\"ext\":true},24]", CryptoScripts.Run(engine, """
            const key = await subtle.importKey('jwk', { kty: 'oct', k: 'AQID', alg: 'HS512' }, { name: 'HMAC', hash: 'SHA-512' }, true, ['sign']);
            return [await subtle.exportKey('jwk', key), key.algorithm.length];
            """));

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void EcKeys_RoundTripThroughSpkiPkcs8JwkAndRaw(string engine) =>
        Assert.Equal("[true,true,true,97,[\"kty\",\"crv\",\"x\",\"y\",\"d\",\"key_ops\",\"ext\"],true]", CryptoScripts.Run(engine, """
            const alg = { name: 'ECDSA', namedCurve: 'P-384' };
            const { publicKey, privateKey } = await subtle.generateKey(alg, true, ['sign', 'verify']);
            const spki = await subtle.exportKey('spki', publicKey);
            const raw = await subtle.exportKey('raw', publicKey);
            const pkcs8 = await subtle.exportKey('pkcs8', privateKey);
            const jwk = await subtle.exportKey('jwk', privateKey);
            const fromRaw = await subtle.importKey('raw', raw, alg, true, ['verify']);
            const fromJwk = await subtle.importKey('jwk', jwk, alg, true, ['sign']);
            const fromPkcs8 = await subtle.importKey('pkcs8', pkcs8, alg, true, ['sign']);
            const signature = await subtle.sign({ name: 'ECDSA', hash: 'SHA-384' }, fromPkcs8, utf8('m'));
            return [hex(await subtle.exportKey('spki', fromRaw)) === hex(spki), (await subtle.exportKey('jwk', fromJwk)).d === jwk.d,
              await subtle.verify({ name: 'ECDSA', hash: 'SHA-384' }, fromRaw, signature, utf8('m')), raw.byteLength, Object.keys(jwk),
              hex(await subtle.exportKey('pkcs8', fromJwk)) === hex(pkcs8)];
            """));

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void RsaKeys_RoundTripThroughSpkiPkcs8AndJwk(string engine) =>
        Assert.Equal("[true,\"RSA-OAEP-256\",[\"kty\",\"n\",\"e\",\"d\",\"p\",\"q\",\"dp\",\"dq\",\"qi\",\"alg\",\"key_ops\",\"ext\"],\"hi\"]", CryptoScripts.Run(engine, """
            const alg = { name: 'RSA-OAEP', hash: 'SHA-256' };
            const { publicKey, privateKey } = await subtle.generateKey({ ...alg, modulusLength: 1024, publicExponent: new Uint8Array([1, 0, 1]) }, true, ['encrypt', 'decrypt']);
            const spki = await subtle.exportKey('spki', publicKey);
            const jwk = await subtle.exportKey('jwk', privateKey);
            const pub = await subtle.importKey('spki', spki, alg, true, ['encrypt']);
            const priv = await subtle.importKey('jwk', jwk, alg, true, ['decrypt']);
            const again = await subtle.importKey('pkcs8', await subtle.exportKey('pkcs8', priv), alg, false, ['decrypt']);
            const sealed = await subtle.encrypt('RSA-OAEP', pub, utf8('hi'));
            return [hex(await subtle.exportKey('spki', pub)) === hex(spki), jwk.alg, Object.keys(jwk), new TextDecoder().decode(await subtle.decrypt('RSA-OAEP', again, sealed))];
            """));

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void WrapKey_AsJwkUnderAesGcm_UnwrapsToAWorkingKey(string engine) =>
        Assert.Equal("[true,[\"sign\"],false]", CryptoScripts.Run(engine, """
            const kek = await subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['wrapKey', 'unwrapKey']);
            const hmac = await subtle.generateKey({ name: 'HMAC', hash: 'SHA-256' }, true, ['sign', 'verify']);
            const iv = crypto.getRandomValues(new Uint8Array(12));
            const wrapped = await subtle.wrapKey('jwk', hmac, kek, { name: 'AES-GCM', iv });
            const back = await subtle.unwrapKey('jwk', wrapped, kek, { name: 'AES-GCM', iv }, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
            const mac = await subtle.sign('HMAC', back, utf8('m'));
            return [await subtle.verify('HMAC', hmac, mac, utf8('m')), back.usages, back.extractable];
            """));

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void Pbkdf2_DeriveKey_MakesAnHmacKeyOfTheHashBlockLength(string engine) =>
        Assert.Equal("[{\"name\":\"HMAC\",\"hash\":{\"name\":\"SHA-256\"},\"length\":512},64]", CryptoScripts.Run(engine, """
            const base = await subtle.importKey('raw', utf8('password'), 'PBKDF2', false, ['deriveKey']);
            const key = await subtle.deriveKey({ name: 'PBKDF2', hash: 'SHA-256', salt: utf8('salt'), iterations: 1000 }, base, { name: 'HMAC', hash: 'SHA-256' }, true, ['sign']);
            return [key.algorithm, (await subtle.exportKey('raw', key)).byteLength];
            """));

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void Encrypt_ReadsTheBytesAsTheyAreWhenCalled(string engine) =>
        Assert.Equal("true", CryptoScripts.Run(engine, """
            const data = utf8('abc');
            const pending = subtle.digest('SHA-256', data);
            data[0] = 0;
            return hex(await pending) === 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad';
            """));

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void Digest_OfADetachedBuffer_IsTheDigestOfNothing(string engine) =>
        Assert.Equal("\"e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855\"", CryptoScripts.Run(engine, """
            const buffer = new ArrayBuffer(8);
            buffer.transfer();
            return hex(await subtle.digest('SHA-256', buffer));
            """));

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void KeyMaterial_AppearsNeitherInLogsNorInTheAnswer(string engine)
    {
        var run = JsHarness.On(engine).Execute(CryptoScripts.Helpers + """
            (async () => {
              const key = await subtle.importKey('raw', new Uint8Array(16).fill(0xab), 'AES-GCM', true, ['encrypt']);
              console.log(key, JSON.stringify(key));
              return { key, json: JSON.stringify(key) };
            })()
            """);
        var answer = JsHarness.On(engine).Json(run);
        Assert.DoesNotContain("abab", answer);
        Assert.DoesNotContain("q6ur", answer);
        Assert.Equal("CryptoKey {} {}\n", run.Output.Stdout);
    }
}
