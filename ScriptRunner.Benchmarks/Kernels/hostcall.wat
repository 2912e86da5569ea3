;; Host-call cost: `calls(n)` calls env.get_unixtime n times; `nothing` does nothing (per-request overhead).
;; Rebuild: wat2wasm hostcall.wat -o hostcall.wasm
(module
  (import "env" "get_unixtime" (func $now (result i64)))
  (memory (export "memory") 1)
  (func (export "nothing"))
  (func (export "calls") (param $n i32) (result i64)
    (local $sum i64)
    (block $done
      (loop $next
        (br_if $done (i32.eqz (local.get $n)))
        (local.set $sum (i64.add (local.get $sum) (call $now)))
        (local.set $n (i32.sub (local.get $n) (i32.const 1)))
        (br $next)))
    (local.get $sum)))
