;; Unbounded recursion: must end in a "call stack exhausted" trap, never a host stack overflow.
(module
  (func $recurse (export "recurse") (param i64) (result i64)
    (i64.add (call $recurse (i64.add (local.get 0) (i64.const 1))) (i64.const 1)))
  (func (export "_start")
    (drop (call $recurse (i64.const 0))))
)
