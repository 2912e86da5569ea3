// The URL Standard's percent-encoding and host parser: domains through UTS #46 (asked of the host), IPv4 in all
// its forms, IPv6 and its compressed serialization, opaque hosts. Built with the URL parser, on first use of URL.
const makeUrlHost = once(() => {
  // Percent-encode sets, as tables over the code points below U+0080 (every other code point is always encoded):
  // one array read per character, where predicates would cost Jint several calls.
  const encodeSet = (base, extra) => {
    const table = new Uint8Array(128);
    if (base) table.set(base);
    for (const c of extra) table[c] = 1;
    return table;
  };
  const range = (from, to) => Array.from({ length: to - from + 1 }, (_, i) => from + i);
  const inC0 = encodeSet(null, [...range(0, 0x1f), 0x7f]);
  const inFragment = encodeSet(inC0, [0x20, 0x22, 0x3c, 0x3e, 0x60]);
  const inQuery = encodeSet(inC0, [0x20, 0x22, 0x23, 0x3c, 0x3e]);
  const inSpecialQuery = encodeSet(inQuery, [0x27]);
  const inPath = encodeSet(inQuery, [0x3f, 0x5e, 0x60, 0x7b, 0x7d]);
  const inUserinfo = encodeSet(inPath, [0x2f, 0x3a, 0x3b, 0x3d, 0x40, 0x5b, 0x5c, 0x5d, 0x7c]);
  const inComponent = encodeSet(inUserinfo, [0x24, 0x25, 0x26, 0x2b, 0x2c]);
  const inUrlencoded = encodeSet(inComponent, [0x21, 0x27, 0x28, 0x29, 0x7e]);
  const hexDigits = '0123456789ABCDEF';
  const byteText = (b) => '%' + hexDigits[b >> 4] + hexDigits[b & 15];

  // UTF-8 percent-encodes one code point given as a string (a lone surrogate encodes as U+FFFD).
  function encodeCodePoint(ch, inSet) {
    let c = ch.codePointAt(0);
    if (c < 0x80) return inSet[c] === 1 ? byteText(c) : ch;
    if (c >= 0xd800 && c <= 0xdfff) c = 0xfffd;
    if (c < 0x800) return byteText(0xc0 | (c >> 6)) + byteText(0x80 | (c & 63));
    if (c < 0x10000) return byteText(0xe0 | (c >> 12)) + byteText(0x80 | ((c >> 6) & 63)) + byteText(0x80 | (c & 63));
    return byteText(0xf0 | (c >> 18)) + byteText(0x80 | ((c >> 12) & 63)) + byteText(0x80 | ((c >> 6) & 63)) + byteText(0x80 | (c & 63));
  }

  function percentEncode(text, inSet, spaceAsPlus) {
    let out = '';
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c < 0x80) { out += spaceAsPlus && c === 0x20 ? '+' : inSet[c] === 1 ? byteText(c) : text[i]; continue; }
      const ch = String.fromCodePoint(text.codePointAt(i));
      if (ch.length === 2) i++;
      out += encodeCodePoint(ch, inSet);
    }
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
  const asciiOnly = /^[\u0000-\u007f]*$/;
  const MAX_DOMAIN = 16384;
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
    // Every number form (decimal, 0x hexadecimal, 0 octal) starts with a digit; most host names do not.
    if (!(last.charCodeAt(0) >= 0x30 && last.charCodeAt(0) <= 0x39)) return false;
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
    // The host converts at most MAX_DOMAIN characters (DNS allows 253), so it never buffers an unbounded answer.
    const result = asciiOnly.test(domain) ? domain.toLowerCase() : domain.length > MAX_DOMAIN ? '' : host.domainToAscii(domain);
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
    // Without a "%" percent-decoding changes nothing (the API has already made input a scalar value string).
    const domain = input.indexOf('%') < 0 ? input : utf8Decode(percentDecode(input), false);
    const ascii = domainToAscii(domain);
    if (ascii === null) return null;
    return endsInNumber(ascii) ? parseIPv4(ascii) : ascii;
  }
  return {
    inC0, inPath, inUserinfo, inFragment, inQuery, inSpecialQuery, inComponent, inUrlencoded, encodeCodePoint, percentEncode,
    percentDecode, parseHost, parseIPv6, serializeIPv6,
  };
});
