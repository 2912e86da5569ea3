;; Calls a host function that needs linear memory while exporting none.
(module
  (import "env" "capture_stdout" (func $capture_stdout (param i32 i32)))
  (memory 1)
  (func (export "_start")
    (call $capture_stdout (i32.const 0) (i32.const 1)))
)
