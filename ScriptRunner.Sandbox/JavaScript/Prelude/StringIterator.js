// Jint's string iterator steps through text elements (a "\r\n" pair, a letter and its combining mark) instead of code
// points, so `for (const c of s)`, `[...s]` and `Array.from(s)` lose characters: the everyday base64 idiom
// `Uint8Array.from(atob(b64), (c) => c.charCodeAt(0))` drops a byte wherever 13 is followed by 10. On that engine the
// runtime installs the standard's iterator: one code point at a time, a surrogate pair together. Only the method is
// made per execution; the iterators' prototype is made on the first iteration.
let CodePointIteratorPrototype = null;
const NativeStringIterator = String.prototype[Symbol.iterator];

function codePointIteratorPrototype() {
  const next = function next() {
    const text = this.text, i = this.index;
    if (i >= text.length) return { value: undefined, done: true };
    const c = text.charCodeAt(i);
    const n = c >= 0xD800 && c <= 0xDBFF && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xFC00) === 0xDC00 ? 2 : 1;
    this.index = i + n;
    return { value: n === 1 ? text[i] : text[i] + text[i + 1], done: false };
  };
  return Object.create(Object.getPrototypeOf(reflectApply(NativeStringIterator, '', [])), { next: { value: next, writable: true, configurable: true } });
}

function stringIterator() {
  if (this === null || this === undefined) throw new TypeError('String.prototype[Symbol.iterator] called on null or undefined');
  if (CodePointIteratorPrototype === null) CodePointIteratorPrototype = codePointIteratorPrototype();
  const iterator = Object.create(CodePointIteratorPrototype);
  iterator.text = String(this);
  iterator.index = 0;
  return iterator;
}

if (host.engine === 'jint') Object.defineProperty(String.prototype, Symbol.iterator, { value: stringIterator, writable: true, configurable: true });
