// CompressionStream and DecompressionStream ("gzip", "deflate", "deflate-raw" and "brotli") on the host's .NET
// compression: each stream drives one host codec, chunk by chunk. Corrupt, truncated or over-long compressed data is
// a TypeError; the output of every codec in a run counts against its memory cap (past it the run ends as MemoryLimit).
const makeCompressionStreams = once(() => {
  const formats = ['deflate', 'deflate-raw', 'gzip', 'brotli'];

  function codecTransform(format, decompress) {
    let id = 0, done = false;
    const push = (bytes, final, controller) => {
      if (done) throw new TypeError(decompress ? `The ${format} data continues after its end` : 'The stream is closed');
      if (id === 0) {
        id = streamHost.codecOpen(format, decompress);
        if (id < 0) { done = true; throw new TypeError(`The ${format} codec is not available`); }
      }
      const out = streamHost.codecPush(id, bytes, final);
      if (typeof out === 'number') {
        done = true;
        throw new TypeError(decompress ? `The compressed data is not valid ${format} data` : `Compression failed (${format})`);
      }
      if (final) done = true;
      if (out.byteLength > 0) controller.enqueue(out);
    };
    return new TransformStream({
      transform(chunk, controller) {
        let bytes = chunkBytes(chunk);
        if (bytes === null) throw new TypeError(`Failed to execute 'write' on '${decompress ? 'DecompressionStream' : 'CompressionStream'}': The provided value is not of type '(ArrayBuffer or ArrayBufferView)'`);
        if (bytes.byteOffset !== 0 || bytes.byteLength !== bytes.buffer.byteLength) bytes = bytes.slice();
        push(bytes, false, controller);
      },
      flush(controller) { push(new Uint8Array(0), true, controller); },
      cancel() { if (id !== 0 && !done) { done = true; streamHost.codecClose(id); } },
    });
  }

  function formatOf(what, args) {
    if (args.length < 1) throw new TypeError(`Failed to construct '${what}': 1 argument required, but only 0 present.`);
    const name = `${args[0]}`;
    if (!formats.includes(name)) throw new TypeError(`Failed to construct '${what}': Unsupported compression format: '${name}'`);
    return name;
  }

  class CompressionStream {
    #transform;
    constructor(format) { this.#transform = codecTransform(formatOf('CompressionStream', arguments), false); }
    get readable() { return this.#transform.readable; }
    get writable() { return this.#transform.writable; }
    get [Symbol.toStringTag]() { return 'CompressionStream'; }
  }

  class DecompressionStream {
    #transform;
    constructor(format) { this.#transform = codecTransform(formatOf('DecompressionStream', arguments), true); }
    get readable() { return this.#transform.readable; }
    get writable() { return this.#transform.writable; }
    get [Symbol.toStringTag]() { return 'DecompressionStream'; }
  }

  return { CompressionStream, DecompressionStream };
});
