// Node-like value inspection for console and error messages: depth 2, circular references marked, long
// entries broken over lines at 80 columns, and arrays of more than six short items grouped in columns.
const objectToString = (v) => reflectApply(ObjectToString, v, []);
const identifier = /^[A-Za-z_$][\w$]*$/;

function quote(text) {
  const q = !text.includes("'") ? "'" : !text.includes('"') ? '"' : !text.includes('`') ? '`' : "'";
  let out = '';
  for (const ch of text) {
    if (ch === q || ch === '\\') out += '\\' + ch;
    else if (ch === '\n') out += '\\n';
    else if (ch === '\t') out += '\\t';
    else if (ch === '\r') out += '\\r';
    else if (ch < ' ') out += '\\x' + ch.charCodeAt(0).toString(16).padStart(2, '0').toUpperCase();
    else out += ch;
  }
  return q + out + q;
}

function formatNumber(n) { return Object.is(n, -0) ? '-0' : String(n); }

function functionBase(fn) {
  let source = '';
  try { source = Function.prototype.toString.call(fn); } catch (e) { source = ''; }
  const name = typeof fn.name === 'string' && fn.name ? fn.name : '';
  // Engines differ in what toString shows; a class's prototype property is read-only, a function's is not, and
  // built-in constructors (also read-only) are recognised as the globals they are.
  let isClass = /^class\b/.test(source);
  if (!isClass) {
    try { const d = Object.getOwnPropertyDescriptor(fn, 'prototype'); isClass = !!d && d.writable === false && G[name] !== fn; } catch (e) { isClass = false; }
  }
  if (isClass) return name ? `[class ${name}]` : '[class (anonymous)]';
  const kind = objectToString(fn) === '[object AsyncFunction]' ? 'AsyncFunction'
    : objectToString(fn) === '[object GeneratorFunction]' ? 'GeneratorFunction' : 'Function';
  return name ? `[${kind}: ${name}]` : `[${kind} (anonymous)]`;
}

function keyText(key) {
  if (typeof key === 'symbol') return `[${String(key)}]`;
  return identifier.test(key) ? key : quote(key);
}

function constructorName(obj) {
  let proto;
  try { proto = Object.getPrototypeOf(obj); } catch (e) { return 'Object'; }
  if (proto === null) return null;
  try {
    const ctor = proto.constructor;
    return typeof ctor === 'function' && typeof ctor.name === 'string' && ctor.name ? ctor.name : 'Object';
  } catch (e) { return 'Object'; }
}

function groupColumns(output, value, indentation) {
  let total = 0, widest = 0;
  const lengths = output.map((entry) => entry.length);
  for (const length of lengths) { total += length + 2; if (length > widest) widest = length; }
  const cell = widest + 2;
  if (!(cell * 3 + indentation < 80 && (total / cell > 5 || widest <= 6))) return output;
  const bias = Math.sqrt(cell - total / output.length);
  const biased = Math.max(cell - 3 - bias, 1);
  const columns = Math.min(Math.round(Math.sqrt(2.5 * biased * output.length) / biased), Math.floor((80 - indentation) / cell), 12, 15);
  if (columns <= 1) return output;
  const widths = [];
  for (let c = 0; c < columns; c++) {
    let w = 0;
    for (let j = c; j < output.length; j += columns) if (lengths[j] > w) w = lengths[j];
    widths.push(w + 2);
  }
  const numeric = Array.isArray(value) && output.every((_, i) => typeof value[i] === 'number' || typeof value[i] === 'bigint');
  const lines = [];
  for (let i = 0; i < output.length; i += columns) {
    const last = Math.min(i + columns, output.length) - 1;
    let line = '';
    for (let j = i; j < last; j++) line += numeric ? `${output[j]}, `.padStart(widths[j - i], ' ') : `${output[j]}, `.padEnd(widths[j - i], ' ');
    line += numeric ? output[last].padStart(widths[last - i] - 2, ' ') : output[last];
    lines.push(line);
  }
  return lines;
}

function joinEntries(output, braces, prefix, indentation, grouped) {
  const open = prefix ? `${prefix} ${braces[0]}` : braces[0];
  if (output.length === 0) return prefix && braces[0] === '{' ? `${prefix} {}` : `${open}${braces[1]}`;
  if (!grouped) {
    const start = output.length + indentation + open.length + 10;
    const length = output.reduce((sum, entry) => sum + entry.length, start + output.length);
    if (length <= 80) {
      const single = output.join(', ');
      if (!single.includes('\n')) return `${open} ${single} ${braces[1]}`;
    }
  }
  const pad = '\n' + ' '.repeat(indentation);
  return `${open}${pad}  ${output.join(`,${pad}  `)}${pad}${braces[1]}`;
}

function inspect(value, options) {
  const ctx = { depth: options && options.depth !== undefined ? options.depth : 2, seen: [], refs: new Map(), indentation: 0 };
  return formatValue(ctx, value, 0, true);
}

function formatValue(ctx, value, level, top) {
  switch (typeof value) {
    case 'string': return top === 'raw' ? value : quote(value);
    case 'number': return formatNumber(value);
    case 'bigint': return `${value}n`;
    case 'boolean': return String(value);
    case 'undefined': return 'undefined';
    case 'symbol': return String(value);
  }
  if (value === null) return 'null';
  if (ctx.seen.includes(value)) {
    if (!ctx.refs.has(value)) ctx.refs.set(value, ctx.refs.size + 1);
    return `[Circular *${ctx.refs.get(value)}]`;
  }
  const text = formatObject(ctx, value, level);
  return ctx.refs.has(value) ? `<ref *${ctx.refs.get(value)}> ${text}` : text;
}

