#!/usr/bin/env bash
# Runs the benchmark plan on ScriptRunner (Release build) and on V8 (node) in the same run, then prints kernel,
# ours (ms), V8 (ms), ratio and the geometric mean of the ratios, once per engine. Kernel results are cross-checked.
# Usage: ScriptRunner.Benchmarks/compare.sh [engine...]   engines: wasmtime (default sandbox engine, deadline from the
# process wall), wasmtime-epoch (deadline inside the engine), managed. Default: all three.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
engines=("$@")
[ ${#engines[@]} -eq 0 ] && engines=(wasmtime wasmtime-epoch managed)

dotnet build "$here/ScriptRunner.Benchmarks.csproj" -c Release --nologo -v quiet >/dev/null
echo "== V8 ($(node --version))"
node "$here/node/bench.mjs" --json "$out/v8.json"
for engine in "${engines[@]}"; do
  echo "== ScriptRunner, $engine"
  dotnet "$here/bin/Release/net10.0/ScriptRunner.Benchmarks.dll" compare --engine "$engine" --json "$out/$engine.json"
  echo
  node "$here/compare.mjs" "$out/$engine.json" "$out/v8.json"
  echo
done
