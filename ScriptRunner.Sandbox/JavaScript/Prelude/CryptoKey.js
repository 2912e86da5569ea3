// CryptoKey, and the steps every SubtleCrypto method shares: checking keys and usages as the Web Cryptography API
// says and asking the host (System.Security.Cryptography) to do the crypto. A CryptoKey holds a handle into the
// execution's key table on the host, in a private field: key bytes stay on the host unless the script exports them.
const keyToken = {};
let cryptoKeySlot;

class CryptoKey {
  #slot;
  static #reader = (cryptoKeySlot = (key) => { try { return key.#slot; } catch (e) { return undefined; } });
  constructor(token, slot) {
    if (token !== keyToken) throw new TypeError('Illegal constructor');
    this.#slot = slot;
  }
  get type() { return this.#slot.type; }
  get extractable() { return this.#slot.extractable; }
  get algorithm() { return this.#slot.algorithm; }
  get usages() { return this.#slot.usages; }
  get [Symbol.toStringTag]() { return 'CryptoKey'; }
}

function makeCryptoKey(described, usages) {
  const algorithm = described.algorithm;
  if (algorithm.publicExponent !== undefined) algorithm.publicExponent = new cryptoUint8Array(algorithm.publicExponent);
  return new CryptoKey(keyToken, { handle: described.handle, type: described.type, extractable: described.extractable, algorithm, usages });
}

function keySlot(key, what) {
  const slot = cryptoKeySlot(key);
  if (slot === undefined) throw new TypeError(`The '${what}' value is not of type 'CryptoKey'`);
  return slot;
}

// The key must be of the operation's algorithm and allow the usage (InvalidAccessError otherwise).
function usableKey(key, what, algorithm, usage) {
  const slot = keySlot(key, what);
  if (slot.algorithm.name !== algorithm.name) throw cryptoError('InvalidAccessError', `The key is an ${slot.algorithm.name} key, not ${algorithm.name}`);
  if (!slot.usages.includes(usage)) throw cryptoError('InvalidAccessError', `The key does not allow '${usage}'`);
  return slot;
}

function callHost(op, parameters, a, b, c) {
  const answer = host.subtle(op, parameters, a, b, c);
  const text = answer[0];
  if (text.length > 0 && text.charCodeAt(0) === 33) {
    const colon = text.indexOf(':');
    throw cryptoError(text.slice(1, colon), text.slice(colon + 1));
  }
  return answer;
}

// A method runs in two steps, as the spec's do: the argument conversions and algorithm normalisation, whose errors
// reject the promise at once; then the operation, whose outcome settles the promise a microtask later (the spec
// runs it "in parallel"). The operation itself runs straight away, so it reads the caller's bytes as they are
// when the method is called, as the spec's copy of them would.
const rejectWith = (error) => new PromiseConstructor((resolve, reject) => reject(error));
function cryptoTask(prepare) {
  let operation;
  try { operation = prepare(); } catch (e) { return rejectWith(e); }
  let value, failed = false;
  try { value = operation(); } catch (e) { value = e; failed = true; }
  return then(promiseResolve(undefined), () => { if (failed) throw value; return value; });
}

function arity(count, needed, method) {
  if (count < needed) throw new TypeError(`Failed to execute '${method}' on 'SubtleCrypto': ${needed} arguments required, but only ${count} present.`);
}

const keyFormats = ['raw', 'spki', 'pkcs8', 'jwk'];
function keyFormat(value) {
  const format = String(value);
  if (!keyFormats.includes(format)) throw new TypeError(`'${format}' is not a valid enum value of type KeyFormat`);
  return format;
}

// The host's view of an operation: the key's handle and the algorithm's non-byte parameters.
function operationParameters(algorithm, slot) {
  const p = { key: slot.handle, name: algorithm.name };
  for (const member of ['hash', 'saltLength', 'tagLength', 'length', 'iterations']) if (algorithm[member] !== undefined) p[member] = algorithm[member];
  if (algorithm.public !== undefined) p.public = cryptoKeySlot(algorithm.public).handle;
  return p;
}

// The byte inputs after the data: iv, counter or salt second; additional data, label or info third.
function secondInput(algorithm) { return algorithm.iv || algorithm.counter || algorithm.salt; }
function thirdInput(algorithm) { return algorithm.additionalData || algorithm.label || algorithm.info; }

function algorithmParameters(algorithm) {
  const p = { name: algorithm.name };
  for (const member of ['hash', 'length', 'namedCurve', 'modulusLength', 'publicExponent']) if (algorithm[member] !== undefined) p[member] = algorithm[member];
  return p;
}

const jwkStrings = ['kty', 'use', 'alg', 'crv', 'x', 'y', 'd', 'n', 'e', 'p', 'q', 'dp', 'dq', 'qi', 'k'];
// A JsonWebKey dictionary: its known members converted, everything else left behind.
function jsonWebKey(value) {
  if (value === null || typeof value !== 'object' || value instanceof cryptoArrayBuffer || isView(value)) throw new TypeError('A JWK must be given as an object');
  const jwk = {};
  for (const member of jwkStrings) if (value[member] !== undefined) jwk[member] = String(value[member]);
  if (value.ext !== undefined) jwk.ext = Boolean(value.ext);
  if (value.key_ops !== undefined) jwk.key_ops = keyUsagesLoose(value.key_ops);
  if (value.oth !== undefined) jwk.oth = [];
  return jwk;
}

function keyUsagesLoose(value) {
  if (value === null || typeof value !== 'object' || typeof value[Symbol.iterator] !== 'function') throw new TypeError("The JWK's key_ops is not a sequence");
  const ops = [];
  for (const item of value) ops.push(String(item));
  return ops;
}

const isSecretAlgorithm = (name) => allowedUsages[name] !== undefined && allowedUsages[name].secret !== undefined;

// What an importKey asks the host, after the checks that come before the key data is read.
function importRequest(format, jwk, algorithm, extractable, usages) {
  const name = algorithm.name;
  let type;
  if (isSecretAlgorithm(name)) type = 'secret';
  else if (format === 'spki' || format === 'raw') type = 'public';
  else if (format === 'pkcs8') type = 'private';
  else if (jwk !== undefined) type = jwk.d === undefined ? 'public' : 'private';
  if (type !== undefined) checkUsages(name, type, usages);
  if ((name === 'PBKDF2' || name === 'HKDF') && extractable) throw cryptoError('SyntaxError', `${name} keys cannot be extractable`);
  return { format, alg: algorithmParameters(algorithm), ext: extractable, usages, jwk };
}

function importedKey(text, usages) {
  const described = jsonParse(text);
  checkUsages(described.algorithm.name, described.type, usages);
  if (described.type !== 'public' && usages.length === 0) throw cryptoError('SyntaxError', 'A secret or private key needs at least one usage');
  return makeCryptoKey(described, usages);
}

function keyLength(algorithm) {
  if (algorithm.name === 'HMAC') return algorithm.length !== undefined ? algorithm.length : (algorithm.hash === 'SHA-384' || algorithm.hash === 'SHA-512' ? 1024 : 512);
  if (algorithm.name.startsWith('AES-')) {
    if (algorithm.length !== 128 && algorithm.length !== 192 && algorithm.length !== 256) throw cryptoError('OperationError', 'The AES key length must be 128, 192 or 256');
    return algorithm.length;
  }
  return null;
}

function exportRequest(key, what, format) {
  const slot = keySlot(key, what);
  const name = slot.algorithm.name;
  if (cryptoRegistry.exportKey[name.toUpperCase()] === undefined) throw cryptoError('NotSupportedError', `${name} keys cannot be exported`);
  if (!slot.extractable) throw cryptoError('InvalidAccessError', 'The key is not extractable');
  return { key: slot.handle, format, ops: slot.usages, ext: slot.extractable };
}

function normalizeEither(first, second, algorithm) {
  try { return normalizeAlgorithm(first, algorithm); } catch (e) {
    if (e instanceof CryptoDOMException && e.name === 'NotSupportedError') return normalizeAlgorithm(second, algorithm);
    throw e;
  }
}

