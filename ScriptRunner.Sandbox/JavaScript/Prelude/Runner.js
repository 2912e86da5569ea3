// The runtime the host drives: start the handler (or take the completion value), tick timers until the execution
// settles, then shape the outcome as JSON. It is made when first needed, which on Jint may be after the script ran.
const input = jsonParse(inputJson);
const state = { status: 'pending', value: undefined, mode: 'value' };
// The handler's env, the same object as the global: the host makes it where it can (Jint, for the handler it calls).
const makeEnv = once(() => (host.env !== undefined ? host.env() : frozenCopy(input.env)));

function frozenCopy(vars) {
  const copy = objectCreate(null);
  const keys = objectKeys(vars);
  for (let i = 0; i < keys.length; i++) copy[keys[i]] = vars[keys[i]];
  return objectFreeze(copy);
}

function app_log(level, message) {
  let text = '';
  if (typeof message === 'string') text = message;
  else if (message !== undefined) { try { text = jsonStringify(message) ?? String(message); } catch (e) { text = web().inspect(message); } }
  host.log(level === undefined ? 'info' : String(level), text);
}

function get_unixtime() { return host.unixTime(); }

// The value of each global the host installs (lazily: an execution builds only the globals it reads). Its case
// labels are the list of the prelude's globals (JavaScriptPrelude.GlobalNames reads them): add a global here.
function globalValue(name) {
  switch (name) {
    case 'env': return makeEnv();
    case 'self': return G;
    case 'app_log': return app_log;
    case 'get_unixtime': return get_unixtime;
    case 'setTimeout': return setTimeout;
    case 'clearTimeout': return clearTimeout;
    case 'setInterval': return setInterval;
    case 'clearInterval': return clearInterval;
    case 'queueMicrotask': return queueMicrotask;
    case 'URLPattern': return urlPattern().makeURLPattern();
    case 'Event': return events().makeEventClasses().Event;
    case 'EventTarget': return events().makeEventClasses().EventTarget;
    case 'CustomEvent': return events().makeEventClasses().CustomEvent;
    case 'AbortController': return events().makeAbortClasses().AbortController;
    case 'AbortSignal': return events().makeAbortClasses().AbortSignal;
    case 'Blob': return files().makeBlobClasses().Blob;
    case 'File': return files().makeBlobClasses().File;
    case 'FormData': return files().makeFormData().FormData;
    case 'performance': return perf().makePerformance();
    case 'SubtleCrypto': return webcrypto().makeSubtleCrypto().SubtleCrypto;
    case 'CryptoKey': return webcryptoOperations().CryptoKey;
    case 'ReadableStream': case 'ReadableStreamDefaultReader': case 'ReadableStreamBYOBReader':
    case 'ReadableStreamDefaultController': case 'ReadableByteStreamController': case 'ReadableStreamBYOBRequest':
    case 'WritableStream': case 'WritableStreamDefaultWriter': case 'WritableStreamDefaultController':
    case 'TransformStream': case 'TransformStreamDefaultController': case 'CountQueuingStrategy':
    case 'ByteLengthQueuingStrategy': case 'TextEncoderStream': case 'TextDecoderStream':
    case 'CompressionStream': case 'DecompressionStream':
      return streams().streamGlobal(name);
  }
  const w = web();
  switch (name) {
    case 'console': return w.consoleObject;
    case 'fetch': return w.fetch;
    case 'structuredClone': return w.structuredClone;
    case 'atob': return w.atob;
    case 'btoa': return w.btoa;
    case 'URL': return w.makeUrlClasses().URL;
    case 'URLSearchParams': return w.makeUrlClasses().URLSearchParams;
    case 'Headers': return w.makeHttpClasses().Headers;
    case 'Request': return w.makeHttpClasses().Request;
    case 'Response': return w.makeHttpClasses().Response;
    case 'TextEncoder': return w.makeTextEncoder();
    case 'TextDecoder': return w.makeTextDecoder();
    case 'DOMException': return w.makeDOMException();
    case 'crypto': return w.makeCrypto();
  }
  return undefined;
}

// Jint's Intl takes its en-US data from .NET's culture data, absent without ICU; scripts that name Intl or a locale
// method get what they name corrected before they run (see IntlPatch.js).
if (input.locale !== 0 && host.engine === 'jint') intl().patchIntl(input.locale);

// A method token in upper case (its letters are ASCII).
function asciiUpperCase(text) {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    const at = ch >= 'a' && ch <= 'z' ? reflectApply(StringIndexOf, 'abcdefghijklmnopqrstuvwxyz', [ch]) : -1;
    out += at < 0 ? ch : 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'[at];
  }
  return out;
}

