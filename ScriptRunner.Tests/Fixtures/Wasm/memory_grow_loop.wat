;; Grows memory one page at a time until memory.grow fails, then returns the page count it reached.
(module
  (memory (export "memory") 1)
  (func (export "grow") (result i32)
    (block $refused
      (loop $again
        (br_if $refused (i32.eq (memory.grow (i32.const 1)) (i32.const -1)))
        (br $again)))
    (memory.size))
)
