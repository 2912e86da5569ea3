// URL and URLSearchParams after the WHATWG URL Standard: special schemes with default ports, relative resolution,
// dot segments, percent-encode sets, IPv4 forms, and a URL and its searchParams kept linked both ways.
const specialPorts = { 'http': '80', 'https': '443', 'ws': '80', 'wss': '443', 'ftp': '21', 'file': '' };
const isSpecial = (scheme) => Object.prototype.hasOwnProperty.call(specialPorts, scheme);
const c0Set = (c) => c < 0x20 || c > 0x7e;
const fragmentSet = (c) => c0Set(c) || c === 0x20 || c === 0x22 || c === 0x3c || c === 0x3e || c === 0x60;
const querySet = (c) => c0Set(c) || c === 0x20 || c === 0x22 || c === 0x23 || c === 0x3c || c === 0x3e;
const specialQuerySet = (c) => querySet(c) || c === 0x27;
const pathSet = (c) => querySet(c) || c === 0x3f || c === 0x60 || c === 0x7b || c === 0x7d;
const userinfoSet = (c) => pathSet(c) || c === 0x2f || c === 0x3a || c === 0x3b || c === 0x3d || c === 0x40 || (c >= 0x5b && c <= 0x5e) || c === 0x7c;
const formSet = (c) => !((c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || c === 0x2a || c === 0x2d || c === 0x2e || c === 0x5f);

function percentEncode(text, inSet, spaceAsPlus) {
  let out = '';
  for (const ch of text) {
    const code = ch.codePointAt(0);
    if (spaceAsPlus && code === 0x20) { out += '+'; continue; }
    if (code < 0x80 && !inSet(code)) { out += ch; continue; }
    for (const b of utf8Encode(ch)) out += '%' + b.toString(16).toUpperCase().padStart(2, '0');
  }
  return out;
}

function percentDecodeBytes(text) {
  const bytes = [];
  const raw = utf8Encode(text);
  for (let i = 0; i < raw.length; i++) {
    const hex = i + 2 < raw.length ? String.fromCharCode(raw[i + 1], raw[i + 2]) : '';
    if (raw[i] === 0x25 && /^[0-9A-Fa-f]{2}$/.test(hex)) { bytes.push(parseInt(hex, 16)); i += 2; }
    else bytes.push(raw[i]);
  }
  return new Uint8Array(bytes);
}

function parseIPv4Part(part) {
  if (part === '') return NaN;
  if (/^0[xX][0-9a-fA-F]*$/.test(part)) return part.length === 2 ? 0 : parseInt(part.slice(2), 16);
  if (/^0[0-7]+$/.test(part)) return parseInt(part.slice(1), 8);
  if (/^\d+$/.test(part)) return parseInt(part, 10);
  return NaN;
}

function parseHost(input, special) {
  if (input.startsWith('[')) {
    if (!input.endsWith(']') || !/^\[[0-9A-Fa-f:.]+\]$/.test(input)) return null;
    return input.toLowerCase();
  }
  if (!special) return /[\u0000\t\n\r #/<>?@[\\\]^|]/.test(input) ? null : percentEncode(input, c0Set);
  const host = utf8Decode(percentDecodeBytes(input), false).toLowerCase();
  if (host === '' || /[\u0000-\u001f\t\n\r #%/:<>?@[\\\]^|\u007f]/.test(host)) return null;
  const parts = host.split('.');
  if (parts[parts.length - 1] === '' && parts.length > 1) parts.pop();
  const last = parts[parts.length - 1];
  if (/^(\d+|0[xX][0-9a-fA-F]*)$/.test(last)) {
    if (parts.length > 4) return null;
    const numbers = parts.map(parseIPv4Part);
    if (numbers.some((n) => Number.isNaN(n))) return null;
    const tail = numbers.pop();
    if (numbers.some((n) => n > 255) || tail >= 256 ** (4 - numbers.length)) return null;
    let address = tail;
    numbers.forEach((n, i) => { address += n * 256 ** (3 - i); });
    return [24, 16, 8, 0].map((shift) => Math.floor(address / 2 ** shift) % 256).join('.');
  }
  return host;
}

function isDotSegment(s, two) {
  const t = s.toLowerCase().replace(/%2e/g, '.');
  return two ? t === '..' : t === '.';
}

function appendPath(path, text, special) {
  const segments = text.split(special ? /[\/\\]/ : /\//);
  segments.forEach((segment, i) => {
    const last = i === segments.length - 1;
    if (isDotSegment(segment, true)) {
      if (path.length > 0) path.pop();
      if (last) path.push('');
    } else if (isDotSegment(segment, false)) {
      if (last) path.push('');
    } else path.push(percentEncode(segment, pathSet));
  });
}

function splitTail(rest, record) {
  const hashAt = rest.indexOf('#');
  if (hashAt >= 0) { record.fragment = percentEncode(rest.slice(hashAt + 1), fragmentSet); rest = rest.slice(0, hashAt); }
  const queryAt = rest.indexOf('?');
  if (queryAt >= 0) { record.query = percentEncode(rest.slice(queryAt + 1), isSpecial(record.scheme) ? specialQuerySet : querySet); rest = rest.slice(0, queryAt); }
  return rest;
}

function parseAuthority(record, rest) {
  const special = isSpecial(record.scheme);
  const end = rest.search(special ? /[\/\\?#]/ : /[\/?#]/);
  const authority = end < 0 ? rest : rest.slice(0, end);
  let remaining = end < 0 ? '' : rest.slice(end);
  const at = authority.lastIndexOf('@');
  let hostPort = authority;
  if (at >= 0) {
    const info = authority.slice(0, at);
    const colon = info.indexOf(':');
    record.username = percentEncode(colon < 0 ? info : info.slice(0, colon), userinfoSet);
    record.password = colon < 0 ? '' : percentEncode(info.slice(colon + 1), userinfoSet);
    hostPort = authority.slice(at + 1);
  }
  const portMatch = /:(\d*)$/.exec(hostPort.startsWith('[') ? hostPort.slice(hostPort.indexOf(']')) : hostPort);
  let hostText = hostPort;
  if (portMatch) {
    hostText = hostPort.slice(0, hostPort.length - portMatch[0].length);
    if (portMatch[1] !== '') {
      const port = parseInt(portMatch[1], 10);
      if (port > 65535) return null;
      record.port = String(port) === specialPorts[record.scheme] ? '' : String(port);
    }
  } else if (/:[^\]]*$/.test(hostPort) && !hostPort.startsWith('[')) return null;
  if (hostText === '' && special && record.scheme !== 'file') return null;
  const host = hostText === '' ? '' : parseHost(hostText, special);
  if (host === null) return null;
  record.host = record.scheme === 'file' && host === 'localhost' ? '' : host;
  remaining = splitTail(remaining, record);
  record.path = [];
  if (remaining !== '') appendPath(record.path, remaining.slice(1), special);
  else if (special) record.path = [''];
  return record;
}

function emptyRecord(scheme) {
  return { scheme, username: '', password: '', host: null, port: '', path: [], query: null, fragment: null };
}

function parseURL(input, base) {
  input = String(input).replace(/^[\u0000-\u0020]+|[\u0000-\u0020]+$/g, '').replace(/[\t\n\r]/g, '');
  const m = /^([A-Za-z][A-Za-z0-9+\-.]*):([\s\S]*)$/.exec(input);
  if (m) {
    const scheme = m[1].toLowerCase();
    const rest = m[2];
    const special = isSpecial(scheme);
    if (special && base && base.scheme === scheme && !/^[\/\\]/.test(rest)) return resolve(rest, base);
    const record = emptyRecord(scheme);
    if (special) return parseAuthority(record, rest.replace(/^[\/\\]*/, ''));
    if (rest.startsWith('//')) return parseAuthority(record, rest.slice(2));
    const path = splitTail(rest, record);
    if (path.startsWith('/')) { appendPath(record.path, path.slice(1), false); return record; }
    record.path = percentEncode(path, c0Set);
    return record;
  }
  if (!base) return null;
  return resolve(input, base);
}

function resolve(input, base) {
  const special = isSpecial(base.scheme);
  if (typeof base.path === 'string') {
    if (!input.startsWith('#')) return null;
    const record = { ...base, fragment: null };
    splitTail(input, record);
    return record;
  }
  const record = { ...base, path: base.path.slice(), fragment: null };
  const slash = special ? /^[\/\\]/ : /^\//;
  if (special ? /^[\/\\]{2}/.test(input) : input.startsWith('//')) {
    const fresh = emptyRecord(base.scheme);
    return parseAuthority(fresh, input.replace(special ? /^[\/\\]{2}/ : /^\/\//, ''));
  }
  if (input === '') { return record; }
  if (slash.test(input)) {
    record.query = null;
    record.path = [];
    const path = splitTail(input.slice(1), record);
    appendPath(record.path, path, special);
    return record;
  }
  if (input.startsWith('?')) { record.query = null; splitTail(input, record); return record; }
  if (input.startsWith('#')) { splitTail(input, record); return record; }
  record.query = null;
  const path = splitTail(input, record);
  record.path.pop();
  appendPath(record.path, path, special);
  return record;
}

function serializePath(record) {
  if (typeof record.path === 'string') return record.path;
  return record.path.length === 0 ? '' : '/' + record.path.join('/');
}

function serializeURL(record, excludeFragment) {
  let out = record.scheme + ':';
  if (record.host !== null) {
    out += '//';
    if (record.username !== '' || record.password !== '') out += record.username + (record.password !== '' ? ':' + record.password : '') + '@';
    out += record.host + (record.port !== '' ? ':' + record.port : '');
  } else if (typeof record.path !== 'string' && record.path.length > 1 && record.path[0] === '') out += '/.';
  out += serializePath(record);
  if (record.query !== null) out += '?' + record.query;
  if (!excludeFragment && record.fragment !== null) out += '#' + record.fragment;
  return out;
}

function parseForm(text) {
  const list = [];
  for (const piece of text.split('&')) {
    if (piece === '') continue;
    const eq = piece.indexOf('=');
    const name = eq < 0 ? piece : piece.slice(0, eq);
    const value = eq < 0 ? '' : piece.slice(eq + 1);
    const decode = (s) => utf8Decode(percentDecodeBytes(s.replace(/\+/g, ' ')), false);
    list.push([decode(name), decode(value)]);
  }
  return list;
}

const serializeForm = (list) => list.map(([n, v]) => percentEncode(n, formSet, true) + '=' + percentEncode(v, formSet, true)).join('&');
const toUSVString = (v) => String(v).replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd');

const makeUrlClasses = once(() => {
  let setList, getRecord, setRecordQuery;

  class URLSearchParams {
    #list = [];
    #url = null;
    static { setList = (params, list, url) => { params.#list = list; if (url !== undefined) params.#url = url; }; }
    constructor(init = '') {
      if (init instanceof URLSearchParams) this.#list = init.#list.map(([n, v]) => [n, v]);
      else if (init !== null && typeof init === 'object' && typeof init[Symbol.iterator] === 'function') {
        for (const pair of init) {
          const items = Array.from(pair);
          if (items.length !== 2) throw new TypeError("Failed to construct 'URLSearchParams': Sequence initializer must only contain pair elements");
          this.#list.push([toUSVString(items[0]), toUSVString(items[1])]);
        }
      } else if (init !== null && typeof init === 'object') {
        for (const key of Object.keys(init)) this.#list.push([toUSVString(key), toUSVString(init[key])]);
      } else {
        const text = toUSVString(init);
        this.#list = parseForm(text.startsWith('?') ? text.slice(1) : text);
      }
    }
    #update() { if (this.#url) setRecordQuery(this.#url, this.#list.length ? serializeForm(this.#list) : null); }
    get size() { return this.#list.length; }
    append(name, value) { this.#list.push([toUSVString(name), toUSVString(value)]); this.#update(); }
    delete(name, value) {
      name = toUSVString(name);
      this.#list = this.#list.filter(([n, v]) => !(n === name && (value === undefined || v === toUSVString(value))));
      this.#update();
    }
    get(name) { name = toUSVString(name); const hit = this.#list.find(([n]) => n === name); return hit ? hit[1] : null; }
    getAll(name) { name = toUSVString(name); return this.#list.filter(([n]) => n === name).map(([, v]) => v); }
    has(name, value) { name = toUSVString(name); return this.#list.some(([n, v]) => n === name && (value === undefined || v === toUSVString(value))); }
    set(name, value) {
      name = toUSVString(name); value = toUSVString(value);
      const at = this.#list.findIndex(([n]) => n === name);
      if (at < 0) this.#list.push([name, value]);
      else { this.#list[at][1] = value; this.#list = this.#list.filter(([n], i) => n !== name || i === at); }
      this.#update();
    }
    sort() {
      this.#list = this.#list.map((pair, i) => [pair, i]).sort((a, b) => (a[0][0] < b[0][0] ? -1 : a[0][0] > b[0][0] ? 1 : a[1] - b[1])).map(([pair]) => pair);
      this.#update();
    }
    forEach(callback, thisArg) { for (const [n, v] of this.#list.slice()) callback.call(thisArg, v, n, this); }
    *keys() { for (const [n] of this.#list) yield n; }
    *values() { for (const [, v] of this.#list) yield v; }
    *entries() { for (const [n, v] of this.#list) yield [n, v]; }
    [Symbol.iterator]() { return this.entries(); }
    toString() { return serializeForm(this.#list); }
    get [Symbol.toStringTag]() { return 'URLSearchParams'; }
  }

  class URL {
    #record;
    #params = null;
    static {
      getRecord = (url) => url.#record;
      setRecordQuery = (url, query) => { url.#record.query = query; };
    }
    constructor(url, base) {
      let baseRecord;
      if (base !== undefined) {
        baseRecord = parseURL(base instanceof URL ? base.href : toUSVString(base), null);
        if (!baseRecord) throw new TypeError(`Invalid base URL: ${base}`);
      }
      const record = parseURL(url instanceof URL ? url.href : toUSVString(url), baseRecord);
      if (!record) throw new TypeError(`Invalid URL: ${url}`);
      this.#record = record;
    }
    static canParse(url, base) { try { new URL(url, base); return true; } catch (e) { return false; } }
    static parse(url, base) { try { return new URL(url, base); } catch (e) { return null; } }
    #refreshParams() { if (this.#params) setList(this.#params, this.#record.query ? parseForm(this.#record.query) : []); }
    get href() { return serializeURL(this.#record); }
    set href(value) {
      const record = parseURL(toUSVString(value), null);
      if (!record) throw new TypeError(`Invalid URL: ${value}`);
      this.#record = record;
      this.#refreshParams();
    }
    get origin() {
      const r = this.#record;
      if (r.scheme === 'blob') { try { return new URL(serializePath(r)).origin; } catch (e) { return 'null'; } }
      return isSpecial(r.scheme) && r.scheme !== 'file' ? `${r.scheme}://${r.host}${r.port !== '' ? ':' + r.port : ''}` : 'null';
    }
    get protocol() { return this.#record.scheme + ':'; }
    set protocol(value) {
      const m = /^([A-Za-z][A-Za-z0-9+\-.]*)/.exec(toUSVString(value));
      if (!m) return;
      const scheme = m[1].toLowerCase();
      if (isSpecial(scheme) !== isSpecial(this.#record.scheme)) return;
      this.#record.scheme = scheme;
      if (this.#record.port === specialPorts[scheme]) this.#record.port = '';
    }
    get username() { return this.#record.username; }
    set username(value) { if (this.#record.host) this.#record.username = percentEncode(toUSVString(value), userinfoSet); }
    get password() { return this.#record.password; }
    set password(value) { if (this.#record.host) this.#record.password = percentEncode(toUSVString(value), userinfoSet); }
    get host() { const r = this.#record; return r.host === null ? '' : r.host + (r.port !== '' ? ':' + r.port : ''); }
    set host(value) {
      const probe = parseURL(`${this.#record.scheme}://${toUSVString(value)}/`, null);
      if (probe && probe.host) { this.#record.host = probe.host; if (/:\d*$/.test(String(value))) this.#record.port = probe.port; }
    }
    get hostname() { return this.#record.host === null ? '' : this.#record.host; }
    set hostname(value) {
      const probe = parseURL(`${this.#record.scheme}://${toUSVString(value).replace(/:.*$/, '')}/`, null);
      if (probe && probe.host) this.#record.host = probe.host;
    }
    get port() { return this.#record.port; }
    set port(value) {
      const text = toUSVString(value);
      if (text === '') { this.#record.port = ''; return; }
      const m = /^\d+/.exec(text);
      if (!m || parseInt(m[0], 10) > 65535) return;
      const port = String(parseInt(m[0], 10));
      this.#record.port = port === specialPorts[this.#record.scheme] ? '' : port;
    }
    get pathname() { return serializePath(this.#record); }
    set pathname(value) {
      if (typeof this.#record.path === 'string') return;
      const path = [];
      appendPath(path, toUSVString(value).replace(isSpecial(this.#record.scheme) ? /^[\/\\]/ : /^\//, ''), isSpecial(this.#record.scheme));
      this.#record.path = path;
    }
    get search() { const q = this.#record.query; return q === null || q === '' ? '' : '?' + q; }
    set search(value) {
      const text = toUSVString(value);
      this.#record.query = text === '' ? null : percentEncode(text.startsWith('?') ? text.slice(1) : text, isSpecial(this.#record.scheme) ? specialQuerySet : querySet);
      this.#refreshParams();
    }
    get searchParams() {
      if (!this.#params) {
        this.#params = new URLSearchParams();
        setList(this.#params, this.#record.query ? parseForm(this.#record.query) : [], this);
      }
      return this.#params;
    }
    get hash() { const f = this.#record.fragment; return f === null || f === '' ? '' : '#' + f; }
    set hash(value) {
      const text = toUSVString(value);
      this.#record.fragment = text === '' ? null : percentEncode(text.startsWith('#') ? text.slice(1) : text, fragmentSet);
    }
    toString() { return this.href; }
    toJSON() { return this.href; }
    get [Symbol.toStringTag]() { return 'URL'; }
  }
  void getRecord;
  return { URL, URLSearchParams };
});
