// Blob and File after the File API. A blob's bytes are immutable, so slices and blobs made of one blob share them.
// Bytes a script puts into blobs count against the execution's memory cap: a blob that would pass it is a RangeError
// (V8 keeps array buffer memory outside the heap its limit watches, so the prelude keeps this count itself).
let blobBytesMade = 0;

// Web IDL's DOMString conversion: like String(), but a symbol is a TypeError rather than "Symbol(…)".
const domString = (value) => `${value}`;

function checkBlobBytes(count) {
  const cap = Number(input.memoryBytes) || 0;
  if (cap > 0 && blobBytesMade + count > cap) {
    throw new RangeError(`Blob data of ${blobBytesMade + count} bytes would exceed the execution's memory limit of ${Math.floor(cap / 1048576)} MB`);
  }
}

function reserveBlobBytes(count) {
  checkBlobBytes(count);
  blobBytesMade += count;
}

// A USVString: lone surrogates become U+FFFD.
function usvString(value) {
  const text = domString(value);
  return /[\ud800-\udfff]/.test(text) ? text.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd') : text;
}

// A MIME type as a blob keeps it: lower case, or empty when it has a character outside U+0020–U+007E.
function blobType(value) {
  if (value === undefined) return '';
  const text = domString(value);
  return /[^\x20-\x7e]/.test(text) ? '' : text.toLowerCase();
}

function optionsBag(value, what, bag) {
  if (value === undefined || value === null) return {};
  if (typeof value !== 'object' && typeof value !== 'function') throw new TypeError(`Failed to construct '${what}': The provided value is not of type '${bag}'.`);
  return value;
}

// UTF-8 bytes of a string, written straight into a typed array (at most three bytes per UTF-16 unit), with lone
// surrogates as U+FFFD. Unlike building a list of numbers first, this holds no more than the bytes themselves,
// which keeps a large text body far from the memory cap on Jint.
function encodeUtf8(text) {
  if (host.utf8Encode && text.length > 64) return host.utf8Encode(text);
  const n = text.length;
  const out = new Uint8Array(n * 3);
  let at = 0;
  for (let i = 0; i < n; i++) {
    let code = text.charCodeAt(i);
    if (code < 0x80) { out[at++] = code; continue; }
    if (code >= 0xd800 && code <= 0xdfff) {
      const low = i + 1 < n ? text.charCodeAt(i + 1) : 0;
      if (code <= 0xdbff && low >= 0xdc00 && low <= 0xdfff) {
        code = 0x10000 + ((code - 0xd800) << 10) + (low - 0xdc00);
        i++;
        out[at++] = 0xf0 | (code >> 18); out[at++] = 0x80 | ((code >> 12) & 63); out[at++] = 0x80 | ((code >> 6) & 63); out[at++] = 0x80 | (code & 63);
        continue;
      }
      code = 0xfffd;
    }
    if (code < 0x800) { out[at++] = 0xc0 | (code >> 6); out[at++] = 0x80 | (code & 63); }
    else { out[at++] = 0xe0 | (code >> 12); out[at++] = 0x80 | ((code >> 6) & 63); out[at++] = 0x80 | (code & 63); }
  }
  return at === out.length ? out : out.slice(0, at);
}

function decodeUtf8Text(bytes) {
  const start = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  const content = start ? bytes.subarray(start) : bytes;
  return host.utf8Decode && content.length > 64 ? host.utf8Decode(content) : web().utf8Decode(content, false);
}

