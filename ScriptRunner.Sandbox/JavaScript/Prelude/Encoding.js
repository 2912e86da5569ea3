// TextEncoder/TextDecoder (UTF-8), atob/btoa, structuredClone, crypto.getRandomValues/randomUUID, DOMException.
function utf8Encode(text) {
  const bytes = [];
  for (let i = 0; i < text.length; i++) {
    let code = text.charCodeAt(i);
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      const low = text.charCodeAt(i + 1);
      if (low >= 0xdc00 && low <= 0xdfff) { code = 0x10000 + ((code - 0xd800) << 10) + (low - 0xdc00); i++; }
      else code = 0xfffd;
    } else if (code >= 0xd800 && code <= 0xdfff) code = 0xfffd;
    if (code < 0x80) bytes.push(code);
    else if (code < 0x800) bytes.push(0xc0 | (code >> 6), 0x80 | (code & 63));
    else if (code < 0x10000) bytes.push(0xe0 | (code >> 12), 0x80 | ((code >> 6) & 63), 0x80 | (code & 63));
    else bytes.push(0xf0 | (code >> 18), 0x80 | ((code >> 12) & 63), 0x80 | ((code >> 6) & 63), 0x80 | (code & 63));
  }
  return new Uint8Array(bytes);
}

function utf8Decode(bytes, fatal) {
  let out = '';
  const chunk = [];
  const fail = () => { if (fatal) throw new TypeError('The encoded data was not valid for encoding utf-8'); chunk.push(0xfffd); };
  for (let i = 0; i < bytes.length;) {
    const b = bytes[i];
    let need = 0, code = 0, min = 0;
    if (b < 0x80) { chunk.push(b); i++; }
    else {
      if (b >= 0xc2 && b <= 0xdf) { need = 1; code = b & 31; min = 0x80; }
      else if (b >= 0xe0 && b <= 0xef) { need = 2; code = b & 15; min = 0x800; }
      else if (b >= 0xf0 && b <= 0xf4) { need = 3; code = b & 7; min = 0x10000; }
      else { fail(); i++; continue; }
      let j = 1;
      for (; j <= need && i + j < bytes.length && (bytes[i + j] & 0xc0) === 0x80; j++) code = (code << 6) | (bytes[i + j] & 63);
      if (j <= need || code < min || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) { fail(); i += j; continue; }
      if (code >= 0x10000) { code -= 0x10000; chunk.push(0xd800 + (code >> 10), 0xdc00 + (code & 1023)); }
      else chunk.push(code);
      i += need + 1;
    }
    if (chunk.length > 4096) { out += String.fromCharCode.apply(null, chunk); chunk.length = 0; }
  }
  return out + String.fromCharCode.apply(null, chunk);
}

function toBytes(input) {
  if (input instanceof ArrayBuffer) return new Uint8Array(input);
  if (ArrayBuffer.isView(input)) return new Uint8Array(input.buffer, input.byteOffset, input.byteLength);
  throw new TypeError('The "input" argument must be an ArrayBuffer or an ArrayBufferView');
}

const makeDOMException = once(() => class DOMException extends Error {
  constructor(message = '', name = 'Error') { super(message); Object.defineProperty(this, 'name', { value: String(name), writable: true, configurable: true }); }
});

const makeTextEncoder = once(() => class TextEncoder {
  get encoding() { return 'utf-8'; }
  encode(input = '') { return utf8Encode(String(input)); }
  encodeInto(input, destination) {
    const bytes = utf8Encode(String(input));
    const n = Math.min(bytes.length, destination.length);
    destination.set(bytes.subarray(0, n));
    return { read: String(input).length, written: n };
  }
});

