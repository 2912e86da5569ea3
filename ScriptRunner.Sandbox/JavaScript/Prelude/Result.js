// The JSON answer: a value serialized with JSON.stringify's rules, refusing what JSON cannot say (a function or
// bigint result, a cycle, nesting deeper than 512), and handler results normalized to {statusCode, headers, body}.
const MAX_RESULT_DEPTH = 512;

// Errors are told and described without the web group, which a script that replaced Array's iterator could keep
// from being made: a thrown error is always answered by name.
function isErrorLike(v) { return v !== null && typeof v === 'object' && (v instanceof Error || reflectApply(ObjectToString, v, []) === '[object Error]'); }

// An error's text, read with the intrinsics as they were before the script ran (String.prototype.split, Array's
// filter/map/join, RegExp's methods may be the script's by now): the answer names the error the script threw.
function errorText(err) {
  let name = 'Error', message = '';
  try { name = err.name === undefined ? 'Error' : String(err.name); message = err.message === undefined ? '' : String(err.message); } catch (e) { /* a throwing getter */ }
  const header = message ? name + ': ' + message : name;
  let stack;
  try { stack = err.stack; } catch (e) { stack = undefined; }
  if (typeof stack !== 'string') return header;
  let text = header, at = 0;
  while (at <= stack.length) {
    let end = reflectApply(StringIndexOf, stack, ['\n', at]);
    if (end < 0) end = stack.length;
    const line = reflectApply(StringSlice, stack, [at, end]);
    if (isFrame(line) && reflectApply(StringIndexOf, line, [PRELUDE_NAME]) < 0) text += '\n' + sourceNamed(line);
    at = end + 1;
  }
  return text;
}

// A stack line that is a frame: blanks, then "at ".
function isFrame(line) {
  let i = 0;
  while (i < line.length && (line[i] === ' ' || line[i] === '\t')) i++;
  return i > 0 && line[i] === 'a' && line[i + 1] === 't' && line[i + 2] === ' ';
}

// An engine may make a source name unique ('main [3].js', '[temp]' for a transient one): frames say main.js.
function sourceNamed(line) {
  const at = reflectApply(StringIndexOf, line, ['main [']);
  if (at < 0) return line;
  let i = at + 6;
  while (i < line.length && line[i] >= '0' && line[i] <= '9') i++;
  if (i === at + 6 || reflectApply(StringSlice, line, [i, i + 4]) !== '].js') return line;
  let end = i + 4;
  if (reflectApply(StringSlice, line, [end, end + 7]) === ' [temp]') end += 7;
  return reflectApply(StringSlice, line, [0, at]) + 'main.js' + sourceNamed(reflectApply(StringSlice, line, [end]));
}

function thrownText(e, withStack) {
  if (isErrorLike(e)) { const text = errorText(e); if (withStack) return text; const newline = reflectApply(StringIndexOf, text, ['\n']); return newline < 0 ? text : reflectApply(StringSlice, text, [0, newline]); }
  return typeof e === 'string' ? e : web().inspect(e);
}

function describeThrown(e) {
  if (e instanceof ResultError) return { message: e.message, stack: null };
  if (isErrorLike(e)) {
    const text = errorText(e);
    const newline = reflectApply(StringIndexOf, text, ['\n']);
    return { message: newline < 0 ? text : reflectApply(StringSlice, text, [0, newline]), stack: newline < 0 ? null : text };
  }
  return { message: 'Uncaught ' + thrownText(e), stack: null };
}

// A primitive answers without the walk below (most results are one number or string), exactly as the walk would.
function valueJson(value) {
  switch (typeof value) {
    case 'string': return jsonStringify(value);
    case 'number': return value - value === 0 ? jsonStringify(value) : 'null';
    case 'boolean': return value ? 'true' : 'false';
    case 'undefined': return 'null';
  }
  return value === null ? 'null' : toResultJson(value);
}

