// FormData after the XMLHttpRequest Standard, its multipart/form-data encoding (HTML) and the parsing behind
// Request/Response formData() (Fetch): application/x-www-form-urlencoded and multipart/form-data.
const makeFormData = once(() => {
  const { File, isBlob, bytesOf, makeFile } = makeBlobClasses();
  let entriesOf;

  // An entry's value: a string, or a File (a Blob becomes a File named "blob", or the given filename).
  function entryValue(value, filename, count, method) {
    if (isBlob(value)) {
      if (filename === undefined && value instanceof File) return value;
      const name = filename !== undefined ? usvString(filename) : value instanceof File ? value.name : 'blob';
      return makeFile(bytesOf(value), name, value.type, value instanceof File ? value.lastModified : undefined);
    }
    if (count > 2) throw new TypeError(`Failed to execute '${method}' on 'FormData': parameter 2 is not of type 'Blob'.`);
    return usvString(value);
  }

  function required(count, needed, method) {
    if (count < needed) throw new TypeError(`Failed to execute '${method}' on 'FormData': ${needed} argument${needed > 1 ? 's' : ''} required, but only ${count} present.`);
  }

  class FormData {
    #entries = [];
    constructor(form) {
      if (form !== undefined) throw new TypeError("Failed to construct 'FormData': parameter 1 is not of type 'HTMLFormElement'.");
    }
    static { entriesOf = (formData) => formData.#entries; }
    append(name, value, filename) {
      required(arguments.length, 2, 'append');
      this.#entries.push([usvString(name), entryValue(value, filename, arguments.length, 'append')]);
    }
    set(name, value, filename) {
      required(arguments.length, 2, 'set');
      const entry = [usvString(name), entryValue(value, filename, arguments.length, 'set')];
      const at = this.#entries.findIndex((e) => e[0] === entry[0]);
      if (at < 0) { this.#entries.push(entry); return; }
      this.#entries[at] = entry;
      for (let i = this.#entries.length - 1; i > at; i--) if (this.#entries[i][0] === entry[0]) this.#entries.splice(i, 1);
    }
    get(name) {
      required(arguments.length, 1, 'get');
      const key = usvString(name);
      const entry = this.#entries.find((e) => e[0] === key);
      return entry ? entry[1] : null;
    }
    getAll(name) {
      required(arguments.length, 1, 'getAll');
      const key = usvString(name);
      return this.#entries.filter((e) => e[0] === key).map((e) => e[1]);
    }
    has(name) {
      required(arguments.length, 1, 'has');
      const key = usvString(name);
      return this.#entries.some((e) => e[0] === key);
    }
    delete(name) {
      required(arguments.length, 1, 'delete');
      const key = usvString(name);
      this.#entries = this.#entries.filter((e) => e[0] !== key);
    }
    // Iterators read the live list, as the Web IDL pair iterator does.
    *entries() { for (let i = 0; i < this.#entries.length; i++) yield [this.#entries[i][0], this.#entries[i][1]]; }
    *keys() { for (let i = 0; i < this.#entries.length; i++) yield this.#entries[i][0]; }
    *values() { for (let i = 0; i < this.#entries.length; i++) yield this.#entries[i][1]; }
    forEach(callback, thisArg) {
      if (typeof callback !== 'function') throw new TypeError("Failed to execute 'forEach' on 'FormData': The callback provided as parameter 1 is not a function.");
      for (let i = 0; i < this.#entries.length; i++) reflectApply(callback, thisArg, [this.#entries[i][1], this.#entries[i][0], this]);
    }
    [Symbol.iterator]() { return this.entries(); }
    get [Symbol.toStringTag]() { return 'FormData'; }
  }

  return { FormData, entriesOf };
});

// Line breaks in names and string values become CRLF, then names and filenames escape LF, CR and '"' (HTML's
// multipart/form-data encoding algorithm).
const crlf = (text) => text.replace(/\r\n|\r|\n/g, '\r\n');
const escapeFormName = (text) => text.replace(/\n/g, '%0A').replace(/\r/g, '%0D').replace(/"/g, '%22');

function serializeFormData(formData) {
  const { File, bytesOf } = makeBlobClasses();
  const boundary = '----ScriptRunnerFormBoundary' + host.randomBytes(8);
  const chunks = [];
  for (const [name, value] of makeFormData().entriesOf(formData)) {
    let head = `--${boundary}\r\nContent-Disposition: form-data; name="${escapeFormName(crlf(name))}"`;
    if (value instanceof File) {
      head += `; filename="${escapeFormName(value.name)}"\r\nContent-Type: ${value.type || 'application/octet-stream'}\r\n\r\n`;
      chunks.push(encodeUtf8(head), bytesOf(value), encodeUtf8('\r\n'));
    } else chunks.push(encodeUtf8(`${head}\r\n\r\n${crlf(value)}\r\n`));
  }
  chunks.push(encodeUtf8(`--${boundary}--\r\n`));
  let total = 0;
  for (const chunk of chunks) total += chunk.length;
  reserveBlobBytes(total);
  const bytes = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) { bytes.set(chunk, at); at += chunk.length; }
  return { body: bytes, type: `multipart/form-data; boundary=${boundary}` };
}

// A body init of this group (Blob, File or FormData) as Http.js holds a body: bytes and the content-type it implies.
// Null for anything else; nothing here is built unless the script has made a Blob or a FormData already.
function extractFilesBody(body) {
  if (body === null || typeof body !== 'object') return null;
  const { isBlob, bytesOf } = makeBlobClasses();
  if (isBlob(body)) return { body: bytesOf(body), type: body.type || null };
  if (makeFormData.ready() && body instanceof makeFormData().FormData) return serializeFormData(body);
  return null;
}

function isBodyInit(body) {
  return body !== null && typeof body === 'object' && (makeBlobClasses().isBlob(body) || (makeFormData.ready() && body instanceof makeFormData().FormData));
}

// A content-type's essence (lower case) and parameters (names in lower case, quoted values unquoted).
function parseMimeType(text) {
  const [essence, ...rest] = domString(text).split(';');
  const parameters = new Map();
  for (const part of rest) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    const name = part.slice(0, eq).trim().toLowerCase();
    let value = part.slice(eq + 1).trim();
    if (value.startsWith('"')) value = value.slice(1, value.endsWith('"') && value.length > 1 ? -1 : undefined).replace(/\\(.)/g, '$1');
    if (name && !parameters.has(name)) parameters.set(name, value);
  }
  return { essence: essence.trim().toLowerCase(), parameters };
}

// The body of a Request or Response as FormData, by its content-type; a TypeError when it is neither form type or
// does not parse.
function parseFormData(body, contentType) {
  const { FormData, entriesOf } = makeFormData();
  const formData = new FormData();
  // Straight into the entry list: a script that replaced FormData.prototype.append does not change what parses.
  const entries = entriesOf(formData);
  const mime = contentType === null || contentType === undefined ? null : parseMimeType(contentType);
  if (mime && mime.essence === 'application/x-www-form-urlencoded') {
    const text = body === null ? '' : typeof body === 'string' ? body : decodeUtf8Text(body);
    for (const [name, value] of new (web().makeUrlClasses().URLSearchParams)(text)) entries.push([name, value]);
    return formData;
  }
  if (mime && mime.essence === 'multipart/form-data') {
    const boundary = mime.parameters.get('boundary');
    if (!boundary) throw new TypeError('Could not parse content as FormData: the multipart/form-data content-type has no boundary.');
    const bytes = body === null ? new Uint8Array(0) : typeof body === 'string' ? encodeUtf8(body) : body;
    for (const entry of parseMultipart(bytes, boundary)) entries.push(entry);
    return formData;
  }
  throw new TypeError('Could not parse content as FormData: the content-type is neither multipart/form-data nor application/x-www-form-urlencoded.');
}
