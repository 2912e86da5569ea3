// URLPattern after the URL Pattern Standard: URLPatternInit processing, the canonicalizing encoding callbacks (the
// URL parser run with state overrides on a dummy URL), and the class.
const makeURLPattern = once(() => {
  const p = web().makeUrlParser();
  const toUSVString = web().toUSVString;
  const { states } = p;
  const { parse, toRegexp, toPatternString, escapePattern, patternError } = patternSyntax;
  const COMPONENTS = ['protocol', 'username', 'password', 'hostname', 'port', 'pathname', 'search', 'hash'];
  const SPECIAL_SCHEMES = ['ftp', 'file', 'http', 'https', 'ws', 'wss'];
  const DEFAULT_PORTS = { __proto__: null, ftp: '21', http: '80', https: '443', ws: '80', wss: '443' };
  const RegExpConstructor = RegExp;
  const regexpExec = RegExp.prototype.exec;
  const exec = (regexp, text) => reflectApply(regexpExec, regexp, [text]);
  const unicodeSetsFlag = once(() => {
    try { new RegExpConstructor('', 'v'); return 'v'; } catch (e) { return 'u'; } // an engine without the v flag: u
  });

  const defaultOptions = { delimiter: '', prefix: '', ignoreCase: false };
  const hostnameOptions = { delimiter: '.', prefix: '', ignoreCase: false };
  const pathnameOptions = { delimiter: '/', prefix: '/', ignoreCase: false };

  // Encoding callbacks.
  const dummyURL = () => p.basicParse('https://dummy.invalid/', null);
  const invalid = (what, value) => new TypeError(`Invalid URLPattern: '${value}' is not a valid ${what}`);

  function canonicalizeProtocol(value) {
    if (value === '') return value;
    const parsed = p.basicParse(value + '://dummy.invalid/', null);
    if (parsed === null) throw invalid('protocol', value);
    return parsed.scheme;
  }
  const canonicalizeUsername = (value) => (value === '' ? value : p.percentEncode(value, p.inUserinfo));
  const canonicalizePassword = canonicalizeUsername;
  function canonicalizeHostname(value) {
    if (value === '') return value;
    const url = dummyURL();
    if (p.basicParse(value, null, url, states.HOSTNAME) === null) throw invalid('hostname', value);
    return url.host === null ? '' : url.host;
  }
  function canonicalizeIPv6Hostname(value) {
    if (!/^[0-9A-Fa-f[\]:]*$/.test(value)) throw invalid('IPv6 hostname', value);
    return value.toLowerCase();
  }
  function canonicalizePort(value, protocol) {
    if (value === '') return value;
    // A URL record of no scheme unless one is given, so that a pattern's "443" stays "443" (no default port to drop).
    const url = dummyURL();
    url.scheme = protocol === undefined ? '' : protocol;
    if (p.basicParse(value, null, url, states.PORT) === null) throw invalid('port', value);
    return url.port === null ? '' : String(url.port);
  }
  function canonicalizePathname(value) {
    if (value === '') return value;
    const leadingSlash = value[0] === '/';
    const url = dummyURL();
    url.path = [];
    p.basicParse(leadingSlash ? value : '/-' + value, null, url, states.PATH_START);
    const result = p.serializePath(url);
    return leadingSlash ? result : result.slice(2);
  }
  function canonicalizeOpaquePathname(value) {
    if (value === '') return value;
    const url = dummyURL();
    url.path = '';
    if (p.basicParse(value, null, url, states.OPAQUE_PATH) === null) throw invalid('pathname', value);
    return p.serializePath(url);
  }
  function canonicalizeSearch(value) {
    if (value === '') return value;
    const url = dummyURL();
    url.query = '';
    p.basicParse(value, null, url, states.QUERY);
    return url.query;
  }
  function canonicalizeHash(value) {
    if (value === '') return value;
    const url = dummyURL();
    url.fragment = '';
    p.basicParse(value, null, url, states.FRAGMENT);
    return url.fragment;
  }

  // URLPatternInit processing, for a pattern ("pattern") or for an input to match ("url").
  const escapeBase = (text, type) => (type === 'pattern' ? escapePattern(text) : text);
  function isAbsolutePathname(input, type) {
    if (input === '') return false;
    if (input[0] === '/') return true;
    if (type === 'url' || input.length < 2) return false;
    return (input[0] === '\\' || input[0] === '{') && input[1] === '/';
  }

  function processInit(init, type, defaults) {
    const result = Object.assign({}, defaults);
    const has = (key) => init[key] !== undefined;
    const hasAny = (keys) => keys.some(has);
    let baseURL = null;
    if (has('baseURL')) {
      baseURL = p.basicParse(init.baseURL, null);
      if (baseURL === null) throw new TypeError(`Invalid URLPattern: '${init.baseURL}' is not a valid base URL`);
      if (!has('protocol')) result.protocol = escapeBase(baseURL.scheme, type);
      if (type !== 'pattern' && !hasAny(['protocol', 'hostname', 'port', 'username'])) result.username = escapeBase(baseURL.username, type);
      if (type !== 'pattern' && !hasAny(['protocol', 'hostname', 'port', 'username', 'password'])) result.password = escapeBase(baseURL.password, type);
      if (!hasAny(['protocol', 'hostname'])) result.hostname = escapeBase(baseURL.host === null ? '' : baseURL.host, type);
      if (!hasAny(['protocol', 'hostname', 'port'])) result.port = baseURL.port === null ? '' : String(baseURL.port);
      if (!hasAny(['protocol', 'hostname', 'port', 'pathname'])) result.pathname = escapeBase(p.serializePath(baseURL), type);
      if (!hasAny(['protocol', 'hostname', 'port', 'pathname', 'search'])) result.search = escapeBase(baseURL.query === null ? '' : baseURL.query, type);
      if (!hasAny(['protocol', 'hostname', 'port', 'pathname', 'search', 'hash'])) result.hash = escapeBase(baseURL.fragment === null ? '' : baseURL.fragment, type);
    }
    const pattern = type === 'pattern';
    if (has('protocol')) {
      const stripped = init.protocol.endsWith(':') ? init.protocol.slice(0, -1) : init.protocol;
      result.protocol = pattern ? stripped : canonicalizeProtocol(stripped);
    }
    if (has('username')) result.username = pattern ? init.username : canonicalizeUsername(init.username);
    if (has('password')) result.password = pattern ? init.password : canonicalizePassword(init.password);
    if (has('hostname')) result.hostname = pattern ? init.hostname : canonicalizeHostname(init.hostname);
    const protocol = result.protocol !== undefined ? result.protocol : '';
    if (has('port')) result.port = pattern ? init.port : canonicalizePort(init.port, protocol);
    if (has('pathname')) {
      let pathname = init.pathname;
      if (baseURL !== null && typeof baseURL.path !== 'string' && !isAbsolutePathname(pathname, type)) {
        const basePath = escapeBase(p.serializePath(baseURL), type);
        const slash = basePath.lastIndexOf('/');
        if (slash >= 0) pathname = basePath.slice(0, slash + 1) + pathname;
      }
      if (pattern) result.pathname = pathname;
      else result.pathname = protocol === '' || p.isSpecialScheme(protocol) ? canonicalizePathname(pathname) : canonicalizeOpaquePathname(pathname);
    }
    if (has('search')) {
      const stripped = init.search[0] === '?' ? init.search.slice(1) : init.search;
      result.search = pattern ? stripped : canonicalizeSearch(stripped);
    }
    if (has('hash')) {
      const stripped = init.hash[0] === '#' ? init.hash.slice(1) : init.hash;
      result.hash = pattern ? stripped : canonicalizeHash(stripped);
    }
    return result;
  }

  // Compiling components. A component depends only on its pattern string, encoding callback and options, and is
  // never changed once made, so equal ones are shared: most patterns leave six components at "*".
  const compiled = new Map();
  function compileComponent(input, encode, options) {
    const key = `${encode.name}|${options.delimiter}|${options.ignoreCase}|${input}`;
    let component = compiled.get(key);
    if (component === undefined) {
      component = compileComponentAfresh(input, encode, options);
      if (compiled.size < 256) compiled.set(key, component);
    }
    return component;
  }

  function compileComponentAfresh(input, encode, options) {
    const parts = parse(input, options, encode);
    const { source, names } = toRegexp(parts, options);
    const hasRegExpGroups = parts.some((part) => part.type === 'regexp');
    const pattern = toPatternString(parts, options);
    const direct = directMatcher(parts, options);
    if (direct !== null) return { pattern, match: direct, names, hasRegExpGroups };
    // The standard compiles with the v flag. What the parser generates (escaped text, "[^/]+?", ".*") means the
    // same under u, which engines compile much faster (Jint: tens of times), so v is kept for the script's own
    // regular expressions, where it changes the syntax.
    const flag = hasRegExpGroups ? unicodeSetsFlag() : 'u';
    let regexp;
    try {
      regexp = new RegExpConstructor(source, options.ignoreCase ? flag + 'i' : flag);
    } catch (e) {
      throw patternError(`'${input}' does not compile to a valid regular expression`);
    }
    return { pattern, match: (text) => exec(regexp, text), names, hasRegExpGroups };
  }

  // The standard lets an implementation match without a regular expression where the part list allows. Building
  // one is the dearest step on Jint, so the three commonest shapes are matched directly, with the regular
  // expression's answer: "*" (the "^(.*)$" of a component left open), "" and plain text without ignoreCase.
  const hasLineTerminator = (text) => text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0 || text.indexOf('\u2028') >= 0 || text.indexOf('\u2029') >= 0;
  function directMatcher(parts, options) {
    if (parts.length === 0) return (text) => (text === '' ? [text] : null);
    const only = parts[0];
    if (parts.length === 1 && only.type === 'full-wildcard' && only.modifier === 'none' && only.prefix === '' && only.suffix === '') {
      return (text) => (hasLineTerminator(text) ? null : [text, text]);
    }
    if (!options.ignoreCase && parts.every((part) => part.type === 'fixed-text' && part.modifier === 'none')) {
      const value = parts.map((part) => part.value).join('');
      return (text) => (text === value ? [text] : null);
    }
    return null;
  }

  const matchesSpecialScheme = (component) => SPECIAL_SCHEMES.some((scheme) => component.match(scheme) !== null);
  const isIPv6Pattern = (text) => text.length >= 2 && (text[0] === '[' || ((text[0] === '{' || text[0] === '\\') && text[1] === '['));

  // WebIDL conversions: a URLPatternInit dictionary from an object, its members read in lexicographic order.
  const INIT_MEMBERS = ['baseURL', 'hash', 'hostname', 'password', 'pathname', 'port', 'protocol', 'search', 'username'];
  function toInit(value) {
    const init = {};
    if (value === undefined || value === null) return init;
    for (const key of INIT_MEMBERS) {
      const member = value[key];
      if (member !== undefined) init[key] = toUSVString(member);
    }
    return init;
  }
  const isDictionary = (value) => value === undefined || value === null || typeof value === 'object' || typeof value === 'function';

  function create(input, baseURL, options) {
    let init;
    if (!isDictionary(input)) {
      const protocolIsSpecial = (protocol) => matchesSpecialScheme(compileComponent(protocol, canonicalizeProtocol, defaultOptions));
      init = parseConstructorString(toUSVString(input), protocolIsSpecial);
      if (baseURL === null && init.protocol === undefined) throw new TypeError(`Invalid URLPattern: '${toUSVString(input)}' is relative and no base URL was given`);
      if (baseURL !== null) init.baseURL = baseURL;
    } else {
      if (baseURL !== null) throw new TypeError('Invalid URLPattern: a base URL may only be given with a pattern string');
      init = toInit(input);
    }
    const processed = processInit(init, 'pattern', {});
    for (const name of COMPONENTS) if (processed[name] === undefined) processed[name] = '*';
    if (DEFAULT_PORTS[processed.protocol] === processed.port) processed.port = '';
    const ignoreCase = Boolean(options && options.ignoreCase);
    const pattern = {};
    pattern.protocol = compileComponent(processed.protocol, canonicalizeProtocol, defaultOptions);
    pattern.username = compileComponent(processed.username, canonicalizeUsername, defaultOptions);
    pattern.password = compileComponent(processed.password, canonicalizePassword, defaultOptions);
    pattern.hostname = compileComponent(processed.hostname, isIPv6Pattern(processed.hostname) ? canonicalizeIPv6Hostname : canonicalizeHostname, hostnameOptions);
    pattern.port = compileComponent(processed.port, canonicalizePort, defaultOptions);
    const compileOptions = Object.assign({}, defaultOptions, { ignoreCase });
    pattern.pathname = matchesSpecialScheme(pattern.protocol)
      ? compileComponent(processed.pathname, canonicalizePathname, Object.assign({}, pathnameOptions, { ignoreCase }))
      : compileComponent(processed.pathname, canonicalizeOpaquePathname, compileOptions);
    pattern.search = compileComponent(processed.search, canonicalizeSearch, compileOptions);
    pattern.hash = compileComponent(processed.hash, canonicalizeHash, compileOptions);
    return pattern;
  }

  function match(pattern, input, baseURLGiven, baseURLString) {
    const values = {};
    const inputs = [];
    if (isDictionary(input)) {
      if (baseURLGiven) throw new TypeError('Invalid URLPattern input: a base URL may only be given with a URL string');
      const init = toInit(input);
      inputs.push(init);
      const empty = { protocol: '', username: '', password: '', hostname: '', port: '', pathname: '', search: '', hash: '' };
      try { Object.assign(values, processInit(init, 'url', empty)); } catch (e) { return null; }
    } else {
      inputs.push(input);
      let base = null;
      if (baseURLGiven) {
        base = p.basicParse(baseURLString, null);
        if (base === null) return null;
        inputs.push(baseURLString);
      }
      const url = p.basicParse(toUSVString(input), base);
      if (url === null) return null;
      values.protocol = url.scheme;
      values.username = url.username;
      values.password = url.password;
      values.hostname = url.host === null ? '' : url.host;
      values.port = url.port === null ? '' : String(url.port);
      values.pathname = p.serializePath(url);
      values.search = url.query === null ? '' : url.query;
      values.hash = url.fragment === null ? '' : url.fragment;
    }
    const results = {};
    for (const name of COMPONENTS) {
      const found = pattern[name].match(values[name]);
      if (found === null) return null;
      const groups = {};
      pattern[name].names.forEach((group, i) => { groups[group] = found[i + 1]; });
      results[name] = { input: values[name], groups };
    }
    return Object.assign({ inputs }, results);
  }

  class URLPattern {
    #pattern;
    constructor(input = undefined, baseURL = undefined, options = undefined) {
      // The two overloads: (input, baseURL string, options) and (input, options).
      if (isDictionary(baseURL)) { options = baseURL; baseURL = null; }
      else baseURL = toUSVString(baseURL);
      if (input !== undefined && input !== null && !isDictionary(input)) input = toUSVString(input);
      this.#pattern = create(input, baseURL, options);
    }
    test(input = undefined, baseURL = undefined) {
      const given = baseURL !== undefined;
      return match(this.#pattern, isDictionary(input) ? input : toUSVString(input), given, given ? toUSVString(baseURL) : undefined) !== null;
    }
    exec(input = undefined, baseURL = undefined) {
      const given = baseURL !== undefined;
      return match(this.#pattern, isDictionary(input) ? input : toUSVString(input), given, given ? toUSVString(baseURL) : undefined);
    }
    get protocol() { return this.#pattern.protocol.pattern; }
    get username() { return this.#pattern.username.pattern; }
    get password() { return this.#pattern.password.pattern; }
    get hostname() { return this.#pattern.hostname.pattern; }
    get port() { return this.#pattern.port.pattern; }
    get pathname() { return this.#pattern.pathname.pattern; }
    get search() { return this.#pattern.search.pattern; }
    get hash() { return this.#pattern.hash.pattern; }
    get hasRegExpGroups() { return COMPONENTS.some((name) => this.#pattern[name].hasRegExpGroups); }
    get [Symbol.toStringTag]() { return 'URLPattern'; }
  }
  for (const key of Reflect.ownKeys(URLPattern.prototype)) {
    if (key === 'constructor' || typeof key !== 'string') continue;
    const desc = Reflect.getOwnPropertyDescriptor(URLPattern.prototype, key);
    desc.enumerable = true;
    Reflect.defineProperty(URLPattern.prototype, key, desc);
  }
  return URLPattern;
});