function formatObject(ctx, value, level) {
  if (typeof value === 'function') {
    const base = functionBase(value);
    const keys = Object.keys(value);
    if (keys.length === 0) return base;
    if (level > ctx.depth) return base;
    return withEntries(ctx, value, level, keys, ['{', '}'], base);
  }
  if (isErrorLike(value)) return errorText(value);
  const tag = objectToString(value);
  if (tag === '[object Date]') return Number.isNaN(value.getTime()) ? 'Invalid Date' : value.toISOString();
  if (tag === '[object RegExp]') return String(value);
  if (tag === '[object Promise]') return 'Promise { <pending> }';
  if (tag === '[object Number]' || tag === '[object String]' || tag === '[object Boolean]') return `[${tag.slice(8, -1)}: ${formatValue(ctx, value.valueOf(), level + 1)}]`;
  const name = constructorName(value);
  if (value instanceof Map) {
    if (level > ctx.depth) return '[Map]';
    return withCollection(ctx, value, level, `Map(${value.size})`, (k, v) => `${formatValue(ctx, k, level + 1)} => ${formatValue(ctx, v, level + 1)}`);
  }
  if (value instanceof Set) {
    if (level > ctx.depth) return '[Set]';
    return withCollection(ctx, value, level, `Set(${value.size})`, (v) => formatValue(ctx, v, level + 1));
  }
  if (ArrayBuffer.isView(value) && !(value instanceof DataView)) {
    if (level > ctx.depth) return `[${name}]`;
    const items = Array.from(value.slice(0, 100), (n) => typeof n === 'bigint' ? `${n}n` : formatNumber(n));
    if (value.length > 100) items.push(`... ${value.length - 100} more item${value.length - 100 > 1 ? 's' : ''}`);
    return joinEntries(groupColumns(items, Array.from(value.slice(0, 100)), ctx.indentation), ['[', ']'], `${name}(${value.length})`, ctx.indentation, items.length > 6);
  }
  if (value instanceof ArrayBuffer) return `ArrayBuffer { byteLength: ${value.byteLength} }`;
  if (Array.isArray(value)) {
    if (level > ctx.depth) return '[Array]';
    return withArray(ctx, value, level, name === 'Array' ? '' : `${name}(${value.length})`);
  }
  const prefix = name === null ? '[Object: null prototype]' : name === 'Object' ? '' : name;
  if (level > ctx.depth) return `[${name === null ? 'Object: null prototype' : name}]`;
  let keys;
  try { keys = Reflect.ownKeys(value).filter((k) => Object.prototype.propertyIsEnumerable.call(value, k)); } catch (e) { keys = []; }
  return withEntries(ctx, value, level, keys, ['{', '}'], prefix);
}

function property(ctx, obj, key, level) {
  let descriptor;
  try { descriptor = Object.getOwnPropertyDescriptor(obj, key); } catch (e) { descriptor = undefined; }
  if (descriptor && (descriptor.get || descriptor.set)) {
    return `${keyText(key)}: ${descriptor.get && descriptor.set ? '[Getter/Setter]' : descriptor.get ? '[Getter]' : '[Setter]'}`;
  }
  const v = descriptor ? descriptor.value : undefined;
  return `${keyText(key)}: ${formatValue(ctx, v, level + 1)}`;
}

function nested(ctx, value, build) {
  ctx.seen.push(value);
  ctx.indentation += 2;
  try { return build(); } finally { ctx.indentation -= 2; ctx.seen.pop(); }
}

function withEntries(ctx, value, level, keys, braces, prefix) {
  const output = nested(ctx, value, () => keys.map((key) => property(ctx, value, key, level)));
  return joinEntries(output, braces, prefix, ctx.indentation, false);
}

function withCollection(ctx, value, level, prefix, entry) {
  const output = nested(ctx, value, () => {
    const items = [];
    if (value instanceof Map) for (const [k, v] of value) items.push(entry(k, v));
    else for (const v of value) items.push(entry(v));
    return items;
  });
  return joinEntries(output, ['{', '}'], prefix, ctx.indentation, false);
}

function withArray(ctx, value, level, prefix) {
  let output = nested(ctx, value, () => {
    const items = [];
    const shown = Math.min(value.length, 100);
    let holes = 0;
    const flushHoles = () => { if (holes) { items.push(`<${holes} empty item${holes > 1 ? 's' : ''}>`); holes = 0; } };
    for (let i = 0; i < shown; i++) {
      if (!Object.prototype.hasOwnProperty.call(value, i)) { holes++; continue; }
      flushHoles();
      items.push(formatValue(ctx, value[i], level + 1));
    }
    flushHoles();
    if (value.length > shown) items.push(`... ${value.length - shown} more item${value.length - shown > 1 ? 's' : ''}`);
    for (const key of Object.keys(value)) if (!/^(0|[1-9]\d*)$/.test(key)) items.push(property(ctx, value, key, level));
    return items;
  });
  const grouped = output.length > 6 && output.every((entry) => !entry.includes('\n'));
  if (grouped) {
    const regrouped = groupColumns(output, value, ctx.indentation);
    if (regrouped !== output) return joinEntries(regrouped, ['[', ']'], prefix, ctx.indentation, true);
  }
  return joinEntries(output, ['[', ']'], prefix, ctx.indentation, false);
}
