// Headers, Request, Response and fetch. A fetch runs on the host, synchronously, under the execution's fetch
// policy; the script sees the usual Promise<Response>. Bodies are held as text, bytes or a ReadableStream; `body` is
// a ReadableStream (made on first use from text or bytes, by the streams group: see BodyStreams.js).
const tokenPattern = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;

function normalizeHeaderValue(value) { return String(value).replace(/^[\t\n\r ]+|[\t\n\r ]+$/g, ''); }

function bodyText(body) {
  if (body === null || body === undefined) return null;
  if (typeof body === 'string') return body;
  return utf8Decode(body, false);
}

function extractBody(body) {
  if (body === null || body === undefined) return { body: null, type: null };
  if (typeof body === 'string') return { body, type: 'text/plain;charset=UTF-8' };
  const { URLSearchParams } = makeUrlClasses();
  if (body instanceof URLSearchParams) return { body: body.toString(), type: 'application/x-www-form-urlencoded;charset=UTF-8' };
  if (body instanceof ArrayBuffer || ArrayBuffer.isView(body)) return { body: toBytes(body).slice(), type: null };
  if (isStreamBody(body)) {
    if (body.locked || streams().isDisturbed(body)) throw new TypeError('Response body object should not be disturbed or locked');
    return { body, type: null };
  }
  const fromFiles = files.ready() ? files().extractFilesBody(body) : null;
  if (fromFiles) return fromFiles;
  return { body: String(body), type: 'text/plain;charset=UTF-8' };
}

// A ReadableStream can only exist once the streams group is built: a script that never touches streams never builds it.
function isStreamBody(body) { return streams.ready() && streams().isReadableStream(body); }

