#!/usr/bin/env bash
# Rebuilds the benchmark modules from source (Debian: clang 14, lld, wasi-libc, libclang-rt-14-dev-wasm32; node for
# the generator). The built .wasm files are committed, so the benchmarks run without this toolchain.
set -euo pipefail
cd "$(dirname "$0")"

# Compute kernels: a WASI reactor with no imports (no libc calls), exports fib, sieve, matmul, fnv1a, nbody.
clang --target=wasm32-wasi -O2 -mexec-model=reactor -Wl,--strip-debug -o kernels.wasm kernels.c

# About 2 MB of generated code (3000 functions reached through one exported dispatcher) for compile-time runs.
node gen-large.mjs 3000 > large.c
clang --target=wasm32-wasi -O1 -w -mexec-model=reactor -Wl,--strip-debug -o large.wasm large.c
rm large.c

# A small module (one page of memory, a data segment) for instantiation-time runs.
clang --target=wasm32-wasi -O2 -nostdlib -Wl,--no-entry -Wl,--strip-debug -Wl,-z,stack-size=16384 \
  -Wl,--initial-memory=65536 -o small.wasm small.c

ls -l kernels.wasm large.wasm small.wasm