function workersRequest(seed) {
  const { Request } = web().makeHttpClasses();
  const { URL } = web().makeUrlClasses();
  const url = new URL(String(seed.url), 'http://localhost/');
  const keys = objectKeys(seed.query || {});
  for (let i = 0; i < keys.length; i++) if (!url.searchParams.has(keys[i])) url.searchParams.append(keys[i], String(seed.query[keys[i]]));
  const method = asciiUpperCase(String(seed.method));
  const body = method === 'GET' || method === 'HEAD' || seed.body === '' ? undefined
    : typeof seed.body === 'string' ? seed.body : jsonStringify(seed.body);
  return new Request(url.href, { method, headers: seed.headers, body });
}

// A handler is a function, or a Workers-style object whose fetch method is called with (request, env, ctx). It is
// called as holder[key](…) so that stack frames name it the way the script does.
function asHandler(value, holder, key) {
  if (typeof value === 'function') {
    if (holder !== undefined && holder !== null && holder[key] === value) return { holder, key, workers: false };
    const name = value.name || 'handler';
    return { holder: { [name]: value }, key: name, workers: false };
  }
  if (value !== null && typeof value === 'object' && typeof value.fetch === 'function') return { holder: value, key: 'fetch', workers: true };
  return null;
}

// Each code form and case is its own function: an engine builds a function's body on its first call, so a run pays
// only for the path it takes.
function findHandler(kind, completion) {
  return kind === 'module' ? findModuleHandler(completion) : findScriptHandler(completion);
}

function findModuleHandler(namespace) {
  const name = input.handler;
  if (name !== null && namespace[name] !== undefined) {
    const found = asHandler(namespace[name]);
    if (!found) throw new ResultError(`handler '${name}' is exported but is neither a function nor an object with a fetch method`);
    return found;
  }
  if (namespace.default !== undefined) {
    const found = asHandler(namespace.default);
    if (found) return found;
    if (name !== null) throw new ResultError(`handler '${name}' not found, and the default export is neither a function nor an object with a fetch method`);
    return { value: namespace.default };
  }
  if (name !== null) throw new ResultError(`handler '${name}' not found (looked for the module's export '${name}' and its default export)`);
  return { value: undefined };
}

// Only the holder's own members: a handler name never resolves through a prototype (`constructor`, `toString`).
function member(holder, key) {
  return holder !== null && (typeof holder === 'object' || typeof holder === 'function') && objectHasOwn(holder, key) ? holder[key] : undefined;
}

// A script's export: module.exports when it is a function or an object with a fetch method, else its default member
// when that is one; null when there is none.
function scriptExport(moduleExports) {
  return asHandler(moduleExports) || asHandler(member(moduleExports, 'default'), moduleExports, 'default');
}

function exportedValue(found) {
  return found.workers ? found.holder : found.holder[found.key];
}

// Whether the script's completion value is its export (or module.exports itself): the script ended by exporting,
// e.g. with `module.exports = async (req) => …`, perhaps followed by declarations.
function endsWithExport(completion, moduleExports, found) {
  return completion !== undefined && (completion === moduleExports || completion === exportedValue(found));
}

// Without a handler name, the export is called only when the script meant it as its answer: it ended with the
// export, or with a statement that has no value (a console.log) after exporting in its own top-level code. Otherwise
// (a bundled library's export, then code that uses it) the answer is the completion value.
function findScriptHandler(completion) {
  const moduleExports = G.module !== null && typeof G.module === 'object' ? G.module.exports : undefined;
  if (input.handler !== null) return findNamedScriptHandler(input.handler, moduleExports, completion);
  const found = scriptExport(moduleExports);
  if (found === null) return null;
  if (endsWithExport(completion, moduleExports, found) || (completion === undefined && input.exportsAtTopLevel)) return found;
  return null;
}

// A named handler is looked for by its name first (a global function, then a member of module.exports or exports);
// module.exports itself (or its default) stands in for it unless the script went on past a library's export to
// compute another value (its completion value is neither undefined nor the export, and its own top-level code
// exported nothing).
function findNamedScriptHandler(name, moduleExports, completion) {
  const own = objectGetOwnPropertyDescriptor(G, name);
  if (own && 'value' in own && typeof own.value === 'function' && !isRealmGlobal(name, own.value)) return asHandler(own.value, G, name);
  const found = asHandler(member(moduleExports, name), moduleExports, name) || asHandler(member(G.exports, name), G.exports, name);
  if (found) return found;
  const exported = scriptExport(moduleExports);
  if (exported !== null && (completion === undefined || input.exportsAtTopLevel || endsWithExport(completion, moduleExports, exported))) return exported;
  throw new ResultError(`handler '${name}' not found (looked for a global function '${name}', module.exports.${name}, exports.${name}, module.exports as a function, module.exports.default)`);
}

