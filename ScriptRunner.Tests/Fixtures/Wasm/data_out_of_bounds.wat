;; A data segment that lies past the end of its one-page memory.
(module
  (memory (export "memory") 1)
  (data (i32.const 65530) "this segment does not fit")
  (func (export "_start"))
)
