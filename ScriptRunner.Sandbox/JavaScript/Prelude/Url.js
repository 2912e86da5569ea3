// URL and URLSearchParams after the WHATWG URL Standard, over the parser of UrlParser.js: every attribute getter
// and setter as the standard defines them, and a URL and its searchParams kept linked both ways.
const toUSVString = (v) => String(v).replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd');

const makeUrlClasses = once(() => {
  const p = makeUrlParser();
  const { states } = p;
  let setList, setRecordQuery;

  class URLSearchParams {
    #list = [];
    #url = null;
    static { setList = (params, list, url) => { params.#list = list; if (url !== undefined) params.#url = url; }; }
    constructor(init = '') {
      if (init !== null && (typeof init === 'object' || typeof init === 'function') && init[Symbol.iterator] !== undefined) {
        if (typeof init[Symbol.iterator] !== 'function') throw new TypeError("Failed to construct 'URLSearchParams': The object's @@iterator is not callable");
        for (const pair of init) {
          if (pair === null || (typeof pair !== 'object' && typeof pair !== 'function')) throw new TypeError("Failed to construct 'URLSearchParams': The provided value cannot be converted to a sequence");
          const items = Array.from(pair);
          if (items.length !== 2) throw new TypeError("Failed to construct 'URLSearchParams': Sequence initializer must only contain pair elements");
          this.#list.push([toUSVString(items[0]), toUSVString(items[1])]);
        }
      } else if (init !== null && (typeof init === 'object' || typeof init === 'function')) {
        for (const key of Reflect.ownKeys(init)) {
          const desc = Reflect.getOwnPropertyDescriptor(init, key);
          if (desc === undefined || !desc.enumerable) continue;
          if (typeof key === 'symbol') throw new TypeError("Failed to construct 'URLSearchParams': record keys must be strings");
          this.#list.push([toUSVString(key), toUSVString(init[key])]);
        }
      } else {
        const text = toUSVString(init);
        this.#list = p.parseUrlencoded(text[0] === '?' ? text.slice(1) : text);
      }
    }
    #update() {
      if (!this.#url) return;
      const serialized = p.serializeUrlencoded(this.#list);
      setRecordQuery(this.#url, serialized === '' ? null : serialized);
    }
    get size() { return this.#list.length; }
    append(name, value) { this.#list.push([toUSVString(name), toUSVString(value)]); this.#update(); }
    delete(name, value) {
      name = toUSVString(name);
      if (value === undefined) this.#list = this.#list.filter(([n]) => n !== name);
      else { value = toUSVString(value); this.#list = this.#list.filter(([n, v]) => !(n === name && v === value)); }
      this.#update();
    }
    get(name) { name = toUSVString(name); const hit = this.#list.find(([n]) => n === name); return hit ? hit[1] : null; }
    getAll(name) { name = toUSVString(name); return this.#list.filter(([n]) => n === name).map(([, v]) => v); }
    has(name, value) {
      name = toUSVString(name);
      if (value === undefined) return this.#list.some(([n]) => n === name);
      value = toUSVString(value);
      return this.#list.some(([n, v]) => n === name && v === value);
    }
    set(name, value) {
      name = toUSVString(name); value = toUSVString(value);
      const at = this.#list.findIndex(([n]) => n === name);
      if (at < 0) this.#list.push([name, value]);
      else { this.#list[at][1] = value; this.#list = this.#list.filter(([n], i) => n !== name || i === at); }
      this.#update();
    }
    sort() {
      // A stable sort by code units of the names, as the standard says.
      this.#list = this.#list.map((pair, i) => [pair, i]).sort((a, b) => (a[0][0] < b[0][0] ? -1 : a[0][0] > b[0][0] ? 1 : a[1] - b[1])).map(([pair]) => pair);
      this.#update();
    }
    forEach(callback, thisArg) {
      if (typeof callback !== 'function') throw new TypeError("Failed to execute 'forEach' on 'URLSearchParams': parameter 1 is not of type 'Function'");
      for (let i = 0; i < this.#list.length; i++) { const [n, v] = this.#list[i]; callback.call(thisArg, v, n, this); }
    }
    *keys() { for (let i = 0; i < this.#list.length; i++) yield this.#list[i][0]; }
    *values() { for (let i = 0; i < this.#list.length; i++) yield this.#list[i][1]; }
    *entries() { for (let i = 0; i < this.#list.length; i++) yield [this.#list[i][0], this.#list[i][1]]; }
    [Symbol.iterator]() { return this.entries(); }
    toString() { return p.serializeUrlencoded(this.#list); }
    get [Symbol.toStringTag]() { return 'URLSearchParams'; }
  }

  // The API URL parser: a record, or null when url (or the base) is not a valid URL.
  function apiParse(url, base) {
    let baseRecord = null;
    if (base !== undefined) {
      baseRecord = p.basicParse(toUSVString(base), null);
      if (baseRecord === null) return null;
    }
    return p.basicParse(toUSVString(url), baseRecord);
  }

  const cannotHaveCredentialsOrPort = (r) => r.host === null || r.host === '' || r.scheme === 'file';
  const hasOpaquePath = (r) => typeof r.path === 'string';

  class URL {
    #record;
    #params = null;
    static {
      setRecordQuery = (url, query) => { url.#record.query = query; };
    }
    constructor(url, base) {
      if (arguments.length === 0) throw new TypeError("Failed to construct 'URL': 1 argument required, but only 0 present.");
      const record = apiParse(url, base);
      if (record === null) throw new TypeError(`Invalid URL: ${toUSVString(url)}`);
      this.#record = record;
    }
    static canParse(url, base) {
      if (arguments.length === 0) throw new TypeError("Failed to execute 'canParse' on 'URL': 1 argument required, but only 0 present.");
      return apiParse(url, base) !== null;
    }
    static parse(url, base) {
      if (arguments.length === 0) throw new TypeError("Failed to execute 'parse' on 'URL': 1 argument required, but only 0 present.");
      return apiParse(url, base) === null ? null : new URL(url, base);
    }
    #refreshParams() {
      if (this.#params) setList(this.#params, this.#record.query === null ? [] : p.parseUrlencoded(this.#record.query));
    }
    get href() { return p.serializeURL(this.#record); }
    set href(value) {
      const record = p.basicParse(toUSVString(value), null);
      if (record === null) throw new TypeError(`Invalid URL: ${toUSVString(value)}`);
      this.#record = record;
      this.#refreshParams();
    }
    get origin() { return p.serializeOrigin(this.#record); }
    get protocol() { return this.#record.scheme + ':'; }
    set protocol(value) { p.basicParse(toUSVString(value) + ':', null, this.#record, states.SCHEME_START); }
    get username() { return this.#record.username; }
    set username(value) {
      if (cannotHaveCredentialsOrPort(this.#record)) return;
      this.#record.username = p.percentEncode(toUSVString(value), p.inUserinfo);
    }
    get password() { return this.#record.password; }
    set password(value) {
      if (cannotHaveCredentialsOrPort(this.#record)) return;
      this.#record.password = p.percentEncode(toUSVString(value), p.inUserinfo);
    }
    get host() {
      const r = this.#record;
      if (r.host === null) return '';
      return r.port === null ? r.host : r.host + ':' + r.port;
    }
    set host(value) {
      if (hasOpaquePath(this.#record)) return;
      p.basicParse(toUSVString(value), null, this.#record, states.HOST);
    }
    get hostname() { return this.#record.host === null ? '' : this.#record.host; }
    set hostname(value) {
      if (hasOpaquePath(this.#record)) return;
      p.basicParse(toUSVString(value), null, this.#record, states.HOSTNAME);
    }
    get port() { return this.#record.port === null ? '' : String(this.#record.port); }
    set port(value) {
      if (cannotHaveCredentialsOrPort(this.#record)) return;
      const text = toUSVString(value);
      if (text === '') this.#record.port = null;
      else p.basicParse(text, null, this.#record, states.PORT);
    }
    get pathname() { return p.serializePath(this.#record); }
    set pathname(value) {
      if (hasOpaquePath(this.#record)) return;
      this.#record.path = [];
      p.basicParse(toUSVString(value), null, this.#record, states.PATH_START);
    }
    get search() { const q = this.#record.query; return q === null || q === '' ? '' : '?' + q; }
    set search(value) {
      const text = toUSVString(value);
      if (text === '') {
        this.#record.query = null;
        if (this.#params) setList(this.#params, []);
        return;
      }
      const input = text[0] === '?' ? text.slice(1) : text;
      this.#record.query = '';
      p.basicParse(input, null, this.#record, states.QUERY);
      if (this.#params) setList(this.#params, p.parseUrlencoded(input));
    }
    get searchParams() {
      if (!this.#params) {
        this.#params = new URLSearchParams();
        setList(this.#params, this.#record.query === null ? [] : p.parseUrlencoded(this.#record.query), this);
      }
      return this.#params;
    }
    get hash() { const f = this.#record.fragment; return f === null || f === '' ? '' : '#' + f; }
    set hash(value) {
      const text = toUSVString(value);
      if (text === '') { this.#record.fragment = null; return; }
      this.#record.fragment = '';
      p.basicParse(text[0] === '#' ? text.slice(1) : text, null, this.#record, states.FRAGMENT);
    }
    toString() { return this.href; }
    toJSON() { return this.href; }
    get [Symbol.toStringTag]() { return 'URL'; }
  }

  for (const C of [URL, URLSearchParams]) {
    for (const key of Reflect.ownKeys(C.prototype)) {
      if (key === 'constructor') continue;
      const desc = Reflect.getOwnPropertyDescriptor(C.prototype, key);
      desc.enumerable = key !== Symbol.toStringTag && typeof key === 'string';
      Reflect.defineProperty(C.prototype, key, desc);
    }
  }
  return { URL, URLSearchParams };
});