const makeHttpClasses = once(() => {
  let headersRecord;
  class Headers {
    #map = new Map();
    constructor(init) {
      if (init === undefined || init === null) return;
      if (init instanceof Headers) { for (const [n, v] of init) this.append(n, v); return; }
      if (typeof init !== 'object') throw new TypeError("Failed to construct 'Headers': The provided value is not of type 'HeadersInit'");
      if (typeof init[Symbol.iterator] === 'function') {
        for (const pair of init) {
          const items = Array.from(pair);
          if (items.length !== 2) throw new TypeError("Failed to construct 'Headers': Invalid value");
          this.append(items[0], items[1]);
        }
      } else for (const key of Object.keys(init)) this.append(key, init[key]);
    }
    static #name(name) {
      const text = String(name);
      if (!tokenPattern.test(text)) throw new TypeError(`Headers: invalid header name: "${text}"`);
      return text.toLowerCase();
    }
    append(name, value) {
      const key = Headers.#name(name);
      const text = normalizeHeaderValue(value);
      this.#map.set(key, this.#map.has(key) ? `${this.#map.get(key)}, ${text}` : text);
    }
    set(name, value) { this.#map.set(Headers.#name(name), normalizeHeaderValue(value)); }
    get(name) { const key = Headers.#name(name); return this.#map.has(key) ? this.#map.get(key) : null; }
    has(name) { return this.#map.has(Headers.#name(name)); }
    delete(name) { this.#map.delete(Headers.#name(name)); }
    getSetCookie() { return this.#map.has('set-cookie') ? [this.#map.get('set-cookie')] : []; }
    forEach(callback, thisArg) { for (const [n, v] of this) callback.call(thisArg, v, n, this); }
    *entries() { for (const key of [...this.#map.keys()].sort()) yield [key, this.#map.get(key)]; }
    *keys() { for (const [n] of this.entries()) yield n; }
    *values() { for (const [, v] of this.entries()) yield v; }
    [Symbol.iterator]() { return this.entries(); }
    get [Symbol.toStringTag]() { return 'Headers'; }
    static {
      // For the runtime's answer: the headers as a plain object in iteration order (sorted by name), read with the
      // intrinsics as they were before the script ran, which may have replaced Map's or Array's iterators by now.
      headersRecord = (headers) => {
        const names = [], values = [];
        reflectApply(MapForEach, headers.#map, [(v, n) => {
          let i = names.length;
          while (i > 0 && names[i - 1] > n) { names[i] = names[i - 1]; values[i] = values[i - 1]; i--; }
          names[i] = n;
          values[i] = v;
        }]);
        const record = {};
        for (let i = 0; i < names.length; i++) record[names[i]] = values[i];
        return record;
      };
    }
  }

  let consume, peek, fromHost, signalOf, streamOf, bodyTextOf, fetchBodyOf;
  class Body {
    // #body: the text, bytes or stream given; #stream: the stream `body` answers, made on first use from text or bytes.
    #body; #used = false; #stream = null;
    constructor(body) { this.#body = body; if (isStreamBody(body)) this.#stream = body; }
    static {
      // Text or bytes are taken as they are; a stream is read to its end (a promise of its text or bytes).
      consume = (self, asText) => {
        if (self.bodyUsed) throw new TypeError('Body is unusable: Body has already been read');
        if (self.#stream === null) { if (self.#body !== null) self.#used = true; return self.#body; }
        if (self.#stream.locked) throw new TypeError('Body is unusable: Body is locked');
        self.#used = true;
        return asText ? streams().readAllText(self.#stream) : streams().readAllBytes(self.#stream);
      };
      streamOf = (self) => self.#stream;
      bodyTextOf = (self) => bodyText(self.#body) ?? '';
      fetchBodyOf = (self) => (self.#stream === null ? self.#body : consume(self, false));
    }
    get body() {
      if (this.#stream === null && this.#body !== null) {
        this.#stream = streams().bodyStream(this.#body);
        // Read already (text(), json()…): the stream is as a read one is, disturbed and closed.
        if (this.#used) this.#stream.cancel();
      }
      return this.#stream;
    }
    get bodyUsed() { return this.#used || (this.#stream !== null && streams().isDisturbed(this.#stream)); }
    text() { return new Promise((resolve) => resolve(consume(this, true))).then((body) => (typeof body === 'string' ? body : bodyText(body) ?? '')); }
    json() { return this.text().then((text) => JSON.parse(text)); }
    arrayBuffer() {
      return new Promise((resolve) => resolve(consume(this, false)))
        .then((body) => (body === null ? new ArrayBuffer(0) : (typeof body === 'string' ? utf8Encode(body) : body.slice()).buffer));
    }
    bytes() { return this.arrayBuffer().then((buffer) => new Uint8Array(buffer)); }
    formData() {
      return new Promise((resolve) => resolve(consume(this, false))).then((body) => files().parseFormData(body, this.headers.get('content-type')));
    }
    blob() {
      return this.arrayBuffer().then((buffer) => files().makeBlobClasses().makeBlob(new Uint8Array(buffer), this.headers.get('content-type') ?? ''));
    }
    // The body a copy takes: text and bytes are shared (never changed), a stream is teed (this body keeps one branch).
    static {
      peek = (self) => {
        if (self.#stream === null) return self.#body;
        if (self.bodyUsed || self.#stream.locked) throw new TypeError('Body is unusable: Body has already been read');
        const [mine, theirs] = self.#stream.tee();
        self.#stream = mine;
        if (isStreamBody(self.#body)) self.#body = mine;
        return theirs;
      };
    }
  }

  class Request extends Body {
    #url; #method; #headers; #redirect; #givenSignal; #signal = null;
    constructor(input, init = {}) {
      const { URL } = makeUrlClasses();
      const from = input instanceof Request ? input : null;
      const url = from ? from.url : String(input instanceof URL ? input.href : input);
      let parsed;
      try { parsed = new URL(url).href; } catch (e) { throw new TypeError(`Failed to parse URL from ${url}`); }
      const method = String(init.method ?? (from ? from.method : 'GET')).toUpperCase();
      const headers = new Headers(init.headers ?? (from ? from.headers : undefined));
      const extracted = init.body !== undefined ? extractBody(init.body) : { body: from ? peek(from) : null, type: null };
      if (extracted.body !== null && (method === 'GET' || method === 'HEAD')) throw new TypeError('Request with GET/HEAD method cannot have body.');
      if (init.body !== undefined && isStreamBody(extracted.body) && init.duplex !== 'half') throw new TypeError("Failed to construct 'Request': The duplex member must be specified for a request with a streaming body");
      if (extracted.type && !headers.has('content-type')) headers.set('content-type', extracted.type);
      super(extracted.body);
      this.#url = parsed;
      this.#method = method;
      this.#headers = headers;
      this.#redirect = String(init.redirect ?? (from ? from.redirect : 'follow'));
      this.#givenSignal = requestSignal(init, from);
    }
    static { signalOf = (request) => request.#givenSignal; }
    get url() { return this.#url; }
    get method() { return this.#method; }
    get headers() { return this.#headers; }
    get redirect() { return this.#redirect; }
    // A request's own signal follows the one it was given; made on first read, so a request that is never asked
    // for it costs nothing of AbortSignal.
    get signal() {
      if (this.#signal === null) {
        const { AbortSignal } = events().makeAbortClasses();
        this.#signal = this.#givenSignal ? AbortSignal.any([this.#givenSignal]) : AbortSignal.any([]);
      }
      return this.#signal;
    }
    clone() { return new Request(this); }
    get [Symbol.toStringTag]() { return 'Request'; }
  }

  let setFetched;
  class Response extends Body {
    #status; #statusText; #headers; #url = ''; #redirected = false; #type = 'default';
    static { setFetched = (response, url, redirected) => { response.#url = url; response.#redirected = redirected; response.#type = 'basic'; }; }
    constructor(body = null, init = {}) {
      const status = init.status === undefined ? 200 : Number(init.status);
      if (!Number.isInteger(status) || status < 200 || status > 599) throw new RangeError(`Failed to construct 'Response': The status provided (${init.status}) is outside the range [200, 599].`);
      const headers = new Headers(init.headers);
      const extracted = extractBody(body);
      if (extracted.type && !headers.has('content-type')) headers.set('content-type', extracted.type);
      super(extracted.body);
      this.#status = status;
      this.#statusText = init.statusText === undefined ? '' : String(init.statusText);
      this.#headers = headers;
    }
    static json(data, init = {}) {
      const headers = new Headers(init.headers);
      if (!headers.has('content-type')) headers.set('content-type', 'application/json');
      return new Response(JSON.stringify(data), { ...init, headers });
    }
    static redirect(url, status = 302) {
      if (![301, 302, 303, 307, 308].includes(status)) throw new RangeError(`Failed to execute 'redirect' on 'Response': Invalid status code ${status}`);
      const { URL } = makeUrlClasses();
      return new Response(null, { status, headers: { location: new URL(String(url)).href } });
    }
    static error() { const r = new Response(null, { status: 200 }); r.#status = 0; r.#type = 'error'; return r; }
    static {
      fromHost = (answer) => {
      // Only a null-body status (101, 204, 205, 304) has no body: any other empty response has an empty body stream.
      const response = new Response(answer.body === '' && [101, 204, 205, 304].includes(answer.status) ? null : answer.body, { status: 200, headers: answer.headers });
      response.#status = answer.status;
      response.#statusText = answer.statusText;
      setFetched(response, answer.url, answer.redirected);
      return response;
      };
    }
    get status() { return this.#status; }
    get statusText() { return this.#statusText; }
    get ok() { return this.#status >= 200 && this.#status <= 299; }
    get headers() { return this.#headers; }
    get url() { return this.#url; }
    get redirected() { return this.#redirected; }
    get type() { return this.#type; }
    clone() {
      const copy = new Response(peek(this), { status: 200, statusText: this.#statusText, headers: this.#headers });
      copy.#status = this.#status; copy.#url = this.#url; copy.#redirected = this.#redirected; copy.#type = this.#type;
      return copy;
    }
    get [Symbol.toStringTag]() { return 'Response'; }
  }

  class FetchError extends Error {
    constructor(message, code) {
      super(message);
      Object.defineProperty(this, 'name', { value: 'FetchError', writable: true, configurable: true });
      this.code = code;
    }
  }

  return { Headers, Request, Response, FetchError, fromHost, signalOf, peek, streamOf, bodyTextOf, fetchBodyOf, headersRecord };
});

function fetchRequest(input, init) {
  const { Request } = makeHttpClasses();
  const { URL } = makeUrlClasses();
  let url, method = 'GET', headers = {}, body = null;
  const take = (source) => {
    if (source.method !== undefined && source.method !== null) method = String(source.method).toUpperCase();
    if (source.headers !== undefined && source.headers !== null) {
      headers = {};
      for (const [n, v] of new (makeHttpClasses().Headers)(source.headers)) headers[n] = v;
    }
    if (source.body !== undefined && source.body !== null) {
      const b = source.body;
      if (typeof b === 'object' && !(b instanceof ArrayBuffer) && !ArrayBuffer.isView(b) && !(b instanceof makeUrlClasses().URLSearchParams) && !isStreamBody(b) && !(files.ready() && files().isBodyInit(b))) {
        body = JSON.stringify(b);
        if (!Object.keys(headers).includes('content-type')) headers['content-type'] = 'application/json';
      } else {
        const extracted = extractBody(b);
        body = isStreamBody(extracted.body) ? streams().readAllBytes(extracted.body) : extracted.body;
        if (extracted.type && !Object.keys(headers).includes('content-type')) headers['content-type'] = extracted.type;
      }
    }
  };
  if (input instanceof Request) {
    url = input.url; method = input.method;
    for (const [n, v] of input.headers) headers[n] = v;
    body = makeHttpClasses().fetchBodyOf(input);
  } else if (input instanceof URL) url = input.href;
  else if (input !== null && typeof input === 'object') {
    if (input.url === undefined || input.url === null) throw new TypeError('fetch: options.url is required');
    url = String(input.url);
    take(input);
  } else if (input === undefined || input === null) throw new TypeError('fetch: a URL or an options object is required');
  else url = String(input);
  if (init !== null && typeof init === 'object') take(init);
  if (body !== null && typeof body === 'object' && typeof body.then === 'function') return { url, method, headers, body: null, pending: body };
  return hostBody({ url, method, headers, body: null }, body);
}

// The host takes a body as text; bytes that are not UTF-8 (a binary file in a form, a blob) go as base64 and are
// sent byte for byte.
function hostBody(request, body) {
  if (body === null || body === undefined || typeof body === 'string') { request.body = body ?? null; return request; }
  try {
    request.body = utf8Decode(body, true);
  } catch (e) {
    const chunks = [];
    for (let i = 0; i < body.length; i += 12288) chunks.push(btoa(String.fromCharCode.apply(null, body.subarray(i, i + 12288))));
    request.bodyBase64 = chunks.join('');
  }
  return request;
}

// The signal a request init (or the request it copies) gives; null without one. Anything else is a TypeError.
function requestSignal(init, from) {
  const given = init !== null && typeof init === 'object' ? init.signal : undefined;
  if (given === undefined || given === null) return from ? makeHttpClasses().signalOf(from) : null;
  if (!events.ready() || !events().makeAbortClasses().isSignal(given)) throw new TypeError("Failed to read the 'signal' property from 'RequestInit': Failed to convert value to 'AbortSignal'.");
  return given;
}

// The host's fetch blocks the script until the answer is in, so an abort can only come from a signal already
// aborted (rejected before the host is called) or from a timeout: the time left until the earliest
// AbortSignal.timeout the signal follows goes to the host as the request's own timeout, and a request the host gives
// up at that time rejects with the signal's reason (a TimeoutError). An abort after the call, before the promise
// settles, still rejects it.
function fetch(input, init) {
  return new Promise((resolve, reject) => {
    const { fromHost, FetchError, Request } = makeHttpClasses();
    // The signal comes from init, or from a seed-style options object given as the input.
    const plainOptions = input !== null && typeof input === 'object' && !(input instanceof Request) && !(input instanceof makeUrlClasses().URL);
    const signal = requestSignal(init !== null && typeof init === 'object' && init.signal != null ? init : plainOptions ? input : init, input instanceof Request ? input : null);
    if (signal && signal.aborted) { reject(signal.reason); return; }
    const request = fetchRequest(input, init);
    const send = () => {
      if (signal && signal.aborted) { reject(signal.reason); return; }
      const due = signal ? events().makeAbortClasses().timeoutDue(signal) : null;
      if (due !== null) {
        request.timeoutMs = Math.max(0, Math.ceil(due - host.now()));
        if (request.timeoutMs === 0) { events().makeAbortClasses().expire(signal); reject(signal.reason); return; }
      }
      const answer = jsonParse(host.fetch(jsonStringify(request)));
      if (!answer.ok && answer.code === 'Aborted' && signal) { events().makeAbortClasses().expire(signal); reject(signal.reason); return; }
      if (!answer.ok) { reject(new FetchError(answer.error, answer.code)); return; }
      if (!signal) { resolve(fromHost(answer)); return; }
      const stop = events().makeAbortClasses().addAlgorithm(signal, () => reject(signal.reason));
      then(promiseResolve(), () => { stop(); resolve(fromHost(answer)); });
    };
    // A stream body is read to its end first: the host sends whole bodies.
    const pending = request.pending;
    if (pending === undefined) { send(); return; }
    delete request.pending;
    then(pending, (bytes) => { hostBody(request, bytes); try { send(); } catch (e) { reject(e); } }, reject);
  });
}
