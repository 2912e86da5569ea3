#!/usr/bin/env bash
# Runs the benchmark plan on ScriptRunner's runtime (Release build) and on V8 (node) in the same run, then prints
# kernel, ours (ms), V8 (ms), ratio and the geometric mean of the ratios. Kernel results are cross-checked.
# Usage: ScriptRunner.Benchmarks/compare.sh
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT

dotnet build "$here/ScriptRunner.Benchmarks.csproj" -c Release --nologo -v quiet >/dev/null
echo "== ScriptRunner"
dotnet "$here/bin/Release/net10.0/ScriptRunner.Benchmarks.dll" compare --json "$out/ours.json"
echo "== V8 ($(node --version))"
node "$here/node/bench.mjs" --json "$out/v8.json"
echo
node "$here/compare.mjs" "$out/ours.json" "$out/v8.json"
