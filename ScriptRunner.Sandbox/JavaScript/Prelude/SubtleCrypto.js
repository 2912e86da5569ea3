// crypto.subtle: the SubtleCrypto object a script reaches first. Its methods hand over to the operations group
// (CryptoAlgorithms, CryptoKey, CryptoOperations), which is built on the first call, so reading crypto.subtle costs
// only this class.
const subtleToken = {};
class SubtleCrypto {
  constructor(token) { if (token !== subtleToken) throw new TypeError('Illegal constructor'); }
  get [Symbol.toStringTag]() { return 'SubtleCrypto'; }
  digest(algorithm, data) { return webcryptoOperations().subtleOperations.digest(arguments.length, algorithm, data); }
  importKey(format, keyData, algorithm, extractable, usages) { return webcryptoOperations().subtleOperations.importKey(arguments.length, format, keyData, algorithm, extractable, usages); }
  exportKey(format, key) { return webcryptoOperations().subtleOperations.exportKey(arguments.length, format, key); }
  generateKey(algorithm, extractable, usages) { return webcryptoOperations().subtleOperations.generateKey(arguments.length, algorithm, extractable, usages); }
  sign(algorithm, key, data) { return webcryptoOperations().subtleOperations.sign(arguments.length, algorithm, key, data); }
  verify(algorithm, key, signature, data) { return webcryptoOperations().subtleOperations.verify(arguments.length, algorithm, key, signature, data); }
  encrypt(algorithm, key, data) { return webcryptoOperations().subtleOperations.encrypt(arguments.length, algorithm, key, data); }
  decrypt(algorithm, key, data) { return webcryptoOperations().subtleOperations.decrypt(arguments.length, algorithm, key, data); }
  deriveBits(algorithm, baseKey, length) { return webcryptoOperations().subtleOperations.deriveBits(arguments.length, algorithm, baseKey, length); }
  deriveKey(algorithm, baseKey, derivedKeyType, extractable, usages) { return webcryptoOperations().subtleOperations.deriveKey(arguments.length, algorithm, baseKey, derivedKeyType, extractable, usages); }
  wrapKey(format, key, wrappingKey, wrapAlgorithm) { return webcryptoOperations().subtleOperations.wrapKey(arguments.length, format, key, wrappingKey, wrapAlgorithm); }
  unwrapKey(format, wrappedKey, unwrappingKey, unwrapAlgorithm, unwrappedKeyAlgorithm, extractable, usages) { return webcryptoOperations().subtleOperations.unwrapKey(arguments.length, format, wrappedKey, unwrappingKey, unwrapAlgorithm, unwrappedKeyAlgorithm, extractable, usages); }
}

const subtleCrypto = new SubtleCrypto(subtleToken);
const makeSubtleCrypto = () => ({ subtle: subtleCrypto, SubtleCrypto });