const makeBlobClasses = once(() => {
  const constructing = {};
  let bytesOf, isBlob;

  // The parts, each converted as the sequence is read (a throwing part stops the construction there): blobs and
  // buffers as bytes, anything else as a string, encoded once the options say which line endings to use.
  function partValues(blobParts, what) {
    if (blobParts === undefined) return [];
    if (blobParts === null || (typeof blobParts !== 'object' && typeof blobParts !== 'function') || typeof blobParts[Symbol.iterator] !== 'function') {
      throw new TypeError(`Failed to construct '${what}': The provided value cannot be converted to a sequence.`);
    }
    const parts = [];
    for (const part of blobParts) {
      if (isBlob(part)) parts.push({ shared: bytesOf(part) });
      else if (part instanceof ArrayBuffer || ArrayBuffer.isView(part)) parts.push(web().toBytes(part));
      else parts.push(usvString(part));
    }
    return parts;
  }

  function partsBytes(parts, nativeEndings) {
    return parts.map((part) => {
      if (typeof part !== 'string') return part;
      checkBlobBytes(part.length); // before encoding: a string too long for a blob is refused without the copy
      return encodeUtf8(nativeEndings ? part.replace(/\r\n|\r/g, '\n') : part);
    });
  }

  // One blob part is shared as it is; anything else is copied into new bytes, counted against the cap first.
  function joinBytes(parts) {
    if (parts.length === 1 && parts[0].shared) return parts[0].shared;
    let total = 0;
    for (let i = 0; i < parts.length; i++) { if (parts[i].shared) parts[i] = parts[i].shared; total += parts[i].length; }
    reserveBlobBytes(total);
    const bytes = new Uint8Array(total);
    let at = 0;
    for (const part of parts) { bytes.set(part, at); at += part.length; }
    return bytes;
  }

  function endingsOf(options, what) {
    if (options.endings === undefined) return false;
    const endings = domString(options.endings);
    if (endings !== 'transparent' && endings !== 'native') {
      throw new TypeError(`Failed to construct '${what}': Failed to read the 'endings' property from 'BlobPropertyBag': The provided value '${endings}' is not a valid enum value of type EndingType.`);
    }
    return endings === 'native';
  }

  function relativeIndex(value, size, fallback) {
    if (value === undefined) return fallback;
    const n = Math.trunc(Number(value)) || 0;
    return n < 0 ? Math.max(size + n, 0) : Math.min(n, size);
  }

  class Blob {
    #bytes; #type;
    constructor(blobParts, options) {
      if (blobParts === constructing) { this.#bytes = options.bytes; this.#type = options.type; return; }
      const what = new.target === Blob ? 'Blob' : 'File';
      const parts = partValues(blobParts, what);
      const bag = optionsBag(options, what, what === 'Blob' ? 'BlobPropertyBag' : 'FilePropertyBag');
      const native = endingsOf(bag, what);
      this.#type = blobType(bag.type);
      this.#bytes = joinBytes(partsBytes(parts, native));
    }
    static {
      bytesOf = (blob) => blob.#bytes;
      isBlob = (value) => value !== null && typeof value === 'object' && #bytes in value;
    }
    get size() { return this.#bytes.length; }
    get type() { return this.#type; }
    slice(start, end, contentType) {
      const size = this.#bytes.length;
      const from = relativeIndex(start, size, 0);
      const to = relativeIndex(end, size, size);
      return new Blob(constructing, { bytes: this.#bytes.subarray(from, Math.max(from, to)), type: blobType(contentType) });
    }
    text() { const bytes = this.#bytes; return new Promise((resolve) => resolve(decodeUtf8Text(bytes))); }
    arrayBuffer() { const bytes = this.#bytes; return new Promise((resolve) => resolve(bytes.slice().buffer)); }
    bytes() { const bytes = this.#bytes; return new Promise((resolve) => resolve(bytes.slice())); }
    stream() {
      const ReadableStream = globalValue('ReadableStream');
      if (typeof ReadableStream !== 'function') throw new TypeError('Blob.stream() needs ReadableStream, which this runtime does not provide');
      const bytes = this.#bytes;
      return new ReadableStream({ start(controller) { if (bytes.length) controller.enqueue(bytes.slice()); controller.close(); } });
    }
    get [Symbol.toStringTag]() { return 'Blob'; }
  }

  class File extends Blob {
    #name; #lastModified;
    constructor(fileBits, fileName, options) {
      if (fileBits === constructing) {
        super(constructing, options);
        this.#name = options.name; this.#lastModified = options.lastModified;
        return;
      }
      if (arguments.length < 2) throw new TypeError(`Failed to construct 'File': 2 arguments required, but only ${arguments.length} present.`);
      super(fileBits, options);
      this.#name = usvString(fileName);
      const bag = optionsBag(options, 'File', 'FilePropertyBag');
      this.#lastModified = bag.lastModified === undefined ? dateNow() : (Math.trunc(Number(bag.lastModified)) || 0);
    }
    get name() { return this.#name; }
    get lastModified() { return this.#lastModified; }
    get webkitRelativePath() { return ''; }
    get [Symbol.toStringTag]() { return 'File'; }
  }

  // Blobs and files over bytes the runtime already holds (a parsed body): no copy, no new memory.
  const makeBlob = (bytes, type) => new Blob(constructing, { bytes, type: blobType(type) });
  const makeFile = (bytes, name, type, lastModified) => new File(constructing, undefined, {
    bytes, type: blobType(type), name, lastModified: lastModified === undefined ? dateNow() : lastModified,
  });

  return { Blob, File, isBlob, bytesOf, makeBlob, makeFile };
});

// The bytes of a Blob, or null when the value is not one.
function blobOf(value) {
  const classes = makeBlobClasses();
  return classes.isBlob(value) ? classes.bytesOf(value) : null;
}