function toResultJson(value) {
  const stack = [];
  const write = (holder, key, v, inArray) => {
    if (v !== null && (typeof v === 'object' || typeof v === 'bigint') && typeof v.toJSON === 'function') v = v.toJSON(key);
    switch (typeof v) {
      case 'string': return jsonStringify(v);
      case 'number': return isFiniteNumber(v) ? jsonStringify(v) : 'null';
      case 'boolean': return v ? 'true' : 'false';
      case 'bigint': throw new ResultError('result is not JSON-serializable: bigint');
      case 'undefined': case 'function': case 'symbol':
        if (holder === null) {
          if (typeof v === 'undefined') return 'null';
          throw new ResultError(`result is not JSON-serializable: ${typeof v}`);
        }
        return inArray ? 'null' : undefined;
    }
    if (v === null) return 'null';
    const tag = reflectApply(ObjectToString, v, []);
    if (tag === '[object Number]') return write(holder, key, Number(v), inArray);
    if (tag === '[object String]') return jsonStringify(String(v));
    if (tag === '[object Boolean]') return v.valueOf() ? 'true' : 'false';
    if (reflectApply(ArrayIncludes, stack, [v])) throw new ResultError('result contains a cycle');
    if (stack.length >= MAX_RESULT_DEPTH) throw new ResultError(`result nests deeper than ${MAX_RESULT_DEPTH} levels`);
    reflectApply(ArrayPush, stack, [v]);
    let out;
    // Plain loops and concatenation: the script may have replaced Array.prototype methods.
    if (isArray(v)) {
      out = '[';
      for (let i = 0; i < v.length; i++) out += (i ? ',' : '') + write(v, String(i), v[i], true);
      out += ']';
    } else {
      out = '{';
      const keys = objectKeys(v);
      let first = true;
      for (let i = 0; i < keys.length; i++) {
        const text = write(v, keys[i], v[keys[i]], false);
        if (text !== undefined) { out += (first ? '' : ',') + jsonStringify(keys[i]) + ':' + text; first = false; }
      }
      out += '}';
    }
    reflectApply(ArrayPop, stack, []);
    return out;
  };
  return write(null, '', value, false);
}

// Split by the shape of the value, as the runner is: a run builds only the branch it takes.
function responseJson(statusCode, headers, body) {
  return jsonStringify({ statusCode, headers, body });
}

function normalizeResponse(value) {
  if (value === undefined || value === null) return responseJson(200, {}, '');
  if (typeof value === 'string') return responseJson(200, {}, value);
  if (streams.ready() && value instanceof streams().CollectedResponse) return jsonStringify(value.result);
  const w = web.ready() ? web() : null;
  if (w && w.makeHttpClasses.ready() && value instanceof w.makeHttpClasses().Response) return webResponseJson(value);
  if (typeof value === 'object' && 'statusCode' in value) return plainResponseJson(value, w);
  return responseJson(200, { 'content-type': 'application/json' }, toResultJson(value));
}

function webResponseJson(value) {
  const http = web().makeHttpClasses();
  return responseJson(value.status, http.headersRecord(value.headers), http.bodyTextOf(value));
}

// A handler's Response whose body is a stream: read (up to the output cap) before the run settles.
function collectStreamedBody(value) {
  if (!streams.ready() || !web().makeHttpClasses.ready()) return value;
  const { Response, streamOf } = web().makeHttpClasses();
  if (!(value instanceof Response)) return value;
  const stream = streamOf(value);
  return stream === null ? value : streams().collectResponse(value, stream);
}

function plainResponseJson(value, w) {
  const status = Number(value.statusCode);
  if (!isIntegerNumber(status) || status < 100 || status > 599) throw new ResultError(`handler returned an invalid statusCode: ${typeof value.statusCode === 'string' ? value.statusCode : web().inspect(value.statusCode)}`);
  const given = value.headers;
  const headers = given !== null && typeof given === 'object' ? plainResponseHeaders(given, w) : {};
  const body = value.body;
  const text = body === undefined || body === null ? '' : typeof body === 'string' ? body : plainResponseBody(body);
  return responseJson(status, headers, text);
}

function plainResponseHeaders(given, w) {
  const headers = {};
  if (w && w.makeHttpClasses.ready() && given instanceof w.makeHttpClasses().Headers) return w.makeHttpClasses().headersRecord(given);
  const keys = objectKeys(given);
  for (let i = 0; i < keys.length; i++) if (given[keys[i]] !== undefined) headers[keys[i]] = String(given[keys[i]]);
  return headers;
}

function plainResponseBody(body) {
  return body instanceof ArrayBuffer || ArrayBuffer.isView(body) ? web().utf8Decode(web().toBytes(body), false) : toResultJson(body);
}
