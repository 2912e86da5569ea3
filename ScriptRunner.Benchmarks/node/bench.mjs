// Times the benchmark plan (../bench-plan.json) on V8: the same module bytes, exports, arguments, warm-up and
// timed call counts as the .NET harness, reported as median and minimum per call.
// Usage: node bench.mjs [--json <file>]
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';

const planPath = join(dirname(fileURLToPath(import.meta.url)), '..', 'bench-plan.json');
const plan = JSON.parse(readFileSync(planPath, 'utf8'));
const readModule = (path) => readFileSync(join(dirname(planPath), path));

const args = process.argv.slice(2);
let jsonPath = null;
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--json' && i + 1 < args.length) jsonPath = args[++i];
  else { console.error(`unknown argument '${args[i]}'; usage: node bench.mjs [--json <file>]`); process.exit(2); }
}

const summarize = (name, kind, times, checksum) => {
  const sorted = [...times].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const medianMs = sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  return { name, kind, medianMs, minMs: sorted[0], iterations: sorted.length, checksum };
};

// Modules that import WASI get node's preview1 implementation; reactors are initialised as WASI prescribes.
// node:wasi is loaded only when needed (it prints an experimental-feature warning when loaded).
const usesWasi = (module) => WebAssembly.Module.imports(module).some((i) => i.module === 'wasi_snapshot_preview1');
const { WASI } = [plan.kernelModule, plan.instantiate.module].some((m) => usesWasi(new WebAssembly.Module(readModule(m))))
  ? await import('node:wasi')
  : { WASI: null };
const instantiate = (module) => {
  const wasi = usesWasi(module) ? new WASI({ version: 'preview1' }) : null;
  const instance = new WebAssembly.Instance(module, wasi ? { wasi_snapshot_preview1: wasi.wasiImport } : {});
  if (wasi && instance.exports._initialize) wasi.initialize(instance);
  else instance.exports._initialize?.();
  return instance;
};

const checksum = (value) => (value === undefined ? '' : String(value));

const results = [];
const kernels = instantiate(new WebAssembly.Module(readModule(plan.kernelModule))).exports;
for (const kernel of plan.kernels) {
  const fn = kernels[kernel.export];
  if (typeof fn !== 'function') throw new Error(`kernels module has no export '${kernel.export}'`);
  for (let i = 0; i < kernel.warmup; i++) fn(...kernel.args);
  const times = [];
  let result;
  for (let i = 0; i < kernel.iterations; i++) {
    const start = performance.now();
    result = fn(...kernel.args);
    times.push(performance.now() - start);
  }
  results.push(summarize(kernel.name, 'kernel', times, checksum(result)));
}

{
  const { name, module, warmup, iterations } = plan.compile;
  const bytes = readModule(module);
  const times = [];
  for (let i = 0; i < warmup + iterations; i++) {
    // V8 shares compiled modules between identical byte sequences, so each run appends a distinct 8-byte custom
    // section (id 0, size 6, name "x", a counter) to make every compile cold.
    const copy = new Uint8Array(bytes.length + 8);
    copy.set(bytes);
    copy.set([0, 6, 1, 0x78, i & 0xff, (i >> 8) & 0xff, 0, 0], bytes.length);
    const start = performance.now();
    new WebAssembly.Module(copy);
    const elapsed = performance.now() - start;
    if (i >= warmup) times.push(elapsed);
  }
  results.push(summarize(name, 'compile', times, `${bytes.length} bytes`));
}

{
  const { name, module, export: exportName, calls, warmup, iterations } = plan.startup;
  const bytes = readModule(module);
  const times = [];
  let sum = 0;
  for (let i = 0; i < warmup + iterations; i++) {
    const copy = new Uint8Array(bytes.length + 8);
    copy.set(bytes);
    copy.set([0, 6, 1, 0x78, i & 0xff, (i >> 8) & 0xff, 1, 0], bytes.length);
    const start = performance.now();
    const fn = instantiate(new WebAssembly.Module(copy)).exports[exportName];
    sum = 0;
    for (let k = 0; k < calls; k++) sum = (sum + fn(k, 3, k)) >>> 0;
    const elapsed = performance.now() - start;
    if (i >= warmup) times.push(elapsed);
  }
  results.push(summarize(name, 'startup', times, String(sum)));
}

{
  const { name, module, warmup, iterations } = plan.instantiate;
  const compiled = new WebAssembly.Module(readModule(module));
  const times = [];
  for (let i = 0; i < warmup + iterations; i++) {
    const start = performance.now();
    instantiate(compiled);
    const elapsed = performance.now() - start;
    if (i >= warmup) times.push(elapsed);
  }
  results.push(summarize(name, 'instantiate', times, null));
}

for (const r of results) {
  console.log(`${r.name.padEnd(34)} median ${r.medianMs.toFixed(3).padStart(10)} ms  min ${r.minMs.toFixed(3).padStart(10)} ms  ${r.checksum ?? ''}`);
}
if (jsonPath) writeFileSync(jsonPath, JSON.stringify({ engine: 'V8', runtime: `node ${process.version}`, results }, null, 2));
