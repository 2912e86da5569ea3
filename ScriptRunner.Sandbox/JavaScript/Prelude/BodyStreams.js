// Request and Response bodies as streams: a body held as text or bytes is offered as a byte stream on first use of
// `body`; a body given as a stream is read to the end when consumed; a handler's streamed Response is collected into
// the result's `body` under the output cap, `bodyTruncated: true` saying when the cap cut it.

// A body held as text or bytes, as a byte stream of one chunk (a copy: a BYOB reader may detach it).
function bodyStream(source) {
  const bytes = typeof source === 'string' ? streamHost.utf8Encode(source) : source.slice();
  return new ReadableStream({
    type: 'bytes',
    start(controller) {
      if (bytes.byteLength > 0) controller.enqueue(bytes);
      controller.close();
    },
  });
}

// Every chunk of a body stream, concatenated; a chunk that is not a Uint8Array is a TypeError, as fetch says.
async function readAllBytes(stream) {
  const reader = stream.getReader();
  const chunks = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    if (!(value instanceof Uint8Array)) {
      const error = new TypeError('Failed to read the body: every chunk of a body stream must be a Uint8Array');
      reader.cancel(error).catch(() => {});
      throw error;
    }
    chunks.push(value);
    total += value.byteLength;
  }
  return concatBytes(chunks, total);
}

async function readAllText(stream) { return utf8DecodeBody(await readAllBytes(stream)); }

// A handler's Response whose body is a stream, read to its end (or to the output cap) before the run settles.
class CollectedResponse {
  constructor(result) { this.result = result; }
}

async function collectResponse(value, stream) {
  if (stream.locked || isDisturbed(stream)) throw new ResultError('the handler returned a Response whose body stream is locked or was already read');
  const headers = {};
  for (const [n, v] of value.headers) headers[n] = v;
  // Each UTF-8 byte takes at least one JSON byte: reading past the cap (and a partial character) is waste.
  const limit = streamHost.resultCap() + 4;
  const reader = stream.getReader();
  const chunks = [];
  let total = 0, truncated = false;
  for (;;) {
    const { done, value: chunk } = await reader.read();
    if (done) break;
    const bytes = chunkBytes(chunk);
    if (bytes === null) {
      const error = new TypeError('the handler\'s Response body stream gave a chunk that is not a Uint8Array');
      reader.cancel(error).catch(() => {});
      throw error;
    }
    const take = Math.min(bytes.byteLength, limit - total);
    chunks.push(take === bytes.byteLength ? bytes : bytes.subarray(0, take));
    total += take;
    if (take < bytes.byteLength || total >= limit) {
      truncated = true;
      reader.cancel(new RangeError('the response body passed the output limit')).catch(() => {});
      break;
    }
  }
  let body = streamHost.utf8Decode(concatBytes(chunks, total), false);
  const envelope = jsonStringify({ statusCode: value.status, headers, body: '', bodyTruncated: true });
  const fit = streamHost.resultBodyFit(body, envelope);
  if (fit < body.length) { body = body.slice(0, fit); truncated = true; }
  const result = { statusCode: value.status, headers, body };
  if (truncated) result.bodyTruncated = true;
  return new CollectedResponse(result);
}
