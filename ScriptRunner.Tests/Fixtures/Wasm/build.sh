#!/usr/bin/env bash
# Rebuilds every WebAssembly fixture in this folder from its source.
# Needs: clang, lld, wasi-libc, libclang-rt-14-dev-wasm32 (C) and wabt (WAT), e.g.
#   apt-get install clang lld wasi-libc libclang-rt-14-dev-wasm32 wabt
set -euo pipefail
cd "$(dirname "$0")"

# C programs against wasi-libc; --strip-debug drops libc's DWARF but keeps the name section for trap messages.
for source in wasi_command.c wasi_calls.c wasi_errno.c host_functions.c; do
    clang --target=wasm32-wasi -O2 -Wl,--strip-debug -o "${source%.c}.wasm" "$source"
done
# A reactor: no _start; _initialize runs the constructors before exports are called.
clang --target=wasm32-wasi -O2 -mexec-model=reactor -Wl,--strip-debug -o reactor.wasm reactor.c

for source in *.wat; do
    wat2wasm --debug-names -o "${source%.wat}.wasm" "$source"
done
