// Jint's string iterator steps through text elements (a "\r\n" pair, a letter and its combining mark) instead of code
// points, so `for (const c of s)`, `[...s]` and `Array.from(s)` lose characters: the everyday base64 idiom
// `Uint8Array.from(atob(b64), (c) => c.charCodeAt(0))` drops a byte wherever 13 is followed by 10. On that engine the
// runtime installs the standard's iterator: one code point at a time, a surrogate pair together.
if (host.engine === 'jint') {
  const StringIteratorPrototype = Object.getPrototypeOf(''[Symbol.iterator]());
  const CodePointIterator = function (text) { this.text = text; this.index = 0; };
  CodePointIterator.prototype = Object.create(StringIteratorPrototype, {
    next: {
      value: function next() {
        const text = this.text, i = this.index;
        if (i >= text.length) return { value: undefined, done: true };
        const c = text.charCodeAt(i);
        const n = c >= 0xD800 && c <= 0xDBFF && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xFC00) === 0xDC00 ? 2 : 1;
        this.index = i + n;
        return { value: n === 1 ? text[i] : text[i] + text[i + 1], done: false };
      },
      writable: true, configurable: true,
    },
  });
  Object.defineProperty(String.prototype, Symbol.iterator, {
    value: { [Symbol.iterator]() {
      if (this === null || this === undefined) throw new TypeError('String.prototype[Symbol.iterator] called on null or undefined');
      return new CodePointIterator(String(this));
    } }[Symbol.iterator],
    writable: true, configurable: true,
  });
}
