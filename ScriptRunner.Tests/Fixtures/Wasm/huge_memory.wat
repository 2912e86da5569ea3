;; Declares 4096 initial pages (256 MiB), more than an execution may have.
(module
  (memory (export "memory") 4096)
  (data (i32.const 268435000) "end of a huge memory")
  (func (export "_start"))
)
