// Wraps the host bridge (V8HostBridge) in plain functions with the shape the prelude expects (the same as on Jint), so
// the script never holds a .NET object: the bridge lives only in this closure. A function of the bridge and of hide
// (Surface.js), which makes what the runtime hands out through a getter print as native code, as its globals do.
(function (h, hide) {
  'use strict';
  const Buffer = ArrayBuffer, Bytes = Uint8Array, apply = Reflect.apply, fromCharCode = String.fromCharCode;
  const { indexOf, slice, charCodeAt } = String.prototype;
  // Taken after Surface.js, so the runtime's own functions read as native too.
  const functionText = Function.prototype.toString;
  // Small byte inputs cross to the host as Latin-1 strings: cheaper for ClearScript than a typed array.
  const inline = (v) => (v === undefined || v === null ? null : v.byteLength <= 4096 ? apply(fromCharCode, null, v) : v);
  return Object.freeze({
    write: (stream, text) => { h.Write(String(stream), String(text)); },
    log: (level, message) => { h.Log(String(level), String(message)); },
    now: () => h.Now(),
    unixTime: () => h.UnixTime(),
    randomBytes: (count) => h.RandomBytes(Number(count)),
    fetch: (json) => h.Fetch(String(json)),
    subtle: (op, json, a, b, c) => {
      const answer = h.Subtle(String(op), String(json), inline(a), inline(b), inline(c));
      const at = apply(indexOf, answer, [';']);
      const kind = answer[0];
      const n = +apply(slice, answer, [1, at]);
      if (kind === 'n') return [apply(slice, answer, [at + 1]), undefined];
      const out = new Buffer(n);
      if (kind === 'i') {
        const view = new Bytes(out);
        for (let i = 0; i < n; i++) view[i] = apply(charCodeAt, answer, [at + 1 + i]);
        return [apply(slice, answer, [at + 1 + n]), out];
      }
      if (n > 0) h.SubtleTake(out);
      return [apply(slice, answer, [at + 1]), out];
    },
    domainToAscii: (domain) => h.DomainToAscii(String(domain)),
    hide: (value) => { hide(value); return value; },
    isBuiltin: (fn) => {
      let text;
      try { text = apply(functionText, fn, []); } catch (e) { return false; }
      return apply(slice, text, [-17]) === '{ [native code] }';
    },
    // Streams: the same functions as on Jint, made on the streams group's first use.
    streams: () => Object.freeze({
      codecOpen: (format, decompress) => h.CodecOpen(String(format), !!decompress),
      codecPush: (id, bytes, final) => {
        const n = h.CodecPush(id, bytes, !!final);
        if (n < 0) return n;
        const out = new Uint8Array(n);
        if (n > 0) h.CodecTake(out);
        return out;
      },
      codecClose: (id) => { h.CodecClose(id); },
      utf8Decode: (bytes, fatal) => h.Utf8Decode(bytes, !!fatal),
      utf8Encode: (text) => {
        const n = h.Utf8Encode(String(text));
        const out = new Uint8Array(n);
        if (n > 0) h.Utf8Take(out);
        return out;
      },
      resultCap: () => h.ResultCap(),
      resultBodyFit: (body, envelope) => h.ResultBodyFit(String(body), String(envelope)),
    }),
  });
})
