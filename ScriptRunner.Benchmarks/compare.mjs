// Prints the cross-engine table from the two JSON files written by the .NET harness and node/bench.mjs.
// Usage: node compare.mjs <ours.json> <v8.json>
import { readFileSync } from 'node:fs';

const [oursPath, v8Path] = process.argv.slice(2);
if (!oursPath || !v8Path) { console.error('usage: node compare.mjs <ours.json> <v8.json>'); process.exit(2); }
const ours = JSON.parse(readFileSync(oursPath, 'utf8'));
const v8 = JSON.parse(readFileSync(v8Path, 'utf8'));

// Checksums agree when equal as text, or as numbers (integer and shortest-float spellings differ by engine).
const sameChecksum = (a, b) => a === b || (a != null && b != null && a !== '' && Number(a) === Number(b));

const rows = [];
let mismatches = 0;
for (const mine of ours.results) {
  const theirs = v8.results.find((r) => r.name === mine.name);
  if (!theirs) continue;
  const ratio = mine.medianMs / theirs.medianMs;
  const agrees = mine.kind !== 'kernel' || sameChecksum(mine.checksum, theirs.checksum);
  if (!agrees) mismatches++;
  rows.push({ name: mine.name, kind: mine.kind, ours: mine.medianMs, v8: theirs.medianMs, ratio, agrees, mine, theirs });
}

const header = `${'benchmark'.padEnd(34)} ${'ours (ms)'.padStart(12)} ${'V8 (ms)'.padStart(12)} ${'ratio'.padStart(8)}`;
console.log(`${ours.runtime ? `ScriptRunner on .NET ${ours.runtime}` : 'ScriptRunner'} vs ${v8.runtime ?? 'V8'} (median per call)`);
console.log(header);
console.log('-'.repeat(header.length));
for (const r of rows) {
  const note = r.agrees ? '' : `  RESULT MISMATCH: ours ${r.mine.checksum}, V8 ${r.theirs.checksum}`;
  console.log(`${r.name.padEnd(34)} ${r.ours.toFixed(3).padStart(12)} ${r.v8.toFixed(3).padStart(12)} ${r.ratio.toFixed(2).padStart(8)}${note}`);
}
const geomean = (list) => Math.exp(list.reduce((sum, r) => sum + Math.log(r.ratio), 0) / list.length);
const kernels = rows.filter((r) => r.kind === 'kernel');
console.log('-'.repeat(header.length));
if (kernels.length) console.log(`${'geometric mean of ratios (kernels)'.padEnd(34)} ${''.padStart(25)} ${geomean(kernels).toFixed(2).padStart(8)}`);
if (rows.length) console.log(`${'geometric mean of ratios (all)'.padEnd(34)} ${''.padStart(25)} ${geomean(rows).toFixed(2).padStart(8)}`);
if (mismatches) { console.error(`${mismatches} kernel result(s) differ between the engines`); process.exit(1); }
