// The multipart/form-data parser behind formData(): `--boundary` delimiters, each part's headers (a form-data
// Content-Disposition with a name, an optional filename and Content-Type), and its bytes up to CRLF `--boundary`.
// A preamble before the first delimiter and an epilogue after the last are ignored, as browsers do; anything else
// that does not follow the format is a TypeError.
function parseMultipart(bytes, boundary) {
  const { makeFile } = makeBlobClasses();
  const fail = (why) => { throw new TypeError(`Could not parse content as FormData: ${why}.`); };
  const delimiter = encodeUtf8('--' + boundary);
  const closing = encodeUtf8('\r\n--' + boundary);
  const entries = [];
  let position = indexOfBytes(bytes, delimiter, 0);
  if (position < 0 || (position > 0 && !(bytes[position - 2] === 13 && bytes[position - 1] === 10))) fail('the body does not start with the boundary');
  position += delimiter.length;
  for (;;) {
    if (bytes[position] === 45 && bytes[position + 1] === 45) return entries;
    while (bytes[position] === 32 || bytes[position] === 9) position++;
    if (!(bytes[position] === 13 && bytes[position + 1] === 10)) fail('a boundary is not followed by a line break');
    position += 2;
    const part = { name: null, filename: null, type: null };
    for (;;) {
      const end = indexOfBytes(bytes, [13, 10], position);
      if (end < 0) fail('a part\'s headers do not end');
      if (end === position) { position += 2; break; }
      partHeader(decodeUtf8Text(bytes.subarray(position, end)), part, fail);
      position = end + 2;
    }
    if (part.name === null) fail('a part has no form-data Content-Disposition with a name');
    const end = indexOfBytes(bytes, closing, position);
    if (end < 0) fail('a part is not closed by the boundary');
    const content = bytes.subarray(position, end);
    entries.push([part.name, part.filename === null ? decodeUtf8Text(content) : makeFile(content, part.filename, part.type ?? 'text/plain')]);
    position = end + closing.length;
  }
}

function partHeader(line, part, fail) {
  const colon = line.indexOf(':');
  if (colon <= 0) fail(`a part header is malformed: ${line}`);
  const name = line.slice(0, colon).trim().toLowerCase();
  const value = line.slice(colon + 1).trim();
  if (name === 'content-type') part.type = value;
  else if (name === 'content-disposition') {
    const { essence, parameters } = parseDisposition(value);
    if (essence !== 'form-data' || !parameters.has('name')) fail('a part\'s Content-Disposition is not form-data with a name');
    part.name = unescapeFormName(parameters.get('name'));
    if (parameters.has('filename')) part.filename = unescapeFormName(parameters.get('filename'));
  }
}

// `form-data; name="a;b"; filename=x`: quoted values may hold ';' and backslash escapes.
function parseDisposition(value) {
  const parameters = new Map();
  const semicolon = value.indexOf(';');
  const essence = (semicolon < 0 ? value : value.slice(0, semicolon)).trim().toLowerCase();
  const pattern = /\s*;\s*([^=;\s]+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^;]*))/gy;
  pattern.lastIndex = semicolon < 0 ? value.length : semicolon;
  for (let match; (match = pattern.exec(value));) {
    const key = match[1].toLowerCase();
    if (!parameters.has(key)) parameters.set(key, match[2] !== undefined ? match[2].replace(/\\(.)/g, '$1') : match[3].trim());
  }
  return { essence, parameters };
}

const unescapeFormName = (text) => text.replace(/%0A/gi, '\n').replace(/%0D/gi, '\r').replace(/%22/g, '"');

function indexOfBytes(bytes, needle, from) {
  const first = needle[0], n = needle.length;
  for (let i = bytes.indexOf(first, from); i >= 0 && i + n <= bytes.length; i = bytes.indexOf(first, i + 1)) {
    let j = 1;
    while (j < n && bytes[i + j] === needle[j]) j++;
    if (j === n) return i;
  }
  return -1;
}
