;; Imports functions the sandbox does not provide, next to ones it does.
(module
  (import "env" "app_log" (func (param i32 i32 i32 i32)))
  (import "env" "launch_missiles" (func (param i32)))
  (import "wasi_snapshot_preview1" "fd_write" (func (param i32 i32 i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "thread_spawn" (func (param i32) (result i32)))
  (import "os" "system" (func (param i32 i32) (result i32)))
  (memory (export "memory") 1)
  (func (export "_start"))
)
