// WebCrypto's algorithm normalisation (W3C Web Cryptography API, "normalize an algorithm"): each operation's
// registered algorithms, matched case-insensitively, and the WebIDL dictionary of each one's parameters (a missing
// required member or an out-of-range number is a TypeError, an unknown name a NotSupportedError). The crypto itself
// is the host's: this part only shapes what the host is asked.
const CryptoDOMException = web().makeDOMException();
function cryptoError(name, message) { return new CryptoDOMException(message, name); }

const cryptoArrayBuffer = ArrayBuffer;
const cryptoUint8Array = Uint8Array;
const isView = ArrayBuffer.isView;

// A BufferSource as a Uint8Array over the same bytes (the host reads them during the call); a detached buffer
// holds no bytes, as WebIDL's "get a copy of the bytes held by the buffer source" says.
function bufferSource(value, what) {
  if (value instanceof cryptoArrayBuffer) { try { return new cryptoUint8Array(value); } catch (e) { return new cryptoUint8Array(0); } }
  if (isView(value)) { try { return new cryptoUint8Array(value.buffer, value.byteOffset, value.byteLength); } catch (e) { return new cryptoUint8Array(0); } }
  throw new TypeError(`${what} is not of type '(ArrayBuffer or ArrayBufferView)'`);
}

function required(dict, member, type) {
  const value = dict[member];
  if (value === undefined) throw new TypeError(`Failed to read the '${member}' property from '${type}': Required member is undefined.`);
  return value;
}

// [EnforceRange] integers: NaN, infinities and values outside the type's range are TypeErrors.
function enforceRange(value, max, member) {
  const n = Number(value);
  if (!Number.isFinite(n)) throw new TypeError(`The '${member}' value is not a finite number`);
  const t = Math.trunc(n);
  if (t < 0 || t > max) throw new TypeError(`The '${member}' value ${t} is outside the range [0, ${max}]`);
  return t;
}

const octet = (v, m) => enforceRange(v, 255, m);
const unsignedShort = (v, m) => enforceRange(v, 65535, m);
const unsignedLong = (v, m) => enforceRange(v, 4294967295, m);
const hashOf = (v) => normalizeAlgorithm('digest', v).name;

const cryptoParams = {
  none: () => ({}),
  aesGcm: (a) => ({ iv: bufferSource(required(a, 'iv', 'AesGcmParams'), 'iv'),
    additionalData: a.additionalData === undefined ? undefined : bufferSource(a.additionalData, 'additionalData'),
    tagLength: a.tagLength === undefined ? undefined : octet(a.tagLength, 'tagLength') }),
  aesCbc: (a) => ({ iv: bufferSource(required(a, 'iv', 'AesCbcParams'), 'iv') }),
  aesCtr: (a) => ({ counter: bufferSource(required(a, 'counter', 'AesCtrParams'), 'counter'), length: octet(required(a, 'length', 'AesCtrParams'), 'length') }),
  aesLength: (a) => ({ length: unsignedShort(required(a, 'length', 'AesKeyGenParams'), 'length') }),
  hmac: (a) => ({ hash: hashOf(required(a, 'hash', 'HmacImportParams')), length: a.length === undefined ? undefined : unsignedLong(a.length, 'length') }),
  rsaGen: (a) => {
    const modulusLength = unsignedLong(required(a, 'modulusLength', 'RsaHashedKeyGenParams'), 'modulusLength');
    const exponent = required(a, 'publicExponent', 'RsaHashedKeyGenParams');
    if (!(exponent instanceof cryptoUint8Array)) throw new TypeError("The 'publicExponent' value is not a Uint8Array");
    return { modulusLength, publicExponent: Array.from(exponent), hash: hashOf(required(a, 'hash', 'RsaHashedKeyGenParams')) };
  },
  rsaImport: (a) => ({ hash: hashOf(required(a, 'hash', 'RsaHashedImportParams')) }),
  rsaPss: (a) => ({ saltLength: unsignedLong(required(a, 'saltLength', 'RsaPssParams'), 'saltLength') }),
  rsaOaep: (a) => ({ label: a.label === undefined ? undefined : bufferSource(a.label, 'label') }),
  ecdsa: (a) => ({ hash: hashOf(required(a, 'hash', 'EcdsaParams')) }),
  ecCurve: (a) => ({ namedCurve: String(required(a, 'namedCurve', 'EcKeyImportParams')) }),
  ecdh: (a) => {
    const key = required(a, 'public', 'EcdhKeyDeriveParams');
    if (cryptoKeySlot(key) === undefined) throw new TypeError("The 'public' value is not of type 'CryptoKey'");
    return { public: key };
  },
  hkdf: (a) => ({ hash: hashOf(required(a, 'hash', 'HkdfParams')), salt: bufferSource(required(a, 'salt', 'HkdfParams'), 'salt'),
    info: bufferSource(required(a, 'info', 'HkdfParams'), 'info') }),
  pbkdf2: (a) => ({ salt: bufferSource(required(a, 'salt', 'Pbkdf2Params'), 'salt'),
    iterations: unsignedLong(required(a, 'iterations', 'Pbkdf2Params'), 'iterations'), hash: hashOf(required(a, 'hash', 'Pbkdf2Params')) }),
  unsupported: (a, name) => { throw cryptoError('NotSupportedError', `${name} is not supported: .NET on this platform offers no ${name}`); },
};

