// The URL Standard's basic URL parser (its state machine, with the state overrides the URL setters use) and the
// serializers, over the percent-encoding and host parsing of UrlHost.js. Built on first use of URL. A URL record is
// { scheme, username, password, host, port, path, query, fragment }, where host is null or its serialization, port
// null or a number, and path an array of segments or, for an opaque path, a string.
const makeUrlParser = once(() => {
  const specialPorts = { __proto__: null, ftp: 21, file: null, http: 80, https: 443, ws: 80, wss: 443 };
  const isSpecialScheme = (scheme) => scheme in specialPorts;
  const defaultPort = (scheme) => (scheme in specialPorts ? specialPorts[scheme] : null);
  const { inC0, inPath, inUserinfo, inFragment, inQuery, inSpecialQuery, inComponent, inUrlencoded, encodeCodePoint,
    percentEncode, percentDecode, parseHost, parseIPv6, serializeIPv6 } = makeUrlHost();

  // Paths.
  const windowsDriveLetter = (text, normalizedOnly) =>
    text.length === 2 && /[A-Za-z]/.test(text[0]) && (text[1] === ':' || (!normalizedOnly && text[1] === '|'));
  // Whether the code points from index i start with a Windows drive letter (followed by the end, /, \, ? or #).
  function startsWithDriveLetter(cps, i) {
    if (cps.length - i < 2 || !windowsDriveLetter(cps[i] + cps[i + 1], false)) return false;
    if (cps.length - i === 2) return true;
    const c = cps[i + 2];
    return c === '/' || c === '\\' || c === '?' || c === '#';
  }
  const isDoubleDot = (s) => s === '..' || (s.length >= 4 && /^(\.|%2e)(\.|%2e)$/i.test(s));
  const isSingleDot = (s) => s === '.' || s === '%2e' || s === '%2E';

  function shortenPath(url) {
    const path = url.path;
    if (url.scheme === 'file' && path.length === 1 && windowsDriveLetter(path[0], true)) return;
    path.pop();
  }

  const hasCredentials = (url) => url.username !== '' || url.password !== '';

  // States of the basic URL parser.
  const SCHEME_START = 1, SCHEME = 2, NO_SCHEME = 3, SPECIAL_RELATIVE_OR_AUTHORITY = 4, PATH_OR_AUTHORITY = 5,
    RELATIVE = 6, RELATIVE_SLASH = 7, SPECIAL_AUTHORITY_SLASHES = 8, SPECIAL_AUTHORITY_IGNORE_SLASHES = 9,
    AUTHORITY = 10, HOST = 11, HOSTNAME = 12, PORT = 13, FILE = 14, FILE_SLASH = 15, FILE_HOST = 16, PATH_START = 17,
    PATH = 18, OPAQUE_PATH = 19, QUERY = 20, FRAGMENT = 21;
  const FAILURE = null;

  const isAlpha = (c) => c !== undefined && ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'));

  function newRecord() {
    return { scheme: '', username: '', password: '', host: null, port: null, path: [], query: null, fragment: null };
  }

  // The basic URL parser. Without url it parses input into a new record (or null for failure); with url and a
  // state override it changes url in place, as the setters do (its answer is then of no interest).
  function basicParse(input, base, url, stateOverride) {
    // Each regular expression costs a call into the engine's matcher (dear on Jint), so input is only rewritten when
    // it has something to strip.
    if (!url) {
      url = newRecord();
      if (input.length > 0 && (input.charCodeAt(0) <= 0x20 || input.charCodeAt(input.length - 1) <= 0x20)) {
        input = input.replace(/^[\u0000-\u0020]+|[\u0000-\u0020]+$/g, '');
      }
    }
    if (input.indexOf('\t') >= 0 || input.indexOf('\n') >= 0 || input.indexOf('\r') >= 0) input = input.replace(/[\t\n\r]/g, '');
    const cps = Array.from(input);
    let state = stateOverride || SCHEME_START;
    let buffer = '';
    let atSignSeen = false, insideBrackets = false, passwordTokenSeen = false;
    let special = isSpecialScheme(url.scheme);
    for (let pointer = 0; pointer <= cps.length; pointer++) {
      const c = cps[pointer]; // undefined is the end of input
      switch (state) {
        case SCHEME_START:
          if (isAlpha(c)) { buffer += c.toLowerCase(); state = SCHEME; }
          else if (!stateOverride) { state = NO_SCHEME; pointer--; }
          else return FAILURE;
          break;
        case SCHEME:
          if (isAlpha(c) || (c >= '0' && c <= '9') || c === '+' || c === '-' || c === '.') buffer += c.toLowerCase();
          else if (c === ':') {
            if (stateOverride) {
              if (isSpecialScheme(url.scheme) !== isSpecialScheme(buffer)) return url;
              if ((hasCredentials(url) || url.port !== null) && buffer === 'file') return url;
              if (url.scheme === 'file' && url.host === '') return url;
            }
            url.scheme = buffer;
            special = isSpecialScheme(buffer);
            if (stateOverride) {
              if (url.port === defaultPort(url.scheme)) url.port = null;
              return url;
            }
            buffer = '';
            if (url.scheme === 'file') state = FILE;
            else if (special && base && base.scheme === url.scheme) state = SPECIAL_RELATIVE_OR_AUTHORITY;
            else if (special) state = SPECIAL_AUTHORITY_SLASHES;
            else if (cps[pointer + 1] === '/') { state = PATH_OR_AUTHORITY; pointer++; }
            else { url.path = ''; state = OPAQUE_PATH; }
          } else if (!stateOverride) { buffer = ''; state = NO_SCHEME; pointer = -1; }
          else return FAILURE;
          break;
        case NO_SCHEME:
          if (!base || (typeof base.path === 'string' && c !== '#')) return FAILURE;
          if (typeof base.path === 'string' && c === '#') {
            url.scheme = base.scheme; url.path = base.path; url.query = base.query; url.fragment = '';
            special = isSpecialScheme(url.scheme);
            state = FRAGMENT;
          } else {
            state = base.scheme !== 'file' ? RELATIVE : FILE;
            pointer--;
          }
          break;
        case SPECIAL_RELATIVE_OR_AUTHORITY:
          if (c === '/' && cps[pointer + 1] === '/') { state = SPECIAL_AUTHORITY_IGNORE_SLASHES; pointer++; }
          else { state = RELATIVE; pointer--; }
          break;
        case PATH_OR_AUTHORITY:
          if (c === '/') state = AUTHORITY;
          else { state = PATH; pointer--; }
          break;
        case RELATIVE:
          url.scheme = base.scheme;
          special = isSpecialScheme(url.scheme);
          if (c === '/' || (special && c === '\\')) state = RELATIVE_SLASH;
          else {
            url.username = base.username; url.password = base.password; url.host = base.host; url.port = base.port;
            url.path = base.path.slice(); url.query = base.query;
            if (c === '?') { url.query = ''; state = QUERY; }
            else if (c === '#') { url.fragment = ''; state = FRAGMENT; }
            else if (c !== undefined) { url.query = null; shortenPath(url); state = PATH; pointer--; }
          }
          break;
        case RELATIVE_SLASH:
          if (special && (c === '/' || c === '\\')) state = SPECIAL_AUTHORITY_IGNORE_SLASHES;
          else if (c === '/') state = AUTHORITY;
          else {
            url.username = base.username; url.password = base.password; url.host = base.host; url.port = base.port;
            state = PATH; pointer--;
          }
          break;
        case SPECIAL_AUTHORITY_SLASHES:
          if (c === '/' && cps[pointer + 1] === '/') { state = SPECIAL_AUTHORITY_IGNORE_SLASHES; pointer++; }
          else { state = SPECIAL_AUTHORITY_IGNORE_SLASHES; pointer--; }
          break;
        case SPECIAL_AUTHORITY_IGNORE_SLASHES:
          if (c !== '/' && c !== '\\') { state = AUTHORITY; pointer--; }
          break;
        case AUTHORITY:
          if (c === '@') {
            if (atSignSeen) buffer = '%40' + buffer;
            atSignSeen = true;
            for (const ch of buffer) {
              if (ch === ':' && !passwordTokenSeen) { passwordTokenSeen = true; continue; }
              if (passwordTokenSeen) url.password += encodeCodePoint(ch, inUserinfo);
              else url.username += encodeCodePoint(ch, inUserinfo);
            }
            buffer = '';
          } else if (c === undefined || c === '/' || c === '?' || c === '#' || (special && c === '\\')) {
            if (atSignSeen && buffer === '') return FAILURE;
            pointer -= Array.from(buffer).length + 1;
            buffer = '';
            state = HOST;
          } else buffer += c;
          break;
        case HOST:
        case HOSTNAME:
          if (stateOverride && url.scheme === 'file') { pointer--; state = FILE_HOST; }
          else if (c === ':' && !insideBrackets) {
            if (buffer === '') return FAILURE;
            if (stateOverride === HOSTNAME) return FAILURE;
            const parsed = parseHost(buffer, !special);
            if (parsed === null) return FAILURE;
            url.host = parsed; buffer = ''; state = PORT;
          } else if (c === undefined || c === '/' || c === '?' || c === '#' || (special && c === '\\')) {
            pointer--;
            if (special && buffer === '') return FAILURE;
            if (stateOverride && buffer === '' && (hasCredentials(url) || url.port !== null)) return FAILURE;
            const parsed = parseHost(buffer, !special);
            if (parsed === null) return FAILURE;
            url.host = parsed; buffer = ''; state = PATH_START;
            if (stateOverride) return url;
          } else {
            if (c === '[') insideBrackets = true;
            if (c === ']') insideBrackets = false;
            buffer += c;
          }
          break;
        case PORT:
          if (c !== undefined && c >= '0' && c <= '9') buffer += c;
          else if (c === undefined || c === '/' || c === '?' || c === '#' || (special && c === '\\') || stateOverride) {
            if (buffer !== '') {
              const port = parseInt(buffer, 10);
              if (port > 65535) return FAILURE;
              url.port = port === defaultPort(url.scheme) ? null : port;
              buffer = '';
              if (stateOverride) return url;
            }
            if (stateOverride) return FAILURE;
            state = PATH_START; pointer--;
          } else return FAILURE;
          break;
        case FILE:
          url.scheme = 'file';
          special = true;
          url.host = '';
          if (c === '/' || c === '\\') state = FILE_SLASH;
          else if (base && base.scheme === 'file') {
            url.host = base.host; url.path = base.path.slice(); url.query = base.query;
            if (c === '?') { url.query = ''; state = QUERY; }
            else if (c === '#') { url.fragment = ''; state = FRAGMENT; }
            else if (c !== undefined) {
              url.query = null;
              if (!startsWithDriveLetter(cps, pointer)) shortenPath(url);
              else url.path = [];
              state = PATH; pointer--;
            }
          } else { state = PATH; pointer--; }
          break;
        case FILE_SLASH:
          if (c === '/' || c === '\\') state = FILE_HOST;
          else {
            if (base && base.scheme === 'file') {
              url.host = base.host;
              if (!startsWithDriveLetter(cps, pointer) && base.path.length > 0 && windowsDriveLetter(base.path[0], true)) url.path.push(base.path[0]);
            }
            state = PATH; pointer--;
          }
          break;
        case FILE_HOST:
          if (c === undefined || c === '/' || c === '\\' || c === '?' || c === '#') {
            pointer--;
            if (!stateOverride && windowsDriveLetter(buffer, false)) state = PATH;
            else if (buffer === '') {
              url.host = '';
              if (stateOverride) return url;
              state = PATH_START;
            } else {
              let parsed = parseHost(buffer, false);
              if (parsed === null) return FAILURE;
              if (parsed === 'localhost') parsed = '';
              url.host = parsed;
              if (stateOverride) return url;
              buffer = ''; state = PATH_START;
            }
          } else buffer += c;
          break;
        case PATH_START:
          if (special) { state = PATH; if (c !== '/' && c !== '\\') pointer--; }
          else if (!stateOverride && c === '?') { url.query = ''; state = QUERY; }
          else if (!stateOverride && c === '#') { url.fragment = ''; state = FRAGMENT; }
          else if (c !== undefined) { state = PATH; if (c !== '/') pointer--; }
          else if (stateOverride && url.host === null) url.path.push('');
          break;
        case PATH:
          if (c === undefined || c === '/' || (special && c === '\\') || (!stateOverride && (c === '?' || c === '#'))) {
            const slash = c === '/' || (special && c === '\\');
            if (isDoubleDot(buffer)) {
              shortenPath(url);
              if (!slash) url.path.push('');
            } else if (isSingleDot(buffer) && !slash) url.path.push('');
            else if (!isSingleDot(buffer)) {
              if (url.scheme === 'file' && url.path.length === 0 && windowsDriveLetter(buffer, false)) buffer = buffer[0] + ':';
              url.path.push(buffer);
            }
            buffer = '';
            if (c === '?') { url.query = ''; state = QUERY; }
            if (c === '#') { url.fragment = ''; state = FRAGMENT; }
          } else buffer += encodeCodePoint(c, inPath);
          break;
        case OPAQUE_PATH:
          if (c === '?') { url.query = ''; state = QUERY; }
          else if (c === '#') { url.fragment = ''; state = FRAGMENT; }
          else if (c === ' ') {
            const next = cps[pointer + 1];
            url.path += next === '?' || next === '#' ? '%20' : ' ';
          } else if (c !== undefined) url.path += encodeCodePoint(c, inC0);
          break;
        case QUERY:
          if ((!stateOverride && c === '#') || c === undefined) {
            url.query += percentEncode(buffer, special ? inSpecialQuery : inQuery);
            buffer = '';
            if (c === '#') { url.fragment = ''; state = FRAGMENT; }
          } else {
            // The query runs to the next "#" (or the end): taken whole, as one step of the state machine per code
            // point would make a long query string slow on an interpreter.
            let end = stateOverride ? -1 : cps.indexOf('#', pointer);
            if (end < 0) end = cps.length;
            buffer += cps.slice(pointer, end).join('');
            pointer = end - 1;
          }
          break;
        case FRAGMENT:
          // The fragment runs to the end of the input.
          if (c !== undefined) { url.fragment += percentEncode(cps.slice(pointer).join(''), inFragment); pointer = cps.length - 1; }
          break;
      }
    }
    return url;
  }

  const serializePath = (url) => (typeof url.path === 'string' ? url.path : url.path.map((s) => '/' + s).join(''));

  function serializeURL(url, excludeFragment) {
    let out = url.scheme + ':';
    if (url.host !== null) {
      out += '//';
      if (hasCredentials(url)) out += url.username + (url.password !== '' ? ':' + url.password : '') + '@';
      out += url.host;
      if (url.port !== null) out += ':' + url.port;
    } else if (typeof url.path !== 'string' && url.path.length > 1 && url.path[0] === '') out += '/.';
    out += serializePath(url);
    if (url.query !== null) out += '?' + url.query;
    if (!excludeFragment && url.fragment !== null) out += '#' + url.fragment;
    return out;
  }

  function serializeOrigin(url) {
    if (url.scheme === 'blob') {
      const inner = basicParse(serializePath(url), null);
      return inner !== null && (inner.scheme === 'http' || inner.scheme === 'https') ? serializeOrigin(inner) : 'null';
    }
    if (!isSpecialScheme(url.scheme) || url.scheme === 'file') return 'null';
    return url.scheme + '://' + url.host + (url.port !== null ? ':' + url.port : '');
  }

  // application/x-www-form-urlencoded.
  function parseUrlencoded(text) {
    const list = [];
    for (const piece of text.split('&')) {
      if (piece === '') continue;
      const eq = piece.indexOf('=');
      const name = eq < 0 ? piece : piece.slice(0, eq);
      const value = eq < 0 ? '' : piece.slice(eq + 1);
      list.push([utf8Decode(percentDecode(name.replace(/\+/g, ' ')), false), utf8Decode(percentDecode(value.replace(/\+/g, ' ')), false)]);
    }
    return list;
  }

  const serializeUrlencoded = (list) =>
    list.map(([n, v]) => percentEncode(n, inUrlencoded, true) + '=' + percentEncode(v, inUrlencoded, true)).join('&');

  return {
    states: { SCHEME_START, AUTHORITY, HOST, HOSTNAME, PORT, PATH_START, OPAQUE_PATH, QUERY, FRAGMENT },
    basicParse, serializeURL, serializePath, serializeOrigin, percentEncode, encodeCodePoint, parseUrlencoded,
    serializeUrlencoded, parseHost, isSpecialScheme, defaultPort, inUserinfo, inC0, inPath, inFragment, inQuery,
    inSpecialQuery, inComponent, parseIPv6, serializeIPv6,
  };
});