// Whether a global function is the realm's rather than the script's: a built-in (Object, String, parseInt, eval…),
// one of the prelude's (fetch, atob…), or an inherited method that Jint gives the global object as its own
// (toString). Called with a request, Object or structuredClone would echo it back as the answer. A built-in is
// recognised by the name it was made with and by being native (host.isBuiltin: on V8 its source text says so; Jint,
// which shows no function's source, knows its kind), so a script's own `function escape(req)` replacing one is still its handler; a
// bound function's name begins with "bound ".
function isRealmGlobal(name, fn) {
  if (fn === ObjectPrototype[name] || fn === globalToString) return true;
  const given = objectGetOwnPropertyDescriptor(fn, 'name');
  if (!given || given.value !== name) return false;
  if (reflectApply(StringIndexOf, GLOBAL_NAMES, [' ' + name + ' ']) >= 0 && globalValue(name) === fn) return true;
  return host.isBuiltin(fn);
}

function settle(value) {
  then(promiseResolve(value),
    (v) => { state.status = 'fulfilled'; state.value = v; },
    (e) => { state.status = 'rejected'; state.value = e; });
}

// A completion value that cannot leave the engine (a symbol, a revoked proxy) reaches the host of some engines (V8's)
// as undefined: every engine takes it so, and the answer is null. Array.isArray throws for a revoked proxy and runs no
// trap of a live one.
function portable(value) {
  if (typeof value === 'symbol') return undefined;
  if (value !== null && (typeof value === 'object' || typeof value === 'function')) { try { isArray(value); } catch (e) { return undefined; } }
  return value;
}

function start(kind, completion) {
  completion = portable(completion);
  let handler;
  try {
    handler = findHandler(kind, completion);
  } catch (e) {
    state.status = 'rejected'; state.value = e;
    return;
  }
  if (handler === null) settleValue(completion);
  else if ('value' in handler) settleValue(handler.value);
  else startHandler(handler);
}

function settleValue(value) {
  if (value !== null && (typeof value === 'object' || typeof value === 'function') && typeof value.then === 'function') settle(value);
  else { state.status = 'fulfilled'; state.value = value; }
}

function startHandler(handler) {
  const waits = [];
  const ctx = objectFreeze({
    waitUntil(promise) { waitUntil(waits, promise); },
    passThroughOnException() {},
  });
  const seed = input.request; // with its defaults filled in by the host (see JavaScriptInput)
  try {
    const request = handler.workers ? workersRequest(seed) : seed;
    adopt(handler.holder[handler.key](request, makeEnv(), ctx), waits);
  } catch (e) {
    fail(e);
  }
}

// ctx.waitUntil: the answer waits for the promise; its rejection is reported, never the answer.
function waitUntil(waits, promise) {
  reflectApply(ArrayPush, waits, [then(promiseResolve(promise), undefined, (e) => host.write('stderr', `Uncaught (in promise) ${thrownText(e, true)}\n`))]);
}

// A handler's return value, from startHandler or from the engine adapter that called the handler itself. A streamed
// Response body is read while waitUntil's promises run: they may be what writes it.
// No promise is handed to a resolve function or returned from a reaction, and Promise.all is not used: each would
// look up the promise's then, which the script may have replaced.
function adopt(returned, waits) {
  state.mode = 'handler';
  then(promiseResolve(returned), (v) => {
    const collected = collectStreamedBody(v);
    if (collected !== v) then(collected, undefined, () => {});
    afterAll(waits, () => settle(collected));
  }, (e) => { state.status = 'rejected'; state.value = e; });
}

// Calls done once every promise in waits now has settled (none rejects: see waitUntil).
function afterAll(waits, done) {
  let left = waits.length;
  if (left === 0) { done(); return; }
  for (let i = 0; i < waits.length; i++) then(waits[i], () => { if (--left === 0) done(); });
}

// A handler that threw as it was called.
function fail(e) {
  state.mode = 'handler';
  state.status = 'rejected'; state.value = e;
}

function outcome() {
  if (state.status === 'rejected') return failedOutcome(state.value);
  try {
    return '{"ok":true,"result":' + (state.mode === 'handler' ? normalizeResponse(state.value) : valueJson(state.value)) + '}';
  } catch (e) {
    return failedOutcome(e);
  }
}

function failedOutcome(e) {
  return jsonStringify({ ok: false, ...describeThrown(e) });
}

return objectFreeze({
  start,
  tick,
  outcome,
  describe: (e) => jsonStringify(describeThrown(e)),
  globalValue,
  reportUnhandled: (reason) => host.write('stderr', `Uncaught (in promise) ${thrownText(reason, true)}\n`),
  stringIterator,
  adopt,
  waitUntil,
  fail,
  // A completion value the engine adapter found to be the answer (no handler could take it) and could not write.
  answer: settleValue,
});