// operation → UPPER-CASE name → [registered name, parameter dictionary]
const cryptoRegistry = Object.create(null);
function registerAlgorithm(name, operations) {
  for (const op of Object.keys(operations)) {
    if (cryptoRegistry[op] === undefined) cryptoRegistry[op] = Object.create(null);
    cryptoRegistry[op][name.toUpperCase()] = [name, operations[op]];
  }
}

{
  const p = cryptoParams;
  for (const hash of ['SHA-1', 'SHA-256', 'SHA-384', 'SHA-512']) registerAlgorithm(hash, { digest: p.none });
  registerAlgorithm('HMAC', { sign: p.none, verify: p.none, generateKey: p.hmac, importKey: p.hmac, exportKey: p.none, 'get key length': p.hmac });
  for (const [name, cipher] of [['AES-GCM', p.aesGcm], ['AES-CBC', p.aesCbc], ['AES-CTR', p.aesCtr]]) {
    registerAlgorithm(name, { encrypt: cipher, decrypt: cipher, generateKey: p.aesLength, importKey: p.none, exportKey: p.none, 'get key length': p.aesLength });
  }
  registerAlgorithm('AES-KW', { wrapKey: p.none, unwrapKey: p.none, generateKey: p.aesLength, importKey: p.none, exportKey: p.none, 'get key length': p.aesLength });
  registerAlgorithm('PBKDF2', { deriveBits: p.pbkdf2, importKey: p.none, 'get key length': p.none });
  registerAlgorithm('HKDF', { deriveBits: p.hkdf, importKey: p.none, 'get key length': p.none });
  registerAlgorithm('RSASSA-PKCS1-v1_5', { sign: p.none, verify: p.none, generateKey: p.rsaGen, importKey: p.rsaImport, exportKey: p.none });
  registerAlgorithm('RSA-PSS', { sign: p.rsaPss, verify: p.rsaPss, generateKey: p.rsaGen, importKey: p.rsaImport, exportKey: p.none });
  registerAlgorithm('RSA-OAEP', { encrypt: p.rsaOaep, decrypt: p.rsaOaep, generateKey: p.rsaGen, importKey: p.rsaImport, exportKey: p.none });
  registerAlgorithm('ECDSA', { sign: p.ecdsa, verify: p.ecdsa, generateKey: p.ecCurve, importKey: p.ecCurve, exportKey: p.none });
  registerAlgorithm('ECDH', { deriveBits: p.ecdh, generateKey: p.ecCurve, importKey: p.ecCurve, exportKey: p.none });
  registerAlgorithm('Ed25519', { sign: p.unsupported, verify: p.unsupported, generateKey: p.unsupported, importKey: p.unsupported, exportKey: p.unsupported });
  registerAlgorithm('X25519', { deriveBits: p.unsupported, generateKey: p.unsupported, importKey: p.unsupported, exportKey: p.unsupported });
}

function normalizeAlgorithm(op, algorithm) {
  if (algorithm === null || (typeof algorithm !== 'object' && typeof algorithm !== 'function')) algorithm = { name: String(algorithm) };
  const given = algorithm.name;
  if (given === undefined) throw new TypeError("Failed to read the 'name' property from 'Algorithm': Required member is undefined.");
  const name = String(given);
  const table = cryptoRegistry[op];
  const entry = table === undefined ? undefined : table[name.toUpperCase()];
  if (entry === undefined) throw cryptoError('NotSupportedError', `Unrecognized algorithm name '${name}' for ${op}`);
  const normalized = entry[1](algorithm, entry[0]);
  normalized.name = entry[0];
  return normalized;
}

// The usages each algorithm allows, by key type.
const keyUsageOrder = ['encrypt', 'decrypt', 'sign', 'verify', 'deriveKey', 'deriveBits', 'wrapKey', 'unwrapKey'];
const cipherUsages = { secret: ['encrypt', 'decrypt', 'wrapKey', 'unwrapKey'] };
const deriveUsages = { secret: ['deriveKey', 'deriveBits'] };
const signatureUsages = { public: ['verify'], private: ['sign'] };
const allowedUsages = {
  'AES-GCM': cipherUsages, 'AES-CBC': cipherUsages, 'AES-CTR': cipherUsages, 'AES-KW': { secret: ['wrapKey', 'unwrapKey'] },
  HMAC: { secret: ['sign', 'verify'] }, PBKDF2: deriveUsages, HKDF: deriveUsages,
  'RSASSA-PKCS1-v1_5': signatureUsages, 'RSA-PSS': signatureUsages, ECDSA: signatureUsages,
  'RSA-OAEP': { public: ['encrypt', 'wrapKey'], private: ['decrypt', 'unwrapKey'] },
  ECDH: { public: [], private: ['deriveKey', 'deriveBits'] },
};

// sequence<KeyUsage>: each must be a KeyUsage (TypeError otherwise); answered without repeats, in the spec's order.
function keyUsages(value) {
  if (value === null || typeof value !== 'object' || typeof value[Symbol.iterator] !== 'function') throw new TypeError("The 'keyUsages' value is not a sequence");
  const seen = [];
  for (const item of value) {
    const usage = String(item);
    if (!keyUsageOrder.includes(usage)) throw new TypeError(`'${usage}' is not a valid enum value of type KeyUsage`);
    seen.push(usage);
  }
  return keyUsageOrder.filter((u) => seen.includes(u));
}

function checkUsages(name, type, usages) {
  const allowed = (allowedUsages[name] || {})[type] || [];
  for (const usage of usages) if (!allowed.includes(usage)) throw cryptoError('SyntaxError', `Cannot create a ${type} ${name} key with usage '${usage}'`);
}
