// TextEncoderStream and TextDecoderStream (UTF-8, as TextEncoder and TextDecoder here): transform streams that carry
// a split surrogate pair or a split UTF-8 sequence over to the next chunk. The bytes are encoded and decoded by the host.
const makeEncodingStreams = once(() => {
  // Where a UTF-8 sequence that the next chunk may complete starts at the end of `bytes` (bytes.length if none).
  // Only a valid prefix waits: anything else decodes to U+FFFD now, exactly as it would with more bytes after it.
  function incompleteTail(bytes) {
    const n = bytes.length;
    for (let back = 1; back <= 3 && back <= n; back++) {
      const b = bytes[n - back];
      if ((b & 0xc0) === 0x80) continue;
      const need = b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
      if (need <= back) return n;
      if (back >= 2) {
        const second = bytes[n - back + 1];
        const low = b === 0xe0 ? 0xa0 : b === 0xf0 ? 0x90 : 0x80;
        const high = b === 0xed ? 0x9f : b === 0xf4 ? 0x8f : 0xbf;
        if (second < low || second > high) return n;
      }
      return n - back;
    }
    return n;
  }

  class TextEncoderStream {
    #transform;
    constructor() {
      let pending = '';
      this.#transform = new TransformStream({
        transform(chunk, controller) {
          let text = pending + `${chunk}`;
          pending = '';
          const last = text.charCodeAt(text.length - 1);
          if (last >= 0xd800 && last <= 0xdbff) { pending = text.slice(-1); text = text.slice(0, -1); }
          if (text.length > 0) controller.enqueue(streamHost.utf8Encode(text));
        },
        flush(controller) { if (pending !== '') controller.enqueue(new Uint8Array([0xef, 0xbf, 0xbd])); },
      });
    }
    get encoding() { return 'utf-8'; }
    get readable() { return this.#transform.readable; }
    get writable() { return this.#transform.writable; }
    get [Symbol.toStringTag]() { return 'TextEncoderStream'; }
  }

  class TextDecoderStream {
    #transform; #fatal; #ignoreBOM;
    constructor(label = 'utf-8', options = {}) {
      const decoder = new (web().makeTextDecoder())(label, options);
      const fatal = this.#fatal = decoder.fatal;
      const ignoreBOM = this.#ignoreBOM = decoder.ignoreBOM;
      let pending = null, started = false;
      const invalid = () => new TypeError('The encoded data was not valid for encoding utf-8');
      this.#transform = new TransformStream({
        transform(chunk, controller) {
          let bytes = chunkBytes(chunk);
          if (bytes === null) throw new TypeError("Failed to execute 'decode' on 'TextDecoderStream': The provided value is not of type '(ArrayBuffer or ArrayBufferView)'");
          if (pending !== null) { bytes = concatBytes([pending, bytes], pending.byteLength + bytes.byteLength); pending = null; }
          const cut = incompleteTail(bytes);
          if (cut < bytes.length) pending = bytes.slice(cut);
          if (cut === 0) return;
          let text = streamHost.utf8Decode(cut === bytes.length && bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? bytes : bytes.slice(0, cut), fatal);
          if (text === null) throw invalid();
          if (!started && text.length > 0) {
            started = true;
            if (!ignoreBOM && text.charCodeAt(0) === 0xfeff) text = text.slice(1);
          }
          if (text.length > 0) controller.enqueue(text);
        },
        flush(controller) {
          if (pending === null) return;
          if (fatal) throw invalid();
          controller.enqueue('\ufffd');
        },
      });
    }
    get encoding() { return 'utf-8'; }
    get fatal() { return this.#fatal; }
    get ignoreBOM() { return this.#ignoreBOM; }
    get readable() { return this.#transform.readable; }
    get writable() { return this.#transform.writable; }
    get [Symbol.toStringTag]() { return 'TextDecoderStream'; }
  }

  return { TextEncoderStream, TextDecoderStream };
});
