;; A command that prints a line, then asks poll_oneoff to sleep for the longest time a clock subscription can name.
(module
  (import "wasi_snapshot_preview1" "fd_write" (func $fd_write (param i32 i32 i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "poll_oneoff" (func $poll_oneoff (param i32 i32 i32 i32) (result i32)))
  (memory (export "memory") 1)
  (data (i32.const 256) "going to sleep\n")
  (func (export "_start")
    (i32.store (i32.const 200) (i32.const 256))
    (i32.store (i32.const 204) (i32.const 15))
    (drop (call $fd_write (i32.const 1) (i32.const 200) (i32.const 1) (i32.const 208)))
    ;; subscription at 0: userdata @0, tag @8 = clock (0), clock id @16 = monotonic (1), timeout @24 = 2^64 - 1 ns
    (i32.store8 (i32.const 8) (i32.const 0))
    (i32.store (i32.const 16) (i32.const 1))
    (i64.store (i32.const 24) (i64.const -1))
    (drop (call $poll_oneoff (i32.const 0) (i32.const 64) (i32.const 1) (i32.const 128))))
)
