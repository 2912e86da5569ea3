// The SubtleCrypto methods themselves, built the first time a script calls one: crypto.subtle alone costs only the
// small class in SubtleCrypto.js. Each takes the caller's argument count first, for WebIDL's "n arguments required".
const subtleOperations = {
  digest(count, algorithm, data) {
    return cryptoTask(() => {
      arity(count, 2, 'digest');
      const alg = normalizeAlgorithm('digest', algorithm);
      const bytes = bufferSource(data, 'data');
      return () => callHost('digest', alg.name, bytes)[1];
    });
  },

  importKey(count, format, keyData, algorithm, extractable, usages) {
    return cryptoTask(() => {
      arity(count, 5, 'importKey');
      const f = keyFormat(format);
      const jwk = f === 'jwk' ? jsonWebKey(keyData) : undefined;
      const data = f === 'jwk' ? undefined : bufferSource(keyData, 'keyData');
      const alg = normalizeAlgorithm('importKey', algorithm);
      const wanted = keyUsages(usages);
      return () => {
        const request = importRequest(f, jwk, alg, Boolean(extractable), wanted);
        return importedKey(callHost('importKey', jsonStringify(request), data)[0], wanted);
      };
    });
  },

  exportKey(count, format, key) {
    return cryptoTask(() => {
      arity(count, 2, 'exportKey');
      const f = keyFormat(format);
      keySlot(key, 'key');
      return () => {
        const answer = callHost('exportKey', jsonStringify(exportRequest(key, 'key', f)));
        return f === 'jwk' ? jsonParse(answer[0]) : answer[1];
      };
    });
  },

  generateKey(count, algorithm, extractable, usages) {
    return cryptoTask(() => {
      arity(count, 3, 'generateKey');
      const alg = normalizeAlgorithm('generateKey', algorithm);
      const wanted = keyUsages(usages);
      return () => {
        const allowed = allowedUsages[alg.name];
        if (allowed.secret !== undefined) checkUsages(alg.name, 'secret', wanted);
        else for (const usage of wanted) if (!allowed.public.includes(usage) && !allowed.private.includes(usage)) throw cryptoError('SyntaxError', `Cannot create a ${alg.name} key with usage '${usage}'`);
        const described = jsonParse(callHost('generateKey', jsonStringify({ alg: algorithmParameters(alg), ext: Boolean(extractable) }))[0]);
        if (described.publicKey === undefined) {
          if (wanted.length === 0) throw cryptoError('SyntaxError', 'A secret key needs at least one usage');
          return makeCryptoKey(described, wanted);
        }
        const privateUsages = wanted.filter((u) => allowed.private.includes(u));
        if (privateUsages.length === 0) throw cryptoError('SyntaxError', 'A private key needs at least one usage');
        return { publicKey: makeCryptoKey(described.publicKey, wanted.filter((u) => allowed.public.includes(u))), privateKey: makeCryptoKey(described.privateKey, privateUsages) };
      };
    });
  },

  sign(count, algorithm, key, data) {
    return cryptoTask(() => {
      arity(count, 3, 'sign');
      const alg = normalizeAlgorithm('sign', algorithm);
      keySlot(key, 'key');
      const bytes = bufferSource(data, 'data');
      return () => callHost('sign', jsonStringify(operationParameters(alg, usableKey(key, 'key', alg, 'sign'))), bytes)[1];
    });
  },

  verify(count, algorithm, key, signature, data) {
    return cryptoTask(() => {
      arity(count, 4, 'verify');
      const alg = normalizeAlgorithm('verify', algorithm);
      keySlot(key, 'key');
      const sig = bufferSource(signature, 'signature');
      const bytes = bufferSource(data, 'data');
      return () => callHost('verify', jsonStringify(operationParameters(alg, usableKey(key, 'key', alg, 'verify'))), sig, bytes)[0] === 'true';
    });
  },

  encrypt(count, algorithm, key, data) {
    return cryptoTask(() => {
      arity(count, 3, 'encrypt');
      const alg = normalizeAlgorithm('encrypt', algorithm);
      keySlot(key, 'key');
      const bytes = bufferSource(data, 'data');
      return () => callHost('encrypt', jsonStringify(operationParameters(alg, usableKey(key, 'key', alg, 'encrypt'))), bytes, secondInput(alg), thirdInput(alg))[1];
    });
  },

  decrypt(count, algorithm, key, data) {
    return cryptoTask(() => {
      arity(count, 3, 'decrypt');
      const alg = normalizeAlgorithm('decrypt', algorithm);
      keySlot(key, 'key');
      const bytes = bufferSource(data, 'data');
      return () => callHost('decrypt', jsonStringify(operationParameters(alg, usableKey(key, 'key', alg, 'decrypt'))), bytes, secondInput(alg), thirdInput(alg))[1];
    });
  },

  deriveBits(count, algorithm, baseKey, length) {
    return cryptoTask(() => {
      arity(count, 2, 'deriveBits');
      const alg = normalizeAlgorithm('deriveBits', algorithm);
      keySlot(baseKey, 'baseKey');
      const bits = length === undefined || length === null ? null : Number(length) >>> 0;
      return () => {
        const p = operationParameters(alg, usableKey(baseKey, 'baseKey', alg, 'deriveBits'));
        p.length = bits;
        return callHost('deriveBits', jsonStringify(p), alg.salt, alg.info)[1];
      };
    });
  },

  deriveKey(count, algorithm, baseKey, derivedKeyType, extractable, usages) {
    return cryptoTask(() => {
      arity(count, 5, 'deriveKey');
      const alg = normalizeAlgorithm('deriveBits', algorithm);
      const keyType = normalizeAlgorithm('importKey', derivedKeyType);
      const lengthOf = normalizeAlgorithm('get key length', derivedKeyType);
      keySlot(baseKey, 'baseKey');
      const wanted = keyUsages(usages);
      return () => {
        const derive = operationParameters(alg, usableKey(baseKey, 'baseKey', alg, 'deriveKey'));
        derive.length = keyLength(lengthOf);
        const request = { derive, import: importRequest('raw', undefined, keyType, Boolean(extractable), wanted) };
        return importedKey(callHost('deriveKey', jsonStringify(request), alg.salt, alg.info)[0], wanted);
      };
    });
  },

  wrapKey(count, format, key, wrappingKey, wrapAlgorithm) {
    return cryptoTask(() => {
      arity(count, 4, 'wrapKey');
      const f = keyFormat(format);
      keySlot(key, 'key');
      keySlot(wrappingKey, 'wrappingKey');
      const alg = normalizeEither('wrapKey', 'encrypt', wrapAlgorithm);
      return () => {
        const wrap = operationParameters(alg, usableKey(wrappingKey, 'wrappingKey', alg, 'wrapKey'));
        const request = { export: exportRequest(key, 'key', f), wrap };
        return callHost('wrapKey', jsonStringify(request), undefined, secondInput(alg), thirdInput(alg))[1];
      };
    });
  },

  unwrapKey(count, format, wrappedKey, unwrappingKey, unwrapAlgorithm, unwrappedKeyAlgorithm, extractable, usages) {
    return cryptoTask(() => {
      arity(count, 7, 'unwrapKey');
      const f = keyFormat(format);
      const bytes = bufferSource(wrappedKey, 'wrappedKey');
      keySlot(unwrappingKey, 'unwrappingKey');
      const alg = normalizeEither('unwrapKey', 'decrypt', unwrapAlgorithm);
      const keyType = normalizeAlgorithm('importKey', unwrappedKeyAlgorithm);
      const wanted = keyUsages(usages);
      return () => {
        const unwrap = operationParameters(alg, usableKey(unwrappingKey, 'unwrappingKey', alg, 'unwrapKey'));
        const request = { unwrap, import: importRequest(f, undefined, keyType, Boolean(extractable), wanted) };
        return importedKey(callHost('unwrapKey', jsonStringify(request), bytes, secondInput(alg), thirdInput(alg))[0], wanted);
      };
    });
  },
};
