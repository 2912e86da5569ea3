#!/usr/bin/env bash
# Rebuilds the WebAssembly samples. Needs clang, lld, wasi-libc, libclang-rt-14-dev-wasm32 and wabt.
set -euo pipefail
cd "$(dirname "$0")"
clang --target=wasm32-wasi -O2 -Wl,--strip-debug -o host_functions.wasm host_functions.c
wat2wasm --debug-names -o handler.wasm handler.wat
