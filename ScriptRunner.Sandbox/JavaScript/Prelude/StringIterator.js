// Jint's string iterator steps through text elements (a "\r\n" pair, a letter and its combining mark) instead of code
// points, so `for (const c of s)`, `[...s]` and `Array.from(s)` lose characters: the everyday base64 idiom
// `Uint8Array.from(atob(b64), (c) => c.charCodeAt(0))` drops a byte wherever 13 is followed by 10. On that engine the
// Jint adapter installs, before the script runs, a method that hands over to this one: one code point at a time, a
// surrogate pair together. The iterators' prototype is made on the first iteration.
let CodePointIteratorPrototype = null;

function codePointIteratorPrototype(nativeIterator) {
  const next = function next() {
    const text = this.text, i = this.index;
    if (i >= text.length) return { value: undefined, done: true };
    const c = text[i];
    const n = c >= '\uD800' && c <= '\uDBFF' && i + 1 < text.length && text[i + 1] >= '\uDC00' && text[i + 1] <= '\uDFFF' ? 2 : 1;
    this.index = i + n;
    return { value: n === 1 ? text[i] : text[i] + text[i + 1], done: false };
  };
  return objectCreate(Object.getPrototypeOf(reflectApply(nativeIterator, '', [])), { next: { value: next, writable: true, configurable: true } });
}

// Called with the string as `this` and the engine's own iterator method, whose iterators' prototype this one's inherit.
function stringIterator(nativeIterator) {
  if (this === null || this === undefined) throw new TypeError('String.prototype[Symbol.iterator] called on null or undefined');
  if (CodePointIteratorPrototype === null) CodePointIteratorPrototype = codePointIteratorPrototype(nativeIterator);
  const iterator = objectCreate(CodePointIteratorPrototype);
  iterator.text = String(this);
  iterator.index = 0;
  return iterator;
}