const makeTextDecoder = once(() => class TextDecoder {
  #fatal; #ignoreBOM;
  constructor(label = 'utf-8', options = {}) {
    const name = String(label).trim().toLowerCase();
    if (name !== 'utf-8' && name !== 'utf8' && name !== 'unicode-1-1-utf-8') throw new RangeError(`The "${label}" encoding is not supported`);
    this.#fatal = Boolean(options && options.fatal);
    this.#ignoreBOM = Boolean(options && options.ignoreBOM);
  }
  get encoding() { return 'utf-8'; }
  get fatal() { return this.#fatal; }
  get ignoreBOM() { return this.#ignoreBOM; }
  decode(input) {
    if (input === undefined) return '';
    let bytes = toBytes(input);
    if (!this.#ignoreBOM && bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) bytes = bytes.subarray(3);
    return utf8Decode(bytes, this.#fatal);
  }
});

const base64Alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

function btoa(data) {
  if (arguments.length === 0) throw new TypeError('The "data" argument must be specified');
  const text = String(data);
  let out = '';
  for (let i = 0; i < text.length; i += 3) {
    const codes = [text.charCodeAt(i), text.charCodeAt(i + 1), text.charCodeAt(i + 2)];
    for (const c of codes) if (c > 255) throw new (makeDOMException())('Invalid character', 'InvalidCharacterError');
    const n = (codes[0] << 16) | ((codes[1] || 0) << 8) | (codes[2] || 0);
    out += base64Alphabet[n >> 18] + base64Alphabet[(n >> 12) & 63]
      + (i + 1 < text.length ? base64Alphabet[(n >> 6) & 63] : '=') + (i + 2 < text.length ? base64Alphabet[n & 63] : '=');
  }
  return out;
}

function atob(data) {
  if (arguments.length === 0) throw new TypeError('The "data" argument must be specified');
  let text = String(data).replace(/[\t\n\f\r ]/g, '');
  if (text.length % 4 === 0) text = text.replace(/==?$/, '');
  if (text.length % 4 === 1 || /[^A-Za-z0-9+/]/.test(text)) throw new (makeDOMException())('The string to be decoded is not correctly encoded.', 'InvalidCharacterError');
  let out = '';
  let buffer = 0, bits = 0;
  for (const ch of text) {
    buffer = (buffer << 6) | base64Alphabet.indexOf(ch);
    bits += 6;
    if (bits >= 8) { bits -= 8; out += String.fromCharCode((buffer >> bits) & 255); }
  }
  return out;
}

function structuredClone(value, options) {
  const copies = new Map();
  const fail = (what) => { throw new (makeDOMException())(`${what} could not be cloned.`, 'DataCloneError'); };
  const copy = (v) => {
    if (typeof v === 'function') fail(inspect(v));
    if (typeof v === 'symbol') fail(String(v));
    if (v === null || typeof v !== 'object') return v;
    if (copies.has(v)) return copies.get(v);
    const tag = objectToString(v);
    let result;
    if (tag === '[object Date]') result = new Date(v.getTime());
    else if (tag === '[object RegExp]') result = new RegExp(v.source, v.flags);
    else if (tag === '[object Boolean]' || tag === '[object Number]' || tag === '[object String]') result = Object(v.valueOf());
    else if (v instanceof ArrayBuffer) result = v.slice(0);
    else if (ArrayBuffer.isView(v)) { const C = v.constructor; result = v instanceof DataView ? new DataView(v.buffer.slice(0)) : new C(v); }
    else if (v instanceof Map) { result = new Map(); copies.set(v, result); for (const [k, x] of v) result.set(copy(k), copy(x)); return result; }
    else if (v instanceof Set) { result = new Set(); copies.set(v, result); for (const x of v) result.add(copy(x)); return result; }
    else if (isErrorLike(v)) {
      const Ctor = { EvalError, RangeError, ReferenceError, SyntaxError, TypeError, URIError }[v.name] || Error;
      result = new Ctor(v.message);
      if (typeof v.stack === 'string') result.stack = v.stack;
    } else if (Array.isArray(v)) {
      result = new Array(v.length);
      copies.set(v, result);
      for (const key of Object.keys(v)) result[key] = copy(v[key]);
      return result;
    } else if (tag === '[object Object]' || tag === '[object Arguments]') {
      result = {};
      copies.set(v, result);
      for (const key of Object.keys(v)) result[key] = copy(v[key]);
      return result;
    } else fail(tag.slice(8, -1) + ' object');
    copies.set(v, result);
    return result;
  };
  return copy(value);
}

function hexBytes(count) {
  const hex = host.randomBytes(count);
  const bytes = new Uint8Array(count);
  for (let i = 0; i < count; i++) bytes[i] = parseInt(hex.substr(i * 2, 2), 16);
  return bytes;
}

const makeCrypto = once(() => {
  const integerArrays = ['Int8Array', 'Uint8Array', 'Uint8ClampedArray', 'Int16Array', 'Uint16Array', 'Int32Array', 'Uint32Array', 'BigInt64Array', 'BigUint64Array'];
  return Object.freeze({
    // WebCrypto's SubtleCrypto is its own lazy group: built the first time a script reads crypto.subtle.
    get subtle() { return native(webcrypto().makeSubtleCrypto().subtle); },
    getRandomValues(array) {
      if (!ArrayBuffer.isView(array) || !integerArrays.includes(objectToString(array).slice(8, -1))) {
        throw new (makeDOMException())('The data argument must be an integer-type TypedArray', 'TypeMismatchError');
      }
      if (array.byteLength > 65536) throw new (makeDOMException())(`The ArrayBufferView's byte length (${array.byteLength}) exceeds the number of bytes of entropy available via this API (65536)`, 'QuotaExceededError');
      new Uint8Array(array.buffer, array.byteOffset, array.byteLength).set(hexBytes(array.byteLength));
      return array;
    },
    randomUUID() {
      const b = hexBytes(16);
      b[6] = (b[6] & 0x0f) | 0x40;
      b[8] = (b[8] & 0x3f) | 0x80;
      const h = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
      return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
    },
  });
});
