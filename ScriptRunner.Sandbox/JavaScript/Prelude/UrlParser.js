// The URL Standard's basic URL parser (its state machine, with the state overrides the URL setters use), the host
// parser (domains through UTS #46, IPv4 in all its forms, IPv6, opaque hosts) and the serializers. Built on first use
// of URL: a URL record is { scheme, username, password, host, port, path, query, fragment }, where host is null or its
// serialization, port null or a number, and path an array of segments or, for an opaque path, a string.
const makeUrlParser = once(() => {
  const specialPorts = { __proto__: null, ftp: 21, file: null, http: 80, https: 443, ws: 80, wss: 443 };
  const isSpecialScheme = (scheme) => scheme in specialPorts;
  const defaultPort = (scheme) => (scheme in specialPorts ? specialPorts[scheme] : null);

  // Percent-encode sets, as predicates on a code point below U+0080 (every other code point is always encoded).
  const inC0 = (c) => c < 0x20 || c === 0x7f;
  const inFragment = (c) => inC0(c) || c === 0x20 || c === 0x22 || c === 0x3c || c === 0x3e || c === 0x60;
  const inQuery = (c) => inC0(c) || c === 0x20 || c === 0x22 || c === 0x23 || c === 0x3c || c === 0x3e;
  const inSpecialQuery = (c) => inQuery(c) || c === 0x27;
  const inPath = (c) => inQuery(c) || c === 0x3f || c === 0x5e || c === 0x60 || c === 0x7b || c === 0x7d;
  const inUserinfo = (c) => inPath(c) || c === 0x2f || c === 0x3a || c === 0x3b || c === 0x3d || c === 0x40 || (c >= 0x5b && c <= 0x5d) || c === 0x7c;
  const inComponent = (c) => inUserinfo(c) || (c >= 0x24 && c <= 0x26) || c === 0x2b || c === 0x2c;
  const inUrlencoded = (c) => inComponent(c) || c === 0x21 || (c >= 0x27 && c <= 0x29) || c === 0x7e;
  const hexDigits = '0123456789ABCDEF';
  const byteText = (b) => '%' + hexDigits[b >> 4] + hexDigits[b & 15];

  // UTF-8 percent-encodes one code point given as a string (a lone surrogate encodes as U+FFFD).
  function encodeCodePoint(ch, inSet) {
    let c = ch.codePointAt(0);
    if (c < 0x80) return inSet(c) ? byteText(c) : ch;
    if (c >= 0xd800 && c <= 0xdfff) c = 0xfffd;
    if (c < 0x800) return byteText(0xc0 | (c >> 6)) + byteText(0x80 | (c & 63));
    if (c < 0x10000) return byteText(0xe0 | (c >> 12)) + byteText(0x80 | ((c >> 6) & 63)) + byteText(0x80 | (c & 63));
    return byteText(0xf0 | (c >> 18)) + byteText(0x80 | ((c >> 12) & 63)) + byteText(0x80 | ((c >> 6) & 63)) + byteText(0x80 | (c & 63));
  }

  function percentEncode(text, inSet, spaceAsPlus) {
    let out = '';
    for (const ch of text) out += spaceAsPlus && ch === ' ' ? '+' : encodeCodePoint(ch, inSet);
    return out;
  }

  const isHex = (c) => (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x46) || (c >= 0x61 && c <= 0x66);

  // Percent-decodes the UTF-8 bytes of text.
  function percentDecode(text) {
    const raw = utf8Encode(text);
    const bytes = new Uint8Array(raw.length);
    let n = 0;
    for (let i = 0; i < raw.length; i++) {
      if (raw[i] === 0x25 && i + 2 < raw.length && isHex(raw[i + 1]) && isHex(raw[i + 2])) {
        bytes[n++] = parseInt(String.fromCharCode(raw[i + 1], raw[i + 2]), 16);
        i += 2;
      } else bytes[n++] = raw[i];
    }
    return bytes.subarray(0, n);
  }

  // Hosts.
  const forbiddenHost = /[\u0000\t\n\r #/:<>?@[\\\]^|]/;
  const forbiddenDomain = /[\u0000-\u001f #%/:<>?@[\\\]^|\u007f]/;

  function parseIPv4Number(text) {
    if (text === '') return NaN;
    let radix = 10;
    if (text.length >= 2 && (text[1] === 'x' || text[1] === 'X') && text[0] === '0') { text = text.slice(2); radix = 16; }
    else if (text.length >= 2 && text[0] === '0') { text = text.slice(1); radix = 8; }
    if (text === '') return 0;
    const valid = radix === 10 ? /^[0-9]+$/ : radix === 16 ? /^[0-9A-Fa-f]+$/ : /^[0-7]+$/;
    return valid.test(text) ? parseInt(text, radix) : NaN;
  }

  function endsInNumber(text) {
    const parts = text.split('.');
    if (parts[parts.length - 1] === '') {
      if (parts.length === 1) return false;
      parts.pop();
    }
    const last = parts[parts.length - 1];
    return /^[0-9]+$/.test(last) || !Number.isNaN(parseIPv4Number(last));
  }

  function parseIPv4(text) {
    const parts = text.split('.');
    if (parts[parts.length - 1] === '' && parts.length > 1) parts.pop();
    if (parts.length > 4) return null;
    const numbers = [];
    for (const part of parts) {
      const n = parseIPv4Number(part);
      if (Number.isNaN(n)) return null;
      numbers.push(n);
    }
    for (let i = 0; i < numbers.length - 1; i++) if (numbers[i] > 255) return null;
    const last = numbers[numbers.length - 1];
    if (last >= 256 ** (5 - numbers.length)) return null;
    let address = last;
    for (let i = 0; i < numbers.length - 1; i++) address += numbers[i] * 256 ** (3 - i);
    return [address >>> 24, (address >>> 16) & 255, (address >>> 8) & 255, address & 255].join('.');
  }

  // Parses the text between the brackets into eight 16-bit pieces, or null.
  function parseIPv6(text) {
    const address = [0, 0, 0, 0, 0, 0, 0, 0];
    let piece = 0, compress = null, i = 0;
    const at = (k) => text.charCodeAt(k);
    const hexValue = (c) => (c <= 0x39 ? c - 0x30 : (c | 0x20) - 0x57);
    if (at(i) === 0x3a) {
      if (at(i + 1) !== 0x3a) return null;
      i += 2; piece++; compress = piece;
    }
    while (i < text.length) {
      if (piece === 8) return null;
      if (at(i) === 0x3a) {
        if (compress !== null) return null;
        i++; piece++; compress = piece;
        continue;
      }
      let value = 0, length = 0;
      while (length < 4 && i < text.length && isHex(at(i))) { value = value * 16 + hexValue(at(i)); i++; length++; }
      if (at(i) === 0x2e) {
        if (length === 0) return null;
        i -= length;
        if (piece > 6) return null;
        let numbersSeen = 0;
        while (i < text.length) {
          let ipv4Piece = null;
          if (numbersSeen > 0) {
            if (at(i) === 0x2e && numbersSeen < 4) i++;
            else return null;
          }
          if (!(at(i) >= 0x30 && at(i) <= 0x39)) return null;
          while (at(i) >= 0x30 && at(i) <= 0x39) {
            const number = at(i) - 0x30;
            if (ipv4Piece === null) ipv4Piece = number;
            else if (ipv4Piece === 0) return null;
            else ipv4Piece = ipv4Piece * 10 + number;
            if (ipv4Piece > 255) return null;
            i++;
          }
          address[piece] = address[piece] * 0x100 + ipv4Piece;
          numbersSeen++;
          if (numbersSeen === 2 || numbersSeen === 4) piece++;
        }
        if (numbersSeen !== 4) return null;
        break;
      } else if (at(i) === 0x3a) {
        i++;
        if (i >= text.length) return null;
      } else if (i < text.length) return null;
      address[piece] = value;
      piece++;
    }
    if (compress !== null) {
      let swaps = piece - compress;
      piece = 7;
      while (piece !== 0 && swaps > 0) {
        const other = compress + swaps - 1;
        const t = address[piece]; address[piece] = address[other]; address[other] = t;
        piece--; swaps--;
      }
    } else if (piece !== 8) return null;
    return address;
  }

  function serializeIPv6(address) {
    // The first longest run of two or more zero pieces is compressed to "::".
    let bestStart = -1, bestLength = 1;
    for (let i = 0; i < 8;) {
      if (address[i] !== 0) { i++; continue; }
      let j = i;
      while (j < 8 && address[j] === 0) j++;
      if (j - i > bestLength) { bestStart = i; bestLength = j - i; }
      i = j;
    }
    let out = '';
    let ignore0 = false;
    for (let i = 0; i < 8; i++) {
      if (ignore0 && address[i] === 0) continue;
      ignore0 = false;
      if (i === bestStart) { out += i === 0 ? '::' : ':'; ignore0 = true; continue; }
      out += address[i].toString(16);
      if (i !== 7) out += ':';
    }
    return '[' + out + ']';
  }

  // UTS #46 ToASCII with the standard's settings, asked of the host (ICU); an ASCII domain is only lower-cased, as
  // the standard says, so everyday hosts never leave the engine.
  function domainToAscii(domain) {
    const result = /^[\u0000-\u007f]*$/.test(domain) ? domain.toLowerCase() : host.domainToAscii(domain);
    if (result === '' || forbiddenDomain.test(result)) return null;
    return result;
  }

  // The host parser: a host's serialization, or null for failure.
  function parseHost(input, isOpaque) {
    if (input[0] === '[') {
      if (input[input.length - 1] !== ']') return null;
      const address = parseIPv6(input.slice(1, -1));
      return address === null ? null : serializeIPv6(address);
    }
    if (isOpaque) return forbiddenHost.test(input) ? null : percentEncode(input, inC0);
    const domain = utf8Decode(percentDecode(input), false);
    const ascii = domainToAscii(domain);
    if (ascii === null) return null;
    return endsInNumber(ascii) ? parseIPv4(ascii) : ascii;
  }

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

  function newRecord() {
    return { scheme: '', username: '', password: '', host: null, port: null, path: [], query: null, fragment: null };
  }

  // The basic URL parser. Without url it parses input into a new record (or null for failure); with url and a
  // state override it changes url in place, as the setters do (its answer is then of no interest).
  function basicParse(input, base, url, stateOverride) {
    if (!url) {
      url = newRecord();
      input = input.replace(/^[\u0000-\u0020]+|[\u0000-\u0020]+$/g, '');
    }
    input = input.replace(/[\t\n\r]/g, '');
    const cps = Array.from(input);
    let state = stateOverride || SCHEME_START;
    let buffer = '';
    let atSignSeen = false, insideBrackets = false, passwordTokenSeen = false;
    let special = isSpecialScheme(url.scheme);
    for (let pointer = 0; pointer <= cps.length; pointer++) {
      const c = cps[pointer]; // undefined is the end of input
      switch (state) {
        case SCHEME_START:
          if (c !== undefined && /[A-Za-z]/.test(c)) { buffer += c.toLowerCase(); state = SCHEME; }
          else if (!stateOverride) { state = NO_SCHEME; pointer--; }
          else return FAILURE;
          break;
        case SCHEME:
          if (c !== undefined && /[A-Za-z0-9+\-.]/.test(c)) buffer += c.toLowerCase();
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
          } else buffer += c;
          break;
        case FRAGMENT:
          if (c !== undefined) url.fragment += encodeCodePoint(c, inFragment);
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
