// console: log/info/debug to stdout, warn/error to stderr, printf-style substitutions as Node does them.
function stringifyForJ(value) {
  try { return JSON.stringify(value); } catch (e) { return '[Circular]'; }
}

function formatArgs(args) {
  const pieces = [];
  let rest = 0;
  if (typeof args[0] === 'string' && args.length > 1 && args[0].includes('%')) {
    const template = args[0];
    let out = '';
    let next = 1;
    let i = 0;
    while (i < template.length) {
      const ch = template[i];
      if (ch === '%' && i + 1 < template.length) {
        const code = template[i + 1];
        if (code === '%') { out += '%'; i += 2; continue; }
        if ('sdifjoOc'.includes(code) && next < args.length) {
          const arg = args[next++];
          if (code === 's') out += typeof arg === 'string' ? arg : typeof arg === 'bigint' ? `${arg}n` : typeof arg === 'object' && arg !== null ? inspect(arg, { depth: 1 }) : typeof arg === 'symbol' ? String(arg) : formatNumberOr(arg);
          else if (code === 'd') out += typeof arg === 'bigint' ? `${arg}n` : typeof arg === 'object' && arg !== null ? 'NaN' : formatNumber(Number(arg));
          else if (code === 'i') out += typeof arg === 'bigint' ? `${arg}n` : typeof arg === 'object' && arg !== null ? 'NaN' : formatNumber(parseInt(arg, 10));
          else if (code === 'f') out += typeof arg === 'symbol' ? 'NaN' : formatNumber(parseFloat(arg));
          else if (code === 'j') out += stringifyForJ(arg);
          else if (code === 'o') out += inspect(arg, { depth: 4 });
          else if (code === 'O') out += inspect(arg);
          i += 2;
          continue;
        }
      }
      out += ch;
      i++;
    }
    pieces.push(out);
    rest = next;
  }
  for (let i = rest; i < args.length; i++) pieces.push(typeof args[i] === 'string' ? args[i] : inspect(args[i]));
  return pieces.join(' ');
}

function formatNumberOr(arg) { return typeof arg === 'number' ? formatNumber(arg) : String(arg); }

const counters = new Map();
const timeLabels = new Map();
const consoleObject = {};
for (const [name, stream] of [['log', 'stdout'], ['info', 'stdout'], ['debug', 'stdout'], ['trace', 'stderr'], ['warn', 'stderr'], ['error', 'stderr']]) {
  consoleObject[name] = { [name](...args) { host.write(stream, formatArgs(args) + '\n'); } }[name];
}
consoleObject.assert = function assert(condition, ...args) {
  if (!condition) host.write('stderr', (args.length ? 'Assertion failed: ' + formatArgs(args) : 'Assertion failed') + '\n');
};
consoleObject.dir = function dir(value) { host.write('stdout', inspect(value) + '\n'); };
consoleObject.count = function count(label = 'default') {
  const n = (counters.get(label) || 0) + 1;
  counters.set(label, n);
  host.write('stdout', `${label}: ${n}\n`);
};
consoleObject.time = function time(label = 'default') { timeLabels.set(String(label), host.now()); };
consoleObject.timeEnd = function timeEnd(label = 'default') {
  const started = timeLabels.get(String(label));
  if (started === undefined) return;
  timeLabels.delete(String(label));
  host.write('stdout', `${label}: ${(host.now() - started).toFixed(3)}ms\n`);
};
