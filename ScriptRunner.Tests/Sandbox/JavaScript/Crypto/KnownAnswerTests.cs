namespace ScriptRunner.Tests.Sandbox.JavaScript.Crypto;

/// <summary>crypto.subtle against published test vectors: NIST SHA, RFC 4231 HMAC, NIST AES, RFC 3394, RFC 6070 PBKDF2, RFC 5869 HKDF.</summary>
public sealed class KnownAnswerTests
{
    public static TheoryData<string, string, string, string> ShaVectors()
    {
        var data = new TheoryData<string, string, string, string>();
        const string Long = "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq";
        foreach (var engine in new[] { "jint", "v8" })
        {
            data.Add(engine, "SHA-1", "abc", "a9993e364706816aba3e25717850c26c9cd0d89d");
            data.Add(engine, "SHA-1", "", "da39a3ee5e6b4b0d3255bfef95601890afd80709");
            data.Add(engine, "SHA-1", Long, "84983e441c3bd26ebaae4aa1f95129e5e54670f1");
            data.Add(engine, "SHA-256", "abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
            data.Add(engine, "SHA-256", "", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
            data.Add(engine, "SHA-256", Long, "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
            data.Add(engine, "SHA-384", "abc", "cb00753f45a35e8bb5a03d699ac65007272c32ab0eded1631a8b605a43ff5bed8086072ba1e7cc2358baeca134c825a7");
            data.Add(engine, "SHA-384", "", "38b060a751ac96384cd9327eb1b1e36a21fdb71114be07434c0cc7bf63f6e1da274edebfe76f65fbd51ad2f14898b95b");
            data.Add(engine, "SHA-512", "abc", "ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f");
            data.Add(engine, "SHA-512", "", "cf83e1357eefb8bdf1542850d66d8007d620e4050b5715dc83f4a921d36ce9ce47d0d13c5d85f2b0ff8318d2877eec2f63b931bd47417a81a538327af927da3e");
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(ShaVectors))]
    public void Digest_MatchesNistVector(string engine, string hash, string message, string expected) =>
        Assert.Equal($"\"{expected}\"", CryptoScripts.Run(engine, $"return hex(await subtle.digest('{hash}', utf8('{message}')));"));

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void Digest_OfAMillionAs_MatchesNistVector(string engine) =>
        Assert.Equal("\"cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0\"",
            CryptoScripts.Run(engine, "const a = new Uint8Array(1000000).fill(97); return hex(await subtle.digest({ name: 'sha-256' }, a.buffer));"));

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void Digest_OfAView_HashesOnlyTheViewedBytes(string engine) =>
        Assert.Equal("\"ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad\"",
            CryptoScripts.Run(engine, "const b = utf8('xxabcyy'); return hex(await subtle.digest('SHA-256', new DataView(b.buffer, 2, 3)));"));

    public static TheoryData<string, string, string, string, string> HmacVectors()
    {
        var data = new TheoryData<string, string, string, string, string>();
        var big = string.Concat(Enumerable.Repeat("aa", 131));
        foreach (var engine in new[] { "jint", "v8" })
        {
            data.Add(engine, "SHA-256", "0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b", "4869205468657265", "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7");
            data.Add(engine, "SHA-384", "0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b", "4869205468657265", "afd03944d84895626b0825f4ab46907f15f9dadbe4101ec682aa034c7cebc59cfaea9ea9076ede7f4af152e8b2fa9cb6");
            data.Add(engine, "SHA-512", "0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b", "4869205468657265", "87aa7cdea5ef619d4ff0b4241a1d6cb02379f4e2ce4ec2787ad0b30545e17cdedaa833b7d6b8a702038b274eaea3f4e4be9d914eeb61f1702e696c203a126854");
            data.Add(engine, "SHA-256", "4a656665", "7768617420646f2079612077616e7420666f72206e6f7468696e673f", "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
            data.Add(engine, "SHA-512", "4a656665", "7768617420646f2079612077616e7420666f72206e6f7468696e673f", "164b7a7bfcf819e2e395fbe73b56e0a387bd64222e831fd610270cd7ea2505549758bf75c05a994a6d034f65f8f0e6fdcaeab1a34d4a6b4b636e070a38bce737");
            data.Add(engine, "SHA-256", string.Concat(Enumerable.Repeat("aa", 20)), string.Concat(Enumerable.Repeat("dd", 50)), "773ea91e36800e46854db8ebd09181a72959098b3ef8c122d9635514ced565fe");
            data.Add(engine, "SHA-256", "0102030405060708090a0b0c0d0e0f10111213141516171819", string.Concat(Enumerable.Repeat("cd", 50)), "82558a389a443c0ea4cc819899f2083a85f0faa3e578f8077a2e3ff46729665b");
            data.Add(engine, "SHA-256", big, Convert.ToHexStringLower("Test Using Larger Than Block-Size Key - Hash Key First"u8), "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54");
            data.Add(engine, "SHA-256", big, Convert.ToHexStringLower("This is a test using a larger than block-size key and a larger than block-size data. The key needs to be hashed before being used by the HMAC algorithm."u8),
                "9b09ffa71b942fcb27635fbcd5b0e944bfdc63644f0713938a7f51535c3a35e2");
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(HmacVectors))]
    public void Hmac_SignAndVerify_MatchRfc4231(string engine, string hash, string key, string message, string expected) =>
        Assert.Equal($"[\"{expected}\",true,false]", CryptoScripts.Run(engine, $$"""
            const key = await subtle.importKey('raw', unhex('{{key}}'), { name: 'HMAC', hash: '{{hash}}' }, false, ['sign', 'verify']);
            const mac = await subtle.sign('HMAC', key, unhex('{{message}}'));
            const tampered = new Uint8Array(mac.slice(0)); tampered[0] ^= 1;
            return [hex(mac), await subtle.verify('HMAC', key, mac, unhex('{{message}}')), await subtle.verify('HMAC', key, tampered, unhex('{{message}}'))];
            """));

    private const string GcmKey = "feffe9928665731c6d6a8f9467308308";
    private const string GcmIv = "cafebabefacedbaddecaf888";
    private const string GcmPlain = "d9313225f88406e5a55909c5aff5269a86a7a9531534f7da2e4c303d8a318a721c3c0c95956809532fcf0e2449a6b525b16aedf5aa0de657ba637b39";
    private const string GcmCipher = "42831ec2217774244b7221b784d0d49ce3aa212f2c02a4e035c17e2329aca12e21d514b25466931c7d8f6a5aac84aa051ba30b396a0aac973d58e091";

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void AesGcm_WithAdditionalData_MatchesGcmSpecTestCase4(string engine) =>
        Assert.Equal($"[\"{GcmCipher}5bc94fbc3221a5db94fae95ae7121a47\",\"{GcmPlain}\"]", CryptoScripts.Run(engine, $$"""
            const key = await subtle.importKey('raw', unhex('{{GcmKey}}'), 'AES-GCM', false, ['encrypt', 'decrypt']);
            const params = { name: 'AES-GCM', iv: unhex('{{GcmIv}}'), additionalData: unhex('feedfacedeadbeeffeedfacedeadbeefabaddad2') };
            const sealed = await subtle.encrypt(params, key, unhex('{{GcmPlain}}'));
            return [hex(sealed), hex(await subtle.decrypt(params, key, sealed))];
            """));

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void AesGcm_With64BitIv_MatchesGcmSpecTestCase5(string engine) =>
        Assert.Equal($"[\"61353b4c2806934a777ff51fa22a4755699b2a714fcdc6f83766e5f97b6c742373806900e49f24b22b097544d4896b424989b5e1ebac0f07c23f45983612d2e79e3b0785561be14aaca2fccb\",\"{GcmPlain}\"]",
            CryptoScripts.Run(engine, $$"""
            const key = await subtle.importKey('raw', unhex('{{GcmKey}}'), 'AES-GCM', false, ['encrypt', 'decrypt']);
            const params = { name: 'AES-GCM', iv: unhex('cafebabefacedbad'), additionalData: unhex('feedfacedeadbeeffeedfacedeadbeefabaddad2') };
            const sealed = await subtle.encrypt(params, key, unhex('{{GcmPlain}}'));
            return [hex(sealed), hex(await subtle.decrypt(params, key, sealed))];
            """));

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void AesGcm_With480BitIv_MatchesGcmSpecTestCase6(string engine) =>
        Assert.Equal("\"8ce24998625615b603a033aca13fb894be9112a5c3a211a8ba262a3cca7e2ca701e4a9a4fba43c90ccdcb281d48c7c6fd62875d2aca417034c34aee5619cc5aefffe0bfa462af43c1699d050\"",
            CryptoScripts.Run(engine, $$"""
            const key = await subtle.importKey('raw', unhex('{{GcmKey}}'), 'AES-GCM', false, ['encrypt']);
            const iv = unhex('9313225df88406e555909c5aff5269aa6a7a9538534f7da1e4c303d2a318a728c3c0c95156809539fcf0e2429a6b525416aedbf5a0de6a57a637b39b');
            return hex(await subtle.encrypt({ name: 'AES-GCM', iv, additionalData: unhex('feedfacedeadbeeffeedfacedeadbeefabaddad2') }, key, unhex('{{GcmPlain}}')));
            """));

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void AesGcm_ZeroKeyAndBlock_MatchesGcmSpecTestCase2(string engine) =>
        Assert.Equal("\"0388dace60b6a392f328c2b971b2fe78ab6e47d42cec13bdf53a67b21257bddf\"", CryptoScripts.Run(engine, """
            const key = await subtle.importKey('raw', new Uint8Array(16), 'AES-GCM', false, ['encrypt']);
            return hex(await subtle.encrypt({ name: 'AES-GCM', iv: new Uint8Array(12) }, key, new Uint8Array(16)));
            """));

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void AesGcm_32And64BitTags_AreTruncatedTags_AndDecrypt(string engine) =>
        Assert.Equal("[\"0388dace60b6a392f328c2b971b2fe78ab6e47d4\",\"0388dace60b6a392f328c2b971b2fe78ab6e47d42cec13bd\",16,\"OperationError\"]", CryptoScripts.Run(engine, """
            const key = await subtle.importKey('raw', new Uint8Array(16), 'AES-GCM', false, ['encrypt', 'decrypt']);
            const iv = new Uint8Array(12);
            const short = await subtle.encrypt({ name: 'AES-GCM', iv, tagLength: 32 }, key, new Uint8Array(16));
            const long = await subtle.encrypt({ name: 'AES-GCM', iv, tagLength: 64 }, key, new Uint8Array(16));
            const bad = new Uint8Array(long.slice(0)); bad[20] ^= 1;
            return [hex(short), hex(long), (await subtle.decrypt({ name: 'AES-GCM', iv, tagLength: 64 }, key, long)).byteLength,
              await subtle.decrypt({ name: 'AES-GCM', iv, tagLength: 64 }, key, bad).catch((e) => e.name)];
            """));

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void AesGcm_ShortTag_IsTruncated(string engine) =>
        Assert.Equal("\"0388dace60b6a392f328c2b971b2fe78ab6e47d42cec13bdf53a67b2\"", CryptoScripts.Run(engine, """
            const key = await subtle.importKey('raw', new Uint8Array(16), 'AES-GCM', false, ['encrypt']);
            return hex(await subtle.encrypt({ name: 'AES-GCM', iv: new Uint8Array(12), tagLength: 96 }, key, new Uint8Array(16)));
            """));

    private const string NistKey = "2b7e151628aed2a6abf7158809cf4f3c";
    private const string NistPlain = "6bc1bee22e409f96e93d7e117393172aae2d8a571e03ac9c9eb76fac45af8e5130c81c46a35ce411e5fbc1191a0a52eff69f2445df4f9b17ad2b417be66c3710";

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void AesCbc_MatchesSp80038aF21_PlusAPaddingBlock(string engine) =>
        Assert.Equal($"[\"7649abac8119b246cee98e9b12e9197d5086cb9b507219ee95db113a917678b273bed6b8e3c1743b7116e69e222295163ff1caa1681fac09120eca307586e1a7\",80,\"{NistPlain}\"]",
            CryptoScripts.Run(engine, $$"""
            const key = await subtle.importKey('raw', unhex('{{NistKey}}'), 'AES-CBC', false, ['encrypt', 'decrypt']);
            const params = { name: 'AES-CBC', iv: unhex('000102030405060708090a0b0c0d0e0f') };
            const sealed = await subtle.encrypt(params, key, unhex('{{NistPlain}}'));
            return [hex(sealed.slice(0, 64)), sealed.byteLength, hex(await subtle.decrypt(params, key, sealed))];
            """));

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void AesCtr_MatchesSp80038aF51(string engine) =>
        Assert.Equal($"[\"874d6191b620e3261bef6864990db6ce9806f66b7970fdff8617187bb9fffdff5ae4df3edbd5d35e5b4f09020db03eab1e031dda2fbe03d1792170a0f3009cee\",\"{NistPlain}\"]",
            CryptoScripts.Run(engine, $$"""
            const key = await subtle.importKey('raw', unhex('{{NistKey}}'), 'AES-CTR', false, ['encrypt', 'decrypt']);
            const params = { name: 'AES-CTR', counter: unhex('f0f1f2f3f4f5f6f7f8f9fafbfcfdfeff'), length: 64 };
            const sealed = await subtle.encrypt(params, key, unhex('{{NistPlain}}'));
            return [hex(sealed), hex(await subtle.decrypt({ ...params, length: 128 }, key, sealed))];
            """));

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void AesCtr_ShortCounter_WrapsWithinItsBits(string engine) =>
        Assert.Equal("true", CryptoScripts.Run(engine, """
            const key = await subtle.importKey('raw', new Uint8Array(16), 'AES-CTR', false, ['encrypt']);
            const wrapped = await subtle.encrypt({ name: 'AES-CTR', counter: unhex('000000000000000000000000000000ff'), length: 8 }, key, new Uint8Array(32));
            const second = await subtle.encrypt({ name: 'AES-CTR', counter: new Uint8Array(16), length: 8 }, key, new Uint8Array(16));
            return hex(wrapped.slice(16)) === hex(second);
            """));

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void AesKw_WrapsAsRfc3394Section41(string engine) =>
        Assert.Equal("[\"1fa68b0a8112b447aef34bd8fb5a7b829d3e862371d2cfe5\",\"00112233445566778899aabbccddeeff\"]", CryptoScripts.Run(engine, """
            const kek = await subtle.importKey('raw', unhex('000102030405060708090a0b0c0d0e0f'), 'AES-KW', false, ['wrapKey', 'unwrapKey']);
            const key = await subtle.importKey('raw', unhex('00112233445566778899aabbccddeeff'), 'AES-GCM', true, ['encrypt']);
            const wrapped = await subtle.wrapKey('raw', key, kek, 'AES-KW');
            const back = await subtle.unwrapKey('raw', wrapped, kek, 'AES-KW', 'AES-GCM', true, ['encrypt']);
            return [hex(wrapped), hex(await subtle.exportKey('raw', back))];
            """));

    public static TheoryData<string, string, string, int, int, string> Pbkdf2Vectors()
    {
        var data = new TheoryData<string, string, string, int, int, string>();
        foreach (var engine in new[] { "jint", "v8" })
        {
            data.Add(engine, "password", "salt", 1, 160, "0c60c80f961f0e71f3a9b524af6012062fe037a6");
            data.Add(engine, "password", "salt", 2, 160, "ea6c014dc72d6f8ccd1ed92ace1d41f0d8de8957");
            data.Add(engine, "password", "salt", 4096, 160, "4b007901b765489abead49d926f721d065a429c1");
            data.Add(engine, "passwordPASSWORDpassword", "saltSALTsaltSALTsaltSALTsaltSALTsalt", 4096, 200, "3d2eec4fe41c849b80c8d83662c0e44a8b291a964cf2f07038");
            data.Add(engine, "pass\\u0000word", "sa\\u0000lt", 4096, 128, "56fa6aa75548099dcc37d7f03425e0c3");
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Pbkdf2Vectors))]
    public void Pbkdf2_DeriveBits_MatchesRfc6070(string engine, string password, string salt, int iterations, int bits, string expected) =>
        Assert.Equal($"\"{expected}\"", CryptoScripts.Run(engine, $$"""
            const key = await subtle.importKey('raw', utf8('{{password}}'), 'PBKDF2', false, ['deriveBits']);
            return hex(await subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-1', salt: utf8('{{salt}}'), iterations: {{iterations}} }, key, {{bits}}));
            """));

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void Pbkdf2_ManyIterations_MatchesDotNet(string engine)
    {
        var expected = Convert.ToHexStringLower(System.Security.Cryptography.Rfc2898DeriveBytes.Pbkdf2("pw"u8, "salt"u8, 250_000, System.Security.Cryptography.HashAlgorithmName.SHA256, 40));
        Assert.Equal($"\"{expected}\"", CryptoScripts.Run(engine, """
            const key = await subtle.importKey('raw', utf8('pw'), 'PBKDF2', false, ['deriveBits']);
            return hex(await subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt: utf8('salt'), iterations: 250000 }, key, 320));
            """));
    }

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void Hkdf_DeriveBits_MatchesRfc5869Cases1And3(string engine) =>
        Assert.Equal("[\"3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf34007208d5b887185865\",\"8da4e775a563c18f715f802a063c5a31b8a11f5c5ee1879ec3454e5f3c738d2d9d201395faa4b61a96c8\"]",
            CryptoScripts.Run(engine, """
            const key = await subtle.importKey('raw', new Uint8Array(22).fill(11), 'HKDF', false, ['deriveBits']);
            const one = await subtle.deriveBits({ name: 'HKDF', hash: 'SHA-256', salt: unhex('000102030405060708090a0b0c'), info: unhex('f0f1f2f3f4f5f6f7f8f9') }, key, 336);
            const three = await subtle.deriveBits({ name: 'HKDF', hash: 'SHA-256', salt: new Uint8Array(0), info: new Uint8Array(0) }, key, 336);
            return [hex(one), hex(three)];
            """));

    [Theory]
    [MemberData(nameof(JsEngines.All), MemberType = typeof(JsEngines))]
    public void Hkdf_DeriveKey_MakesTheKeyOfTheDerivedBits(string engine) =>
        Assert.Equal("[\"3cb25f25faacd57a90434f64d0362f2a\",{\"name\":\"AES-GCM\",\"length\":128}]", CryptoScripts.Run(engine, """
            const key = await subtle.importKey('raw', new Uint8Array(22).fill(11), 'HKDF', false, ['deriveKey']);
            const derived = await subtle.deriveKey({ name: 'HKDF', hash: 'SHA-256', salt: unhex('000102030405060708090a0b0c'), info: unhex('f0f1f2f3f4f5f6f7f8f9') },
              key, { name: 'AES-GCM', length: 128 }, true, ['encrypt']);
            return [hex(await subtle.exportKey('raw', derived)), derived.algorithm];
            """));
}
